import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { resend } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from '../catalog/changes';
import { fieldList, newFieldsProperty } from '../catalog/fieldTypes';
import { catalogNameOf, pathSegment } from '../catalog/names';

/** Braze takes at most 50 new fields a request. */
const MAX_NEW_FIELDS = 50;

export const createFieldProperties: INodeProperties[] = [newFieldsProperty];

/** POST /catalogs/{catalog_name}/fields's body: the new fields, names checked, at most 50. */
function buildFields(context: IExecuteSingleFunctions, body: IDataObject): void {
	catalogNameOf(context);
	const fields = fieldList(context, MAX_NEW_FIELDS);
	for (const key of Object.keys(body)) delete body[key];
	body.fields = fields;
}

/**
 * Catalog Field › Create: POST /catalogs/{catalog_name}/fields, asynchronous (202)
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_fields/asynchronous/post_create_catalog_fields).
 */
export const createFieldOperation: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create catalog fields',
	description:
		"Add fields (with their types) to a catalog, e.g. when a product feed gains a column the catalog's items should carry. Braze queues the change (202) and applies it a moment later.",
	url: '/catalogs/{catalog_name}/fields',
	permission: 'catalogs.create_fields',
	rateLimitBucket: 'catalogFields',
	prepare: [buildFields],
	path: (context) => `/catalogs/${pathSegment(catalogNameOf(context))}/fields`,
	outputItems: (context, json) => [
		{
			catalog: catalogNameOf(context),
			fields: fieldList(context, MAX_NEW_FIELDS).map((field) => field.name),
			accepted: true,
			status: 'queued',
			...json,
		},
	],
	outputsDispatchId: false,
	onUnclearAnswer: resend(CATALOG_CHANGES.fieldCreation),
};
