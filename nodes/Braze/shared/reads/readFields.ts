import type { INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';

/**
 * The fields n8n users know from every Get Many and every read with a large answer, added to a
 * resource's form from what its operations declare: Return All and Limit for an operation with
 * `paging` (transport/reads/pages.ts), Output and Fields for one with `shape` (transport/reads/recordShape.ts). They go just
 * before the resource's Options, or last.
 */
export function withReadFields(
	resource: string,
	operations: OperationSpec[],
	fields: INodeProperties[],
): INodeProperties[] {
	const paged = operations.filter((operation) => operation.paging).map((op) => op.value);
	const shaped = operations.filter((operation) => operation.shape);
	const added = [
		...(paged.length ? pagingProperties(resource, paged) : []),
		...(shaped.length ? outputProperties(resource, shaped) : []),
	];
	if (!added.length) return fields;
	const at = fields.findIndex((field) => field.name === 'options');
	const place = at === -1 ? fields.length : at;
	return [...fields.slice(0, place), ...added, ...fields.slice(place)];
}

function pagingProperties(resource: string, operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { resource: [resource], operation: operations } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: {
				show: { resource: [resource], operation: operations, returnAll: [false] },
			},
		},
	];
}

function outputProperties(resource: string, operations: OperationSpec[]): INodeProperties[] {
	const values = operations.map((operation) => operation.value);
	const kept = operations
		.map((operation) => `${operation.name}: ${operation.shape?.simplified.join(', ')}`)
		.join('; ');
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'simplified',
			options: [
				{
					name: 'Simplified',
					value: 'simplified',
					description: `The ID and the fields a workflow uses most (${kept})`,
				},
				{ name: 'Raw', value: 'raw', description: 'Everything Braze returns' },
				{
					name: 'Selected Fields',
					value: 'selected',
					description: 'The ID and the fields you name',
				},
			],
			description:
				'How much of each record to return. The ID is always kept. Simplified keeps the answer small enough for an AI agent to read.',
			displayOptions: { show: { resource: [resource], operation: values } },
		},
		{
			displayName: 'Fields',
			name: 'outputFields',
			type: 'string',
			default: '',
			placeholder: 'e.g. first_name, email, custom_attributes.plan',
			description:
				'The fields to keep, separated by commas; a dot reaches inside an object (custom_attributes.plan). The ID is always kept.',
			displayOptions: { show: { resource: [resource], operation: values, output: ['selected'] } },
		},
	];
}
