import type { INodeProperties } from 'n8n-workflow';

import { triggerOperation, triggerProperties } from './trigger';

export const campaignOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['campaign'] } },
	options: [triggerOperation],
	default: 'trigger',
};

export const campaignProperties: INodeProperties[] = [campaignOperations, ...triggerProperties];
