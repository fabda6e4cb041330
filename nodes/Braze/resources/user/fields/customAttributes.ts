import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { FROM_VERSION_2, ONLY_VERSION_1 } from '../../../helpers/form/displayOptions';
import {
	booleanField,
	jsonParameter,
	readJsonObject,
	textField,
} from '../../../helpers/validation/fieldValues';
import { invalidInput } from '../../../helpers/validation/invalidInput';
import { accepted, isProblem, shortText } from '../../../helpers/validation/userData';
import { readBoolean } from '../../../helpers/values/boolean';
import { describeValue } from '../../../helpers/values/describe';
import { readNumber } from '../../../helpers/values/number';
import { isoDateTime } from '../../../helpers/values/date';
import { customAttributeName, MAX_ARRAY_VALUES, nestedAttribute } from './customAttributeRules';
import { movedToOptions } from './movedToOptions';

// Also Transactional Email › Send's attributes, set before the email is made.
const show = { show: { resource: ['user', 'transactional'], operation: ['upsert', 'send'] } };
/** Version 1 shows the advanced fields at the top; version 2 moved them into Options. */
const advancedOnVersion1 = { show: { ...show.show, ...ONLY_VERSION_1 } };

/** Nested custom attributes as JSON: at the top on version 1, in Options from version 2. */
const nestedAttributesField = {
	displayName: 'Nested Custom Attributes (JSON)',
	name: 'nestedAttributes',
	type: 'json',
	default: '{}',
	description:
		'Object or array-of-objects attributes as JSON, e.g. {"most_played_song": {"name": "Solea", "year": 1990}}. Dates inside must be {"$time": "2026-01-01T00:00:00Z"}. Arrays of objects take $add, $update and $remove.',
} satisfies INodeProperties;

/** `_merge_objects`: at the top on version 1, in Options from version 2. */
const mergeObjectsField = {
	displayName: 'Merge Nested Objects',
	name: 'mergeObjects',
	type: 'boolean',
	default: false,
	description:
		'Whether nested attributes are merged into the stored object (_merge_objects) instead of replacing it. $update on arrays of objects needs it on.',
} satisfies INodeProperties;

const withDisplay = (fields: INodeProperties[], displayOptions: IDisplayOptions) =>
	fields.map((field): INodeProperties => ({ ...field, displayOptions }));

/**
 * The advanced fields in User › Create or Update's Options (version 2): '/operation' is the root
 * field. Merge Nested Objects is not offered on Transactional Email, which never sent it.
 */
export const upsertAdvancedOptions: INodeProperties[] = withDisplay(
	[nestedAttributesField, mergeObjectsField],
	{ show: { '/operation': ['upsert'], ...FROM_VERSION_2 } },
);

/** Nested Custom Attributes (JSON) in Transactional Email › Send's Options (version 2). */
export const nestedAttributesOption: INodeProperties = {
	...nestedAttributesField,
	displayOptions: { show: FROM_VERSION_2 },
};

/**
 * Custom attributes as rows with a type, and nested ones as JSON.
 * https://www.braze.com/docs/user_guide/data/custom_data/custom_attributes/
 */
export const customAttributeProperties: INodeProperties[] = [
	{
		displayName: 'Custom Attributes',
		name: 'customAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Attribute',
		default: {},
		description: 'Custom attributes to set, change or remove on the profile',
		displayOptions: show,
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'loyalty_tier',
						description: 'The attribute name; names are case sensitive',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{
								name: 'Add to Array',
								value: 'add',
								description: 'Add the values to an array attribute ("add")',
							},
							{ name: 'Array', value: 'array', description: 'Set a list of values' },
							{ name: 'Boolean', value: 'boolean', description: 'True or false' },
							{
								name: 'Date',
								value: 'date',
								description: 'An ISO 8601 date or date-time; without a time zone it is UTC',
							},
							{
								name: 'Increment By',
								value: 'inc',
								description: 'Add a whole number (negative to subtract) to a number attribute',
							},
							{ name: 'Number', value: 'number', description: 'An integer or decimal' },
							{
								name: 'Remove Attribute',
								value: 'unset',
								description: 'Remove the attribute from the profile (sent as null)',
							},
							{
								name: 'Remove From Array',
								value: 'remove',
								description: 'Remove the values from an array attribute ("remove")',
							},
							{ name: 'Text', value: 'text', description: 'Up to 255 characters' },
						],
						default: 'text',
						description: 'What kind of value this is, or what to do with the attribute',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'The value. For Array, Add to Array and Remove From Array: a list from an expression, a JSON array such as ["a","b"], or values separated by commas.',
					},
				],
			},
		],
	},
	...withDisplay([nestedAttributesField, mergeObjectsField], advancedOnVersion1),
];

interface AttributeRow {
	name?: unknown;
	type?: unknown;
	value?: unknown;
}

/**
 * Adds the item's custom attributes to an attributes object that already holds the profile
 * fields (and on /users/track the identifier): a name set twice is refused, not overwritten.
 * Returns the custom attributes added.
 */
export function addCustomAttributes(
	context: IExecuteSingleFunctions,
	object: IDataObject,
): IDataObject {
	const custom = customAttributes(context);
	for (const name of Object.keys(custom)) {
		if (name in object) {
			throw invalidInput(
				context,
				`Custom attribute "${name}" is also a profile field`,
				'Set it once, in Profile Fields.',
			);
		}
	}
	Object.assign(object, custom);
	return custom;
}

