import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { entriesParameter } from '../../helpers/form/parameters';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { catalogNameText } from './names';

/**
 * A catalog field's type, as Braze's API names it
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/post_create_catalog;
 * catalogs hold string arrays only, at most 100 elements:
 * https://www.braze.com/docs/user_guide/data/activation/custom_data/data_types/).
 */
export type CatalogFieldType = 'string' | 'number' | 'boolean' | 'time' | 'object' | 'array';

const TYPE_OPTIONS: Array<{ name: string; value: CatalogFieldType; description: string }> = [
	{ name: 'Array of Text', value: 'array', description: 'A list of up to 100 texts' },
	{ name: 'Boolean', value: 'boolean', description: 'True or false' },
	{ name: 'Number', value: 'number', description: 'A whole or decimal number' },
	{ name: 'Object (JSON)', value: 'object', description: 'A JSON object of keys and values' },
	{ name: 'Text', value: 'string', description: 'A text' },
	{ name: 'Time', value: 'time', description: 'An ISO 8601 date and time' },
];

export const CATALOG_FIELD_TYPES: readonly CatalogFieldType[] = TYPE_OPTIONS.map(
	(option) => option.value,
);

/** How a type reads in an error: "a number", "a list of texts". */
export const TYPE_WORDS: Record<CatalogFieldType, string> = {
	string: 'a text',
	number: 'a number',
	boolean: 'true or false',
	time: 'an ISO 8601 time (e.g. 2026-03-01T09:00:00Z)',
	object: 'a JSON object',
	array: 'a list of at most 100 texts',
};

/** A field as Braze's catalog schema lists it. */
export type CatalogField = { name: string; type: CatalogFieldType };

/**
 * The new fields (name and type) of Catalog › Create and Catalog Field › Create: one definition
 * for both, placed once in the node (mergeForms).
 */
export const newFieldsProperty: INodeProperties = {
	displayName: 'Fields',
	name: 'catalogFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Field',
	default: {},
	description:
		'The fields to add, each with its name and type; a type cannot be changed later. A new catalog gets its ID field (text) first, as Braze requires. Fields added to a catalog that exists show a moment later: Braze answers 202 and applies them after.',
	displayOptions: { show: { resource: ['catalog', 'catalogField'], operation: ['create'] } },
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
					description: 'Letters, digits, - and _ only, at most 250 characters',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: TYPE_OPTIONS,
					default: 'string',
					description: 'What the field holds; Braze cannot change it later',
				},
			],
		},
	],
};

/**
 * The new fields of the form, each checked before anything is sent: a valid and unique name,
 * never `id` (every catalog has it, first, and the node adds it on Create), and a known type.
 * `max`: how many Braze takes in one request.
 */
export function fieldList(context: IExecuteSingleFunctions, max: number): CatalogField[] {
	const entries = entriesParameter(context, 'catalogFields.field');
	if (!entries.length) {
		throw invalidInput(
			context,
			'Fields is empty',
			'Add at least one field with its name and type (Add Field).',
		);
	}
	if (entries.length > max) {
		throw invalidInput(
			context,
			`Fields has ${entries.length} entries; Braze takes at most ${max} in one request`,
			`Keep at most ${max} fields here, and add the rest with Catalog Field › Create in a later run.`,
		);
	}
	const seen = new Set<string>();
	return entries.map((entry, index) => {
		const label = `Fields entry ${index + 1} › Name`;
		const name = catalogNameText(context, entry.name, label, 'field name');
		if (name === 'id') {
			throw invalidInput(
				context,
				`${label} is "id", the field every catalog has`,
				'Remove this entry: the node adds id (text) as the first field itself, and item IDs go in Catalog Item › Item ID.',
			);
		}
		if (seen.has(name)) {
			throw invalidInput(
				context,
				`${label} "${name}" is given twice`,
				'Give each field once: Braze refuses field names that are not unique.',
			);
		}
		seen.add(name);
		const type = entry.type ?? 'string';
		if (!CATALOG_FIELD_TYPES.includes(type as CatalogFieldType)) {
			throw invalidInput(
				context,
				`Fields entry ${index + 1} › Type is ${JSON.stringify(type)}, not a catalog field type`,
				`Pick one of the types in the list (an expression must give one of ${CATALOG_FIELD_TYPES.join(', ')}).`,
			);
		}
		return { name, type: type as CatalogFieldType };
	});
}
