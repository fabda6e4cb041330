import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { BodyField } from './fields';
import { pathSlot } from '../values/object';
import { assertBrazeId } from '../validation/brazeId';
import { booleanField, idField } from '../validation/fieldValues';
import { invalidInput } from '../validation/invalidInput';
import { dateObjectToIso, isDateObject, toInstantIso } from '../values/date';
import { describeValue } from '../values/describe';
import { readNumber } from '../values/number';
import { readText } from '../values/text';

/**
 * Gives every routed field its JSON type (numbers as numbers, booleans as booleans, dates as
 * ISO 8601) and refuses values that are not of that type instead of casting them silently.
 * Empty optional fields are dropped; empty required ones are refused.
 */
export function normalizeBodyTypes(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	fields: readonly BodyField[],
): void {
	for (const field of fields) {
		const slot = pathSlot(body, field.keys);
		if (!slot || !(slot.last in slot.parent)) continue;
		const { parent, last } = slot;
		const value = parent[last];
		if (isEmpty(field, value)) {
			if (field.required) {
				throw invalidInput(
					context,
					`${field.label} is required`,
					`Fill in "${field.label}". If it comes from an expression, check that the expression gives a value for this item.`,
				);
			}
			delete parent[last];
			continue;
		}
		const converted = convert(context, field, value);
		// An optional ID of only spaces is no ID: leave it out, as an empty one.
		if (converted === '' && !field.required) delete parent[last];
		else parent[last] = converted;
	}
}

/**
 * No value: nothing, or blank text. Only spaces count as blank where text is not the point (a
 * number, a switch, a date, a choice) and in required fields, where spaces are no answer.
 */
function isEmpty(field: BodyField, value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	const textField = field.type === 'string' || field.type === 'json';
	return typeof value === 'string' && value.trim() === '' && (field.required || !textField);
}

/** Body keys that hold an identifier (segment_id, app_id, message_variation_id…). */
const isIdPath = (path: string) => /_id$/.test(path);

function convert(context: IExecuteSingleFunctions, field: BodyField, value: unknown): unknown {
	switch (field.type) {
		case 'number':
			return toNumber(context, field, value);
		case 'boolean':
			return booleanField(context, value, field.label, false);
		case 'dateTime':
			return toIsoDate(context, field, value);
		case 'options':
			return toOption(context, field, value);
		default:
			return toText(context, field, value);
	}
}

function toNumber(context: IExecuteSingleFunctions, field: BodyField, value: unknown): number {
	const number = readNumber(value);
	if (number === undefined) {
		throw invalidInput(
			context,
			`${field.label} must be a number, but it is ${describeValue(value)}`,
			`Enter a number in "${field.label}" in plain digits, such as 3600 or 2.5 (not hex such as 0x10, nor 1e3), or fix the expression that fills it.`,
		);
	}
	if (field.integer && !Number.isInteger(number)) {
		throw invalidInput(
			context,
			`${field.label} must be a whole number, but it is ${number}`,
			`Enter a whole number (no decimals) in "${field.label}".`,
		);
	}
	// The editor enforces the range only for typed values; expressions are checked here.
	if (
		(field.min !== undefined && number < field.min) ||
		(field.max !== undefined && number > field.max)
	) {
		const range = rangeText(field.min, field.max);
		throw invalidInput(
			context,
			`${field.label} is ${number}; Braze accepts ${range}`,
			`Enter a value of ${range} in "${field.label}".`,
		);
	}
	return number;
}

/** "0 to 1", "0 or more" (a badge count), "at most 10". */
function rangeText(min: number | undefined, max: number | undefined): string {
	const format = (value: number) => value.toLocaleString('en-US');
	if (min === undefined) return `at most ${format(max as number)}`;
	if (max === undefined) return `${format(min)} or more`;
	return `${format(min)} to ${format(max)}`;
}

function toIsoDate(context: IExecuteSingleFunctions, field: BodyField, value: unknown): string {
	const text = isDateObject(value)
		? dateObjectToIso(value)
		: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())
			? value.trim()
			: undefined;
	const iso = toInstantIso(text);
	if (iso === undefined) {
		throw invalidInput(
			context,
			`${field.label} must be a date, but it is ${describeValue(value)}`,
			`Pick a date in "${field.label}", or give an ISO 8601 date such as 2026-12-01T09:00:00Z.`,
		);
	}
	return iso;
}

function toOption(context: IExecuteSingleFunctions, field: BodyField, value: unknown): string {
	const text = String(value);
	if (field.allowedValues && !field.allowedValues.includes(text)) {
		throw invalidInput(
			context,
			`${field.label} cannot be ${describeValue(value)}`,
			`Choose one of: ${field.allowedValues.join(', ')}.`,
		);
	}
	return text;
}

function toText(context: IExecuteSingleFunctions, field: BodyField, value: unknown): string {
	if (isIdPath(field.path)) {
		const id = idField(context, value, field.label);
		if (!id && field.required) {
			throw invalidInput(context, `${field.label} is required`, `Fill in "${field.label}".`);
		}
		assertBrazeId(context, field.path, id, field.label);
		return id;
	}
	const reading = readText(value);
	if ('text' in reading) return reading.text;
	throw invalidInput(
		context,
		`${field.label} must be text, but it ${reading.problem}`,
		`Fix the expression in "${field.label}" so that it gives text, not an object or a list.`,
	);
}
