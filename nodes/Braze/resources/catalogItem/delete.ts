import { resend } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from '../catalog/changes';
import { bulkItemOperation } from './bulk';

/**
 * Catalog Item › Delete: DELETE /catalogs/{catalog_name}/items, by ID. Deleting twice comes out the
 * same.
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/delete_catalog_items_bulk
 */
export const deleteItemOperation = bulkItemOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a catalog item',
	description:
		'Remove items from a catalog by ID, one per input item (e.g. discontinued products), sharing requests of up to 50',
	method: 'DELETE',
	permission: 'catalogs.delete_items',
	item: 'id',
	onUnclearAnswer: resend(CATALOG_CHANGES.itemDeletion),
});
