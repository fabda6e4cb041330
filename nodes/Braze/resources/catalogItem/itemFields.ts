import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import { entriesParameter } from '../../helpers/form/parameters';
import { jsonParameter, readJsonObject } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { catalogNameText } from '../catalog/names';
import { checkedValue, MAX_ITEM_CHARACTERS } from './itemValues';

/** The operations that write an item's fields. */
export const WRITES_FIELDS = ['create', 'update', 'replace'];

export const itemIdProperty: INodeProperties = {
	displayName: 'Item ID',
	name: 'itemId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. {{ $json.sku }}',
	description:
		"The item's ID in the catalog, usually an expression that picks it from the input item (e.g. its SKU): letters, digits, - and _ only, at most 250 characters",
	displayOptions: showFor('catalogItem', ['create', 'update', 'replace', 'delete', 'get']),
};

export const itemFieldsProperties: INodeProperties[] = [
	{
		displayName: 'Specify Fields',
		name: 'itemFieldsMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Using Fields Below',
				value: 'fields',
				description: 'One entry per field, each value a text or an expression',
			},
			{
				name: 'Using JSON',
				value: 'json',
				description: 'One JSON object of field names and values, typed or from an expression',
			},
		],
		default: 'fields',
		description: "How to give the item's fields: one entry per field, or one JSON object",
		displayOptions: showFor('catalogItem', WRITES_FIELDS),
	},
	{
		displayName: 'Fields',
		name: 'itemFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description:
			"The item's fields besides its ID; each must exist in the catalog. Update sends only these.",
		displayOptions: {
			show: { resource: ['catalogItem'], operation: WRITES_FIELDS, itemFieldsMode: ['fields'] },
		},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. price',
						description: "The catalog field's name",
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. {{ $json.price }}',
						description:
							"The value. An expression may give a number, true or false, a list of texts or an object, sent as such; typed text is sent as text (Braze converts it to the field's type, or Check Fields Against the Catalog does before sending).",
					},
				],
			},
		],
	},
	{
		displayName: 'Fields (JSON)',
		name: 'itemJson',
		type: 'json',
		default: '{\n  "name": "",\n  "price": 0\n}',
		description:
			'The item\'s fields besides its ID, as one JSON object, e.g. {"name": "Trail shoe", "price": 89.5, "tags": ["running"]}. Update sends only these; an array field also takes {"$add": [...]} or {"$remove": [...]}.',
		displayOptions: {
			show: { resource: ['catalogItem'], operation: WRITES_FIELDS, itemFieldsMode: ['json'] },
		},
	},
];

/** The item's ID, checked against Braze's rule. */
export function itemIdOf(context: IExecuteSingleFunctions): string {
	return catalogNameText(context, context.getNodeParameter('itemId', ''), 'Item ID', 'item ID');
}

/** A field as the form gives it: its name and value, and how errors name each. */
type GivenField = {
	name: unknown;
	value: unknown;
	nameLabel: string;
	valueLabel: (name: string) => string;
};

/** The item's fields as the form gives them: entries, or one JSON object. */
function givenFields(context: IExecuteSingleFunctions): GivenField[] {
	const mode = context.getNodeParameter('itemFieldsMode', 'fields');
	if (mode === 'json') {
		const label = 'Fields (JSON)';
		const object = readJsonObject(
			context,
			jsonParameter(context, 'itemJson', label),
			label,
			'{"name": "Trail shoe", "price": 89.5}',
		);
		return Object.entries(object).map(([name, value]) => ({
			name,
			value,
			nameLabel: `${label}, the key`,
			valueLabel: () => `${label} › ${name}`,
		}));
	}
	return entriesParameter(context, 'itemFields.field').map((entry, index) => ({
		name: entry.name,
		value: entry.value,
		nameLabel: `Fields entry ${index + 1} › Name`,
		valueLabel: (name) => `Fields entry ${index + 1} (${name})`,
	}));
}

/**
 * The item Braze gets, `id` first, each field and value checked before anything is sent
 * (itemValues.ts); `update`: only the given fields, at least one, array fields may take
 * $add/$remove.
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk
 */
export function itemOf(context: IExecuteSingleFunctions, update: boolean): IDataObject {
	const id = itemIdOf(context);
	const item: IDataObject = { id };
	for (const given of givenFields(context)) {
		const name = catalogNameText(context, given.name, given.nameLabel, 'field name');
		const label = given.valueLabel(name);
		if (name === 'id') {
			throw invalidInput(
				context,
				`${label} names the field "id"`,
				"Put the item's ID in Item ID and remove this field: Braze takes the ID from there.",
			);
		}
		if (name in item) {
			throw invalidInput(
				context,
				`${label}: the field "${name}" is given twice`,
				'Give each field once.',
			);
		}
		item[name] = checkedValue(context, given.value, label, update) as IDataObject[string];
	}
	if (update && Object.keys(item).length === 1) {
		throw invalidInput(
			context,
			'Fields is empty, so there is nothing to update',
			'Add the fields to change (Add Field), or use Create or Replace to set the whole item.',
		);
	}
	const size = JSON.stringify(item).length;
	if (size > MAX_ITEM_CHARACTERS) {
		throw invalidInput(
			context,
			`Item "${id}" is ${size.toLocaleString('en-US')} characters long as JSON; Braze takes at most ${MAX_ITEM_CHARACTERS.toLocaleString('en-US')} for an item`,
			'Shorten its longest values (a description, a list), or keep them outside the catalog (e.g. a URL to them).',
		);
	}
	return item;
}
