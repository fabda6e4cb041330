import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { askAgain } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from '../catalog/changes';
import { catalogNameOf, pathSegment } from '../catalog/names';

function checkCatalog(context: IExecuteSingleFunctions, body: IDataObject): void {
	catalogNameOf(context);
	for (const key of Object.keys(body)) delete body[key];
}

/**
 * Catalog Item › Get Many: GET /catalogs/{catalog_name}/items, 50 items a page; the next page's
 * cursor comes in the Link header (rel="next"), which Return All follows to the end.
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/get_catalog_items_details_bulk
 */
export const getManyItemsOperation: OperationSpec = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many catalog items',
	description:
		"List a catalog's items with all their fields, e.g. to compare the catalog with a product feed and find what to delete. Braze pages them 50 at a time; Return All reads every page.",
	url: '/catalogs/{catalog_name}/items',
	method: 'GET',
	permission: 'catalogs.get_items',
	rateLimitBucket: 'catalogItems',
	prepare: [checkCatalog],
	path: (context) => `/catalogs/${pathSegment(catalogNameOf(context))}/items`,
	paging: { style: { kind: 'cursor' }, listKey: 'items' },
	onUnclearAnswer: askAgain(CATALOG_CHANGES.read),
};
