import { catalogOfFieldOrItem } from '../catalog/names';
import { catalogOptionsProperty } from '../catalog/options';
import { resourceProperties } from '../resource';
import { createFieldOperation, createFieldProperties } from './create';
import { deleteFieldOperation, deleteFieldProperties } from './delete';

/** The Catalog Field form: a catalog's schema, one field at a time. */
export const catalogFieldProperties = resourceProperties(
	'catalogField',
	[createFieldOperation, deleteFieldOperation],
	[
		catalogOfFieldOrItem,
		...createFieldProperties,
		...deleteFieldProperties,
		catalogOptionsProperty,
	],
	'create',
);
