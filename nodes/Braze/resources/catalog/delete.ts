import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import { booleanField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import type { OperationSpec } from '../../transport/operation';
import { resend } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from './changes';
import { catalogNameOf, pathSegment } from './names';

const show = showFor('catalog', ['delete']);

export const deleteCatalogProperties: INodeProperties[] = [
	{
		displayName:
			'Deleting a catalog removes it and all its items from Braze. Messages that use it in Liquid stop finding them. It cannot be undone.',
		name: 'catalogDeleteNotice',
		type: 'notice',
		default: '',
		description: 'Deletion is permanent',
		displayOptions: show,
	},
	{
		displayName: 'Confirm Deletion',
		name: 'confirmCatalogDelete',
		type: 'boolean',
		default: false,
		required: true,
		description:
			'Whether you mean to delete this catalog and all its items for good; nothing is deleted while this is off',
		displayOptions: show,
	},
];

/** Nothing is deleted unless Confirm Deletion is on; the catalog's name is checked. */
function confirmDeletion(context: IExecuteSingleFunctions, body: IDataObject): void {
	const confirmed = booleanField(
		context,
		context.getNodeParameter('confirmCatalogDelete', false),
		'Confirm Deletion',
		false,
	);
	if (!confirmed) {
		throw invalidInput(
			context,
			'Confirm Deletion is off, so nothing was deleted',
			'Deleting removes the catalog and all its items for good. If that is what you want, switch on "Confirm Deletion".',
		);
	}
	catalogNameOf(context);
	for (const key of Object.keys(body)) delete body[key];
}

/**
 * Catalog › Delete: DELETE /catalogs/{catalog_name}, the catalog and all its items
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/delete_catalog).
 */
export const deleteCatalogOperation: OperationSpec = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a catalog',
	description:
		'Delete a catalog and all its items from Braze, for good, e.g. a seasonal catalog after its campaign ended. Needs Confirm Deletion.',
	url: '/catalogs/{catalog_name}',
	method: 'DELETE',
	permission: 'catalogs.delete',
	rateLimitBucket: 'catalogs',
	prepare: [confirmDeletion],
	path: (context) => `/catalogs/${pathSegment(catalogNameOf(context))}`,
	outputItems: (context, json) => [{ catalog: catalogNameOf(context), deleted: true, ...json }],
	outputsDispatchId: false,
	onUnclearAnswer: resend(CATALOG_CHANGES.catalogDeletion),
};
