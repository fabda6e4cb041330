import type { IDataObject } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { isPlainObject } from '../../helpers/values/object';
import { resendIf } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from '../catalog/changes';
import { bulkItemOperation } from './bulk';

/** Whether sending this request twice comes out the same: no array field's $add in any item. */
function setsOnly(body: BrazeBody): boolean {
	const items = Array.isArray(body.items) ? (body.items as IDataObject[]) : [];
	return !items.some((item) =>
		Object.values(item).some((value) => isPlainObject(value) && '$add' in value),
	);
}

/**
 * Catalog Item › Update: PATCH /catalogs/{catalog_name}/items, only the given fields. Setting a
 * value twice comes out the same; an array field's $add adds its values again, so a request with
 * one is reported, never resent.
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/patch_catalog_items_bulk
 */
export const updateItemOperation = bulkItemOperation({
	name: 'Update',
	value: 'update',
	action: 'Update a catalog item',
	description:
		"Change some fields of existing catalog items (e.g. a product's price or stock) and leave the others as they are, one item per input item, sharing requests of up to 50. Braze skips an ID it does not have.",
	method: 'PATCH',
	permission: 'catalogs.update_items',
	item: 'changes',
	onUnclearAnswer: resendIf(setsOnly, CATALOG_CHANGES.itemUpdate),
});
