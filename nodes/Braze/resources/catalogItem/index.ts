import { catalogOfFieldOrItem } from '../catalog/names';
import { catalogOptionsProperty } from '../catalog/options';
import { resourceProperties } from '../resource';
import { createItemOperation } from './create';
import { deleteItemOperation } from './delete';
import { getItemOperation } from './get';
import { getManyItemsOperation } from './getMany';
import { itemFieldsProperties, itemIdProperty } from './itemFields';
import { updateItemOperation } from './update';
import { replaceItemOperation } from './replace';

const operations = [
	createItemOperation,
	replaceItemOperation,
	deleteItemOperation,
	getItemOperation,
	getManyItemsOperation,
	updateItemOperation,
];

/** The Catalog Item form: a catalog's items, written in batches, read one or many. */
export const catalogItemProperties = resourceProperties(
	'catalogItem',
	operations,
	[catalogOfFieldOrItem, itemIdProperty, ...itemFieldsProperties, catalogOptionsProperty],
	'replace',
);
