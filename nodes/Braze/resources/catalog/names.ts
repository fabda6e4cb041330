import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../helpers/validation/invalidInput';
import { readId, typedExpression } from '../../helpers/values/text';

/**
 * Braze's one rule for catalog names, field names and item IDs: letters, numbers, hyphens and
 * underscores, at most 250 characters
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/post_create_catalog,
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk).
 */
const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
export const MAX_NAME_LENGTH = 250;

/** What a name names, in the words of its refusals. */
export type NameKind = 'catalog name' | 'field name' | 'item ID';

const EXAMPLES: Record<NameKind, string> = {
	'catalog name': 'products',
	'field name': 'sale_price',
	'item ID': 'sku-1001',
};

/** The value as an error shows it: quoted, cut short when long. */
function quoted(text: string): string {
	const chars = [...text];
	return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text);
}

/**
 * Why a name breaks Braze's rule, finishing "<label> …", or undefined when it keeps it. Shared by
 * the form's checks and the list search's filter.
 */
export function nameProblem(name: string): string | undefined {
	const length = [...name].length;
	if (length > MAX_NAME_LENGTH) {
		return `is ${length.toLocaleString('en-US')} characters long; Braze allows at most ${MAX_NAME_LENGTH}`;
	}
	if (!NAME_PATTERN.test(name)) {
		return `${quoted(name)} has characters Braze does not allow (only letters, digits, - and _)`;
	}
	return undefined;
}

/**
 * A catalog name, field name or item ID, read and checked before anything is sent: text (a whole
 * number counts as its digits), not blank, and within Braze's rule. `label` is the field as the
 * form shows it.
 */
export function catalogNameText(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	kind: NameKind,
): string {
	const reading = readId(value);
	if ('problem' in reading) {
		throw invalidInput(
			context,
			`${label} ${reading.problem}`,
			reading.fix ??
				`Give "${label}" as text, or fix the expression that fills it (for a record, pick its field, e.g. {{ $json.sku }}).`,
		);
	}
	const name = reading.text;
	if (name === '') {
		throw invalidInput(
			context,
			`${label} is empty`,
			kind === 'catalog name'
				? 'Pick the catalog From List, or enter its name By Name.'
				: `Fill in "${label}" (e.g. ${EXAMPLES[kind]}), or fix the expression that fills it.`,
		);
	}
	const problem = nameProblem(name);
	if (problem === undefined) return name;
	const expression = typedExpression(name);
	throw invalidInput(
		context,
		`${label} ${problem}`,
		expression
			? `"${label}" ${expression.problem}. ${expression.fix}`
			: `A Braze ${kind} is made of letters (A–Z, a–z), digits, hyphens (-) and underscores (_), at most ${MAX_NAME_LENGTH} characters, e.g. ${EXAMPLES[kind]}. Correct "${label}", or fix the expression that fills it (an expression can clean a value, e.g. {{ $json.sku.replace(/[^A-Za-z0-9_-]/g, '-') }}).`,
	);
}

/** The catalog an item names, From List or By Name (the locator `catalogName`), checked. */
export function catalogNameOf(context: IExecuteSingleFunctions): string {
	const raw: unknown = context.getNodeParameter('catalogName', '', { extractValue: true });
	return catalogNameText(context, raw, 'Catalog', 'catalog name');
}

/** The path segment of a checked name (letters, digits, - and _ need no escaping; kept for safety). */
export const pathSegment = (name: string): string => encodeURIComponent(name);

/** The catalog as a pick-list (From List, searchCatalogs) or its name (By Name). */
export function catalogLocator(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Catalog',
		name: 'catalogName',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: "The catalog, picked from the workspace's catalogs or entered by its name",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCatalogs', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. products',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[A-Za-z0-9_-]{1,250}$',
							errorMessage:
								'A catalog name is letters, digits, - and _ only, at most 250 characters',
						},
					},
				],
			},
		],
		displayOptions,
	};
}

/**
 * The catalog of a Catalog Field or Catalog Item operation: one field for every operation of
 * both resources, placed once in the node (mergeForms).
 */
export const catalogOfFieldOrItem = catalogLocator({
	show: { resource: ['catalogField', 'catalogItem'] },
});
