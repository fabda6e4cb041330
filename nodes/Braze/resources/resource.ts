import type { INodeProperties } from 'n8n-workflow';

import { bodyFieldsShownFor } from '../helpers/body/fields';
import { brazeOperation } from '../transport/operation';
import type { OperationSpec } from '../transport/operation';
import { withReadFields } from '../shared/reads/readFields';
import { withSimplify } from '../shared/simplifyField';

/**
 * A resource's part of the form: its Operation selector, then its fields, with Simplify (version
 * 2) where an operation's output can carry bookkeeping (shared/simplifyField.ts), and Return All,
 * Limit and Output where an operation reads a list or large records (shared/reads/readFields.ts). Each operation gets
 * the routed fields it shows, read from these very fields, so a field added to the form is
 * typed and checked without being listed anywhere else.
 */
export function resourceProperties(
	resource: string,
	operations: OperationSpec[],
	fields: INodeProperties[],
	defaultOperation: string,
): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map((operation) =>
			brazeOperation({
				...operation,
				bodyFields: bodyFieldsShownFor(fields, resource, operation.value),
			}),
		),
		default: defaultOperation,
	};
	return [
		selector,
		...withSimplify(resource, operations, withReadFields(resource, operations, fields)),
	];
}
