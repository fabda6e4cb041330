import type { INodeProperties } from 'n8n-workflow';

import { triggerOperation, triggerProperties } from './trigger';

export const canvasOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['canvas'] } },
	options: [triggerOperation],
	default: 'trigger',
};

export const canvasProperties: INodeProperties[] = [canvasOperations, ...triggerProperties];
