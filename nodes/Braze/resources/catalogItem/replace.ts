import { resend } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from '../catalog/changes';
import { bulkItemOperation } from './bulk';

/**
 * Catalog Item › Create or Replace: PUT /catalogs/{catalog_name}/items, each item whole; an ID
 * Braze does not have is created. Applied twice, it comes out the same (idempotent per item ID).
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk
 */
export const replaceItemOperation = bulkItemOperation({
	name: 'Create or Replace',
	value: 'replace',
	action: 'Create or replace a catalog item',
	description:
		'Keep a catalog in step with a feed: write each input item (e.g. a product row) as a whole catalog item, creating it or replacing the one with its ID, sharing requests of up to 50. Safe to run again.',
	method: 'PUT',
	permission: 'catalogs.replace_items',
	item: 'fields',
	onUnclearAnswer: resend(CATALOG_CHANGES.itemReplacement),
});
