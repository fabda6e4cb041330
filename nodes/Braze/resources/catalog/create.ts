import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import { textField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { isPlainObject } from '../../helpers/values/object';
import type { OperationSpec } from '../../transport/operation';
import { report } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from './changes';
import { fieldList, newFieldsProperty } from './fieldTypes';
import { catalogNameText } from './names';

/** Braze: at most 500 fields, the first of them `id`; a description of at most 250 characters. */
const MAX_FIELDS = 500;
const MAX_DESCRIPTION = 250;

const show = showFor('catalog', ['create']);

export const createCatalogProperties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'newCatalogName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. products',
		description:
			"The new catalog's name: letters, digits, - and _ only, at most 250 characters. Messages name it in Liquid, e.g. {% catalog_items products sku-1001 %}.",
		displayOptions: show,
	},
	{
		displayName: 'Description',
		name: 'catalogDescription',
		type: 'string',
		default: '',
		description: 'What the catalog holds, at most 250 characters',
		displayOptions: show,
	},
	newFieldsProperty,
];

/** POST /catalogs's body: exactly one catalog, `id` (text) its first field. */
export function buildCatalog(context: IExecuteSingleFunctions, body: IDataObject): void {
	const name = catalogNameText(
		context,
		context.getNodeParameter('newCatalogName', ''),
		'Name',
		'catalog name',
	);
	const description = textField(
		context,
		context.getNodeParameter('catalogDescription', ''),
		'Description',
	);
	if ([...description].length > MAX_DESCRIPTION) {
		throw invalidInput(
			context,
			`Description is ${[...description].length} characters long; Braze allows at most ${MAX_DESCRIPTION}`,
			'Shorten the Description.',
		);
	}
	const fields = fieldList(context, MAX_FIELDS - 1);
	for (const key of Object.keys(body)) delete body[key];
	body.catalogs = [{ name, description, fields: [{ name: 'id', type: 'string' }, ...fields] }];
}

/** The catalog Braze made, as one output item. */
function createdCatalog(_context: IExecuteSingleFunctions, json: IDataObject): IDataObject[] {
	const [made] = Array.isArray(json.catalogs) ? json.catalogs.filter(isPlainObject) : [];
	return [made ? { ...made, message: json.message } : json];
}

/**
 * Catalog › Create: POST /catalogs, one catalog with its fields
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/post_create_catalog).
 */
export const createCatalogOperation: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a catalog',
	description:
		'Create a catalog with its fields and their types (text, number, boolean, time, JSON object, list of texts), e.g. before loading a product, store or course feed into it with Catalog Item › Create or Replace',
	url: '/catalogs',
	permission: 'catalogs.create',
	rateLimitBucket: 'catalogs',
	prepare: [buildCatalog],
	outputItems: createdCatalog,
	outputsDispatchId: false,
	onUnclearAnswer: report(CATALOG_CHANGES.catalogCreation),
};
