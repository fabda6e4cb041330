import type { INodeProperties } from 'n8n-workflow';

import { FROM_VERSION_2, RECIPIENT_OPERATIONS } from '../helpers/form/displayOptions';
import type { OperationSpec } from '../transport/operation';

/**
 * "Simplify" (version 2, n8n's convention for an output with more than the user needs): on by
 * default, it keeps the node's bookkeeping of how an item's requests went out of the output
 * (itemOutput.ts `simplified`): the `request` of an item that shared a request, the `requests`
 * list of an item whose users were split into several. Off gives version 1's full output.
 */
function simplifyProperty(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show: { resource: [resource], operation: operations, ...FROM_VERSION_2 } },
	};
}

/**
 * The operations whose output can carry bookkeeping: those whose items share requests (`batch`),
 * and those that name users (External User IDs, shown for RECIPIENT_OPERATIONS), which the
 * executor splits into requests of at most 50. The others make one request per item and output
 * Braze's answer as it is, so Simplify would change nothing there and is not shown.
 */
function withBookkeeping(resource: string, operations: OperationSpec[]): string[] {
	const namesUsers =
		RECIPIENT_OPERATIONS.resource.includes(resource) &&
		((operation: OperationSpec) => RECIPIENT_OPERATIONS.operation.includes(operation.value));
	// An operation with `shape` outputs records, shaped by its Output option instead.
	const recordsOnly = (operation: OperationSpec) => operation.shape !== undefined;
	return operations
		.filter((operation) => !recordsOnly(operation))
		.filter((operation) => operation.batch !== undefined || (namesUsers && namesUsers(operation)))
		.map((operation) => operation.value);
}

/**
 * A resource's fields with its Simplify field, where any of its operations has bookkeeping to
 * leave out: just before its Options collection, where n8n's own nodes put it, or last.
 */
export function withSimplify(
	resource: string,
	operations: OperationSpec[],
	fields: INodeProperties[],
): INodeProperties[] {
	const shown = withBookkeeping(resource, operations);
	if (!shown.length) return fields;
	const at = fields.findIndex((field) => field.name === 'options');
	const place = at === -1 ? fields.length : at;
	return [...fields.slice(0, place), simplifyProperty(resource, shown), ...fields.slice(place)];
}
