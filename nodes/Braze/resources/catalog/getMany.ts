import { keepOnlyKeys } from '../../helpers/body/requestBody';
import type { OperationSpec } from '../../transport/operation';
import { askAgain } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from './changes';

/**
 * Catalog › Get Many: GET /catalogs, every catalog of the workspace with its fields and item
 * count (https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/get_list_catalogs).
 * Braze documents no paging for it; should it answer with a Link rel="next", the node follows it
 * as it does for catalog items.
 */
export const getManyCatalogsOperation: OperationSpec = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many catalogs',
	description:
		"List the workspace's catalogs with their fields, field types and item counts, e.g. to find the catalog a product feed should update, or to see which fields its items may have",
	url: '/catalogs',
	method: 'GET',
	permission: 'catalogs.get',
	rateLimitBucket: 'catalogs',
	prepare: [keepOnlyKeys([])],
	paging: { style: { kind: 'cursor' }, listKey: 'catalogs' },
	onUnclearAnswer: askAgain(CATALOG_CHANGES.read),
};
