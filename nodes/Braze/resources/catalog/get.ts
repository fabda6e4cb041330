import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { isPlainObject } from '../../helpers/values/object';
import type { OperationSpec } from '../../transport/operation';
import { askAgain } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from './changes';
import { catalogNameOf } from './names';

/** Checks the catalog's name before the list is asked for. */
function checkCatalogName(context: IExecuteSingleFunctions, body: IDataObject): void {
	catalogNameOf(context);
	for (const key of Object.keys(body)) delete body[key];
}

/** The named catalog out of Braze's list, or an error naming the catalogs there are. */
function theCatalog(context: IExecuteSingleFunctions, json: IDataObject): IDataObject[] {
	const name = catalogNameOf(context);
	const catalogs = Array.isArray(json.catalogs) ? json.catalogs.filter(isPlainObject) : [];
	const found = catalogs.find((catalog) => catalog.name === name);
	if (found) return [found];
	const names = catalogs.map((catalog) => String(catalog.name));
	throw new NodeOperationError(context.getNode(), `Braze has no catalog named "${name}"`, {
		description: names.length
			? `The workspace's catalogs: ${names.join(', ')}. Pick the catalog From List, or correct its name.`
			: 'The workspace has no catalogs yet: create one with Catalog › Create.',
		itemIndex: context.getItemIndex(),
	});
}

/**
 * Catalog › Get: one catalog's fields and their types, its description and item count, read from
 * GET /catalogs (Braze has no endpoint for one catalog:
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/get_list_catalogs).
 */
export const getCatalogOperation: OperationSpec = {
	name: 'Get',
	value: 'get',
	action: 'Get a catalog',
	description:
		"Read one catalog's fields and their types (and its description and item count), e.g. to check what a product row must hold before writing it, or to map a feed's columns to the catalog's fields",
	url: '/catalogs',
	method: 'GET',
	permission: 'catalogs.get',
	rateLimitBucket: 'catalogs',
	prepare: [checkCatalogName],
	outputItems: theCatalog,
	outputsDispatchId: false,
	onUnclearAnswer: askAgain(CATALOG_CHANGES.read),
};
