import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { assertJsonShape } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { dateObjectToIso, isDateObject, isoDateTime } from '../../helpers/values/date';
import { describeValue } from '../../helpers/values/describe';
import { isPlainObject } from '../../helpers/values/object';
import type { CatalogFieldType } from '../catalog/fieldTypes';

/**
 * Braze's rules for an item's values
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk):
 * "Item values can't exceed 5,000 characters" (the node counts the item's JSON, the stricter
 * reading), object keys without `.` or `$`, at most 50 levels of nesting; arrays of texts only, at
 * most 100 (https://www.braze.com/docs/user_guide/data/activation/custom_data/data_types/), and a
 * geolocation field's [longitude, latitude] pair.
 */
export const MAX_ITEM_CHARACTERS = 5000;
const MAX_ARRAY = 100;

/** An array field's change on Update: {"$add": [...]} and/or {"$remove": [...]}. */
export function isArrayChange(value: unknown): value is IDataObject {
	if (!isPlainObject(value)) return false;
	const keys = Object.keys(value);
	return (
		keys.length > 0 &&
		keys.every((key) => key === '$add' || key === '$remove') &&
		Object.values(value).every(isTextList)
	);
}

function isTextList(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/** A geolocation field's [longitude, latitude]. */
function isGeoPair(value: unknown[]): boolean {
	const [lon, lat] = value;
	return (
		value.length === 2 &&
		typeof lon === 'number' &&
		typeof lat === 'number' &&
		Math.abs(lon) <= 180 &&
		Math.abs(lat) <= 90
	);
}

/** The first object key (at any depth) with `.` or `$`, which Braze refuses. */
function badKey(value: unknown): string | undefined {
	const stack: unknown[] = [value];
	while (stack.length) {
		const next = stack.pop();
		if (next === null || typeof next !== 'object') continue;
		for (const [key, inner] of Object.entries(next)) {
			if (!Array.isArray(next) && (key.includes('.') || key.includes('$'))) return key;
			stack.push(inner);
		}
	}
	return undefined;
}

/**
 * One field's value, checked before anything is sent: text, a finite number, true or false, null
 * (clears the field), a list of at most 100 texts, a [longitude, latitude] pair, a date (sent as
 * ISO 8601 text), or an object with keys Braze takes. `update`: an array field may take
 * $add/$remove.
 */
export function checkedValue(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	update: boolean,
): unknown {
	const refuse = (problem: string, fix: string) =>
		invalidInput(context, `${label} ${problem}`, fix);
	if (value === undefined) {
		throw refuse(
			'gives no value (undefined)',
			'Fix the expression (a field missing from the input gives undefined), give null to clear the field, or remove the entry.',
		);
	}
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') {
		if (Number.isFinite(value)) return value;
		throw refuse(`is ${String(value)}`, 'Give a finite number, or null to clear the field.');
	}
	if (isDateObject(value)) return dateObjectToIso(value) ?? null;
	if (Array.isArray(value)) {
		if ((isTextList(value) && value.length <= MAX_ARRAY) || isGeoPair(value)) return value;
		throw refuse(
			isTextList(value)
				? `has ${value.length} entries; Braze keeps at most ${MAX_ARRAY} in a catalog list`
				: 'is a list with something other than texts',
			`Braze's catalog lists hold texts only, at most ${MAX_ARRAY} (a geolocation field takes [longitude, latitude]). Turn the entries into text, e.g. {{ $json.tags.map(String) }}.`,
		);
	}
	if (isPlainObject(value)) {
		if (update && isArrayChange(value)) return value;
		assertJsonShape(context, value, label);
		const key = badKey(value);
		if (key !== undefined) {
			throw refuse(
				`has the key "${key}"`,
				`Braze refuses object keys with . or $ in catalog items: rename the key${update ? ' (on Update, an array field takes {"$add": [...]} or {"$remove": [...]} of texts)' : ''}.`,
			);
		}
		return value;
	}
	throw refuse(
		`is ${describeValue(value)}`,
		'Give text, a number, true or false, a list of texts or an object.',
	);
}

/**
 * A value converted to the type the catalog gives its field (Check Fields Against the Catalog),
 * or why it cannot be: text becomes a number, true/false, a JSON object or list where the field
 * says so; a number or true/false becomes text for a text field. null stays (it clears the field).
 */
export function valueForType(
	value: unknown,
	type: CatalogFieldType,
	update: boolean,
): { value: unknown } | { problem: string } {
	if (value === null) return { value };
	const is = (ok: boolean, converted: unknown = value) =>
		ok ? { value: converted } : { problem: `is ${describeValue(value)}` };
	const text = typeof value === 'string' ? value.trim() : undefined;
	switch (type) {
		case 'string':
			return is(
				['string', 'number', 'boolean'].includes(typeof value),
				typeof value === 'string' ? value : String(value),
			);
		case 'number': {
			const number = typeof value === 'number' ? value : text ? Number(text) : NaN;
			return is(Number.isFinite(number), number);
		}
		case 'boolean':
			if (typeof value === 'boolean') return { value };
			return is(text === 'true' || text === 'false', text === 'true');
		case 'time': {
			const iso = typeof value === 'string' ? isoDateTime(value) : undefined;
			return is(iso !== undefined, value);
		}
		case 'object': {
			const parsed = text?.startsWith('{') ? parseJson(text) : value;
			return is(isPlainObject(parsed), parsed);
		}
		case 'array': {
			if (update && isArrayChange(value)) return { value };
			const parsed = text?.startsWith('[') ? parseJson(text) : value;
			return is(isTextList(parsed) && parsed.length <= MAX_ARRAY, parsed);
		}
		default:
			return { value };
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
