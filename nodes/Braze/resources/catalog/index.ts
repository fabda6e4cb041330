import { resourceProperties } from '../resource';
import { createCatalogOperation, createCatalogProperties } from './create';
import { deleteCatalogOperation, deleteCatalogProperties } from './delete';
import { getCatalogOperation } from './get';
import { getManyCatalogsOperation } from './getMany';
import { catalogLocator } from './names';
import { catalogOptionsProperty } from './options';

const operations = [
	createCatalogOperation,
	deleteCatalogOperation,
	getCatalogOperation,
	getManyCatalogsOperation,
];

/** The Catalog form: the workspace's catalogs and their schema. */
export const catalogProperties = resourceProperties(
	'catalog',
	operations,
	[
		catalogLocator({ show: { resource: ['catalog'], operation: ['get', 'delete'] } }),
		...deleteCatalogProperties,
		...createCatalogProperties,
		catalogOptionsProperty,
	],
	'getMany',
);
