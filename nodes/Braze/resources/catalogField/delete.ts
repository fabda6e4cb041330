import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import { invalidInput } from '../../helpers/validation/invalidInput';
import type { OperationSpec } from '../../transport/operation';
import { resend } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from '../catalog/changes';
import { catalogNameOf, catalogNameText, pathSegment } from '../catalog/names';

const show = showFor('catalogField', ['delete']);

export const deleteFieldProperties: INodeProperties[] = [
	{
		displayName: 'Field Name',
		name: 'fieldName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. sale_price',
		description:
			"The field to delete. Its value goes from every item of the catalog, for good; a catalog's ID field cannot be deleted.",
		displayOptions: show,
	},
];

/** The field to delete, checked: a valid name, and not `id`. */
function fieldNameOf(context: IExecuteSingleFunctions): string {
	const name = catalogNameText(
		context,
		context.getNodeParameter('fieldName', ''),
		'Field Name',
		'field name',
	);
	if (name === 'id') {
		throw invalidInput(
			context,
			'Field Name is "id", the field every catalog keeps',
			"Name another field: Braze does not delete a catalog's id field.",
		);
	}
	return name;
}

function checkField(context: IExecuteSingleFunctions, body: IDataObject): void {
	catalogNameOf(context);
	fieldNameOf(context);
	for (const key of Object.keys(body)) delete body[key];
}

/**
 * Catalog Field › Delete: DELETE /catalogs/{catalog_name}/fields/{field_name}, asynchronous (202)
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_fields/asynchronous/delete_catalog_field).
 */
export const deleteFieldOperation: OperationSpec = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a catalog field',
	description:
		'Delete a field, and its value in every item, from a catalog, e.g. a column the product feed no longer has. Braze queues the change (202) and applies it a moment later.',
	url: '/catalogs/{catalog_name}/fields/{field_name}',
	method: 'DELETE',
	permission: 'catalogs.delete_fields',
	rateLimitBucket: 'catalogFields',
	prepare: [checkField],
	path: (context) =>
		`/catalogs/${pathSegment(catalogNameOf(context))}/fields/${pathSegment(fieldNameOf(context))}`,
	outputItems: (context, json) => [
		{
			catalog: catalogNameOf(context),
			field: fieldNameOf(context),
			accepted: true,
			status: 'queued',
			...json,
		},
	],
	outputsDispatchId: false,
	onUnclearAnswer: resend(CATALOG_CHANGES.fieldDeletion),
};
