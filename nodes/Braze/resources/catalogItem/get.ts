import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { isPlainObject } from '../../helpers/values/object';
import type { OperationSpec } from '../../transport/operation';
import { askAgain } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from '../catalog/changes';
import { catalogNameOf, pathSegment } from '../catalog/names';
import { itemIdOf } from './itemFields';

function checkItem(context: IExecuteSingleFunctions, body: IDataObject): void {
	catalogNameOf(context);
	itemIdOf(context);
	for (const key of Object.keys(body)) delete body[key];
}

/** Braze answers with a list of one: the item itself is the output. */
function theItem(_context: IExecuteSingleFunctions, json: IDataObject): IDataObject[] {
	const [item] = Array.isArray(json.items) ? json.items.filter(isPlainObject) : [];
	return [item ?? json];
}

/**
 * Catalog Item › Get: GET /catalogs/{catalog_name}/items/{item_id}, synchronous, 50 requests a
 * minute shared with Get Many (https://www.braze.com/docs/api/api_limits).
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/get_catalog_item
 */
export const getItemOperation: OperationSpec = {
	name: 'Get',
	value: 'get',
	action: 'Get a catalog item',
	description:
		"Read one catalog item by its ID (e.g. a product's current price or stock) before deciding what to send. A change accepted moments ago may not show yet.",
	url: '/catalogs/{catalog_name}/items/{item_id}',
	method: 'GET',
	permission: 'catalogs.get_item',
	rateLimitBucket: 'catalogItems',
	prepare: [checkItem],
	path: (context) =>
		`/catalogs/${pathSegment(catalogNameOf(context))}/items/${pathSegment(itemIdOf(context))}`,
	outputItems: theItem,
	outputsDispatchId: false,
	onUnclearAnswer: askAgain(CATALOG_CHANGES.read),
};
