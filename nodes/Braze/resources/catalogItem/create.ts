import { report } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from '../catalog/changes';
import { bulkItemOperation } from './bulk';

/**
 * Catalog Item › Create: POST /catalogs/{catalog_name}/items. Braze does not create an item ID
 * that exists, and says so nowhere (the 202 comes first), so an unclear answer is reported, never
 * resent: a resend could be the one skipped, and the item's output would then say queued.
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/post_create_catalog_items_bulk
 */
export const createItemOperation = bulkItemOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a catalog item',
	description:
		'Add new items to a catalog, one per input item (e.g. a new product), sharing requests of up to 50. Braze skips an ID that already exists without saying so: use Create or Replace to add or overwrite.',
	method: 'POST',
	permission: 'catalogs.add_items',
	item: 'fields',
	onUnclearAnswer: report(CATALOG_CHANGES.itemCreation),
});