/** The custom attributes of the rows and the JSON, checked, keyed by name. */
export function customAttributes(context: IExecuteSingleFunctions): IDataObject {
	const rows = context.getNodeParameter('customAttributes.attribute', []) as AttributeRow[];
	const result: IDataObject = {};
	rows.forEach((row, index) => {
		const label = `Custom Attributes row ${index + 1}`;
		const name = accepted(
			context,
			`${label}: the name `,
			customAttributeName(textField(context, row.name, `${label} › Name`)),
		);
		if (name in result) {
			throw invalidInput(
				context,
				`${label}: "${name}" is set twice`,
				'Keep one row per attribute name.',
			);
		}
		result[name] = attributeValue(
			context,
			`${label} (${name})`,
			String(row.type ?? 'text'),
			row.value,
		);
	});
	Object.assign(result, nestedAttributes(context, result));
	return result;
}

function attributeValue(
	context: IExecuteSingleFunctions,
	label: string,
	type: string,
	value: unknown,
): IDataObject[string] {
	const refuse = (what: string, fix: string) =>
		invalidInput(context, `${label}: the value ${describeValue(value)} is not ${what}`, fix);
	switch (type) {
		case 'unset':
			return null;
		case 'number': {
			const number = readNumber(value);
			if (number === undefined) throw refuse('a number', 'Give a number such as 42 or 9.5.');
			return number;
		}
		case 'inc': {
			const number = readNumber(value);
			if (number === undefined || !Number.isSafeInteger(number)) {
				throw refuse('a whole number', 'Braze increments by whole numbers only, e.g. 1 or -2.');
			}
			return { inc: number };
		}
		case 'boolean': {
			const flag = readBoolean(value);
			if (flag === undefined) throw refuse('true or false', 'Give true or false.');
			return flag;
		}
		case 'date': {
			const date = isoDateTime(value);
			if (date === undefined) {
				throw refuse('an ISO 8601 date', 'Give a date such as 2026-12-01 or 2026-12-01T09:00:00Z.');
			}
			return date;
		}
		case 'array':
		case 'add':
		case 'remove': {
			const list = listValue(context, label, value);
			return type === 'array' ? list : { [type]: list };
		}
		default: {
			return accepted(context, `${label} `, shortText(textField(context, value, label)));
		}
	}
}

/** A list of plain values: an array, a JSON array, or comma-separated text. */
function listValue(
	context: IExecuteSingleFunctions,
	label: string,
	value: unknown,
): Array<string | number | boolean> {
	let list: unknown = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			try {
				list = JSON.parse(text);
			} catch {
				throw invalidInput(
					context,
					`${label}: the value is not a valid JSON array`,
					'Write it as ["a", "b"], or as a, b.',
				);
			}
		} else list = text === '' ? [] : text.split(',').map((entry) => entry.trim());
	}
	if (!Array.isArray(list)) {
		throw invalidInput(
			context,
			`${label}: the value ${describeValue(value)} is not a list`,
			'Give a list, a JSON array such as ["a", "b"], or values separated by commas.',
		);
	}
	if (list.length > MAX_ARRAY_VALUES) {
		throw invalidInput(
			context,
			`${label} has ${list.length} values`,
			`Braze keeps at most ${MAX_ARRAY_VALUES} values in an array attribute (25 unless your workspace raised it).`,
		);
	}
	for (const [index, entry] of list.entries()) {
		if (!['string', 'number', 'boolean'].includes(typeof entry)) {
			throw invalidInput(
				context,
				`${label}: the list holds ${describeValue(entry)}`,
				`An array attribute holds text, numbers or booleans; use ${nestedAttributesPlace(context).label} for objects.`,
			);
		}
		if (typeof entry === 'string')
			accepted(context, `${label}: value ${index + 1} `, shortText(entry));
	}
	return list as Array<string | number | boolean>;
}

/** Where Nested Custom Attributes (JSON) is for this node's version (movedToOptions.ts). */
function nestedAttributesPlace(context: IExecuteSingleFunctions) {
	return movedToOptions(context, nestedAttributesField.name, nestedAttributesField.displayName);
}

function nestedAttributes(context: IExecuteSingleFunctions, rows: IDataObject): IDataObject {
	const { path, label: field } = nestedAttributesPlace(context);
	const parsed = readJsonObject(context, jsonParameter(context, path, field), field);
	for (const [name, value] of Object.entries(parsed)) {
		const label = `${field} › ${name}`;
		const checkedName = customAttributeName(name);
		if (isProblem(checkedName) || checkedName.value !== name) {
			throw invalidInput(
				context,
				`${label}: "${name}" is not a custom attribute name`,
				isProblem(checkedName)
					? `${checkedName.problem}. ${checkedName.fix}`
					: 'Remove the spaces around the name.',
			);
		}
		if (name in rows) {
			throw invalidInput(
				context,
				`${label}: "${name}" is also set in Custom Attributes`,
				'Set each attribute in one place.',
			);
		}
		if (value !== null && typeof value === 'object') {
			accepted(context, `${label} `, nestedAttribute(value));
		} else if (typeof value === 'string') {
			accepted(context, `${label} `, shortText(value));
		}
	}
	return parsed;
}

/**
 * The item's Merge Nested Objects (`_merge_objects`), read where the node's version shows it.
 * Only Create or Update sends it.
 */
export function mergesNestedObjects(context: IExecuteSingleFunctions): boolean {
	const { path, label } = movedToOptions(
		context,
		mergeObjectsField.name,
		mergeObjectsField.displayName,
	);
	return booleanField(context, context.getNodeParameter(path, false), label, false);
}
