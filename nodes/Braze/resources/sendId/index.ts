import type { INodeProperties } from 'n8n-workflow';

import { createOperation, createProperties } from './create';

export const sendIdOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['sendId'] } },
	options: [createOperation],
	default: 'create',
};

export const sendIdProperties: INodeProperties[] = [sendIdOperations, ...createProperties];
