import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { catalogNameOf, pathSegment } from '../catalog/names';
import { catalogItemBatch } from './batching';
import { itemIdOf, itemOf } from './itemFields';
import { queuedItem } from './output';
import { checkAgainstCatalog } from './schemaCheck';

/** What an item write operation declares; the rest is the same for the four. */
type BulkWrite = Pick<
	OperationSpec,
	'name' | 'value' | 'action' | 'description' | 'method' | 'permission' | 'onUnclearAnswer'
> & {
	/** What the item carries: its fields (all of them, or on Update those to change), or its ID only. */
	item: 'fields' | 'changes' | 'id';
};

/**
 * An item write through Braze's asynchronous bulk endpoint /catalogs/{catalog_name}/items: up to
 * 50 items a request (the run's items for one catalog share them), 202 when queued, 16,000
 * requests a minute shared by the four endpoints (https://www.braze.com/docs/api/api_limits).
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk
 */
export function bulkItemOperation(write: BulkWrite): OperationSpec {
	const { item, ...words } = write;
	const update = item === 'changes';
	function buildItem(context: IExecuteSingleFunctions, body: IDataObject): void {
		catalogNameOf(context);
		const built = item === 'id' ? { id: itemIdOf(context) } : itemOf(context, update);
		for (const key of Object.keys(body)) delete body[key];
		body.items = [built];
	}
	return {
		...words,
		url: '/catalogs/{catalog_name}/items',
		rateLimitBucket: 'catalogItemsBulk',
		prepare: [buildItem],
		path: (context) => `/catalogs/${pathSegment(catalogNameOf(context))}/items`,
		...(item === 'id' ? {} : { verify: async (run) => await checkAgainstCatalog(run, update) }),
		batch: catalogItemBatch,
		outputItems: queuedItem,
		outputsDispatchId: false,
	};
}
