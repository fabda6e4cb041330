import type { INodeProperties } from 'n8n-workflow';

import { sendOperation, sendProperties } from './send';

export const messageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [sendOperation],
	default: 'send',
};

export const messageProperties: INodeProperties[] = [messageOperations, ...sendProperties];
