// The Connected Audience rules, shared by the form builder and the validator.
// https://www.braze.com/docs/api/objects_filters/connected_audience
import { dateObjectToIso, isDateObject, toInstantIso } from '../../helpers/values/date';
import { readNumber } from '../../helpers/values/number';
import type { AudienceValue } from '../../helpers/body/types';

/** The kind of value a comparison takes. */
export type ValueKind = 'text' | 'number' | 'boolean' | 'days' | 'date' | 'item' | 'none';

export type DataType = 'string' | 'number' | 'boolean' | 'time' | 'array';

/** The data type names in the form's words. */
export const DATA_TYPE_LABELS: Record<DataType, string> = {
	string: 'String',
	number: 'Number',
	boolean: 'Boolean',
	time: 'Time',
	array: 'Array',
};

/** Allowed comparisons of a custom attribute, by its data type, with the value each takes. */
export const CUSTOM_ATTRIBUTE_COMPARISONS: Record<DataType, Record<string, ValueKind>> = {
	string: {
		equals: 'text',
		not_equal: 'text',
		matches_regex: 'text',
		does_not_match_regex: 'text',
		exists: 'none',
		does_not_exist: 'none',
	},
	number: {
		equals: 'number',
		not_equal: 'number',
		greater_than: 'number',
		greater_than_or_equal_to: 'number',
		less_than: 'number',
		less_than_or_equal_to: 'number',
		exists: 'none',
		does_not_exist: 'none',
	},
	boolean: {
		equals: 'boolean',
		does_not_equal: 'boolean',
		exists: 'none',
		does_not_exist: 'none',
	},
	time: {
		less_than_x_days_ago: 'days',
		greater_than_x_days_ago: 'days',
		less_than_x_days_in_the_future: 'days',
		greater_than_x_days_in_the_future: 'days',
		after: 'date',
		before: 'date',
		exists: 'none',
		does_not_exist: 'none',
	},
	array: {
		includes_value: 'item',
		does_not_include_value: 'item',
		exists: 'none',
		does_not_exist: 'none',
	},
};

export const SUBSCRIPTION_COMPARISONS = ['is', 'is_not'];
export const SUBSCRIPTION_STATES = ['opted_in', 'subscribed', 'unsubscribed'];
export const LAST_USED_APP_COMPARISONS = ['after', 'before'];

/** Braze's filter keys, and the fields each filter object may hold. */
export const FILTER_FIELDS: Record<string, string[]> = {
	custom_attribute: ['custom_attribute_name', 'comparison', 'value'],
	push_subscription_status: ['comparison', 'value'],
	email_subscription_status: ['comparison', 'value'],
	last_used_app: ['comparison', 'value'],
};
export const FILTER_KEYS = Object.keys(FILTER_FIELDS);

export function isDataType(value: unknown): value is DataType {
	return typeof value === 'string' && value in CUSTOM_ATTRIBUTE_COMPARISONS;
}

/** The value kinds a comparison can take over all data types (a pasted filter has no type). */
export function kindsOfComparison(comparison: string): ValueKind[] {
	const kinds = new Set<ValueKind>();
	for (const comparisons of Object.values(CUSTOM_ATTRIBUTE_COMPARISONS)) {
		if (comparisons[comparison]) kinds.add(comparisons[comparison]);
	}
	return [...kinds];
}

export const ALL_CUSTOM_ATTRIBUTE_COMPARISONS = [
	...new Set(Object.values(CUSTOM_ATTRIBUTE_COMPARISONS).flatMap((c) => Object.keys(c))),
];

const KIND_WORDS: Record<ValueKind, string> = {
	text: 'text',
	number: 'a number',
	boolean: 'true or false',
	days: 'a whole number of days (0 or more)',
	date: 'an ISO 8601 date-time such as 2026-06-01T00:00:00Z',
	item: 'text or a number',
	none: 'no value',
};

export function describeKinds(kinds: ValueKind[]): string {
	const words = kinds.filter((kind) => kind !== 'none').map((kind) => KIND_WORDS[kind]);
	if (words.length <= 1) return words[0] ?? KIND_WORDS.none;
	return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

// ISO 8601 date or date-time; Braze's own example writes the offset as "+0000".
const ISO_DATE_TIME =
	/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parsesAsDate(text: string): boolean {
	const [date, time] = text.split(/[T ]/);
	const normalisedTime = time
		?.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
		.replace(/([+-]\d{2})$/, '$1:00');
	return !Number.isNaN(Date.parse(time === undefined ? date : `${date}T${normalisedTime}`));
}

function isIsoDate(value: string): boolean {
	return ISO_DATE.test(value) && parsesAsDate(value);
}

export function isIsoDateTime(value: unknown): value is string {
	return typeof value === 'string' && ISO_DATE_TIME.test(value) && parsesAsDate(value);
}

/** Whether a pasted (JSON) value has the kind's JSON type. */
export function acceptsJsonValue(kind: ValueKind, value: unknown): boolean {
	switch (kind) {
		case 'text':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'days':
			return typeof value === 'number' && Number.isInteger(value) && value >= 0;
		case 'date':
			// Braze asks for a date-time; a pasted date alone is refused rather than guessed at.
			return isIsoDateTime(value);
		case 'item':
			return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
		case 'none':
			return true;
	}
}

/**
 * Turns a form value (typed text, or whatever an expression gave) into the JSON value Braze
 * expects for the kind, or undefined when it cannot be read as one.
 */
export function coerceFormValue(kind: ValueKind, value: unknown): AudienceValue | undefined {
	switch (kind) {
		case 'text':
			if (typeof value === 'number' || typeof value === 'boolean') return String(value);
			return typeof value === 'string' ? value : undefined;
		case 'number':
		case 'days': {
			const number = readNumber(value);
			if (number === undefined) return undefined;
			if (kind === 'days' && (!Number.isInteger(number) || number < 0)) return undefined;
			return number;
		}
		case 'boolean': {
			if (typeof value === 'boolean') return value;
			const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
			return text === 'true' ? true : text === 'false' ? false : undefined;
		}
		case 'date':
			return coerceDate(value);
		case 'item':
			if (typeof value === 'number' && Number.isFinite(value)) return value;
			return typeof value === 'string' ? value : undefined;
		case 'none':
			return undefined;
	}
}

/** A date-time is kept as written; a date alone means midnight UTC; Date/Luxon values become ISO. */
function coerceDate(value: unknown): string | undefined {
	if (isDateObject(value)) return toInstantIso(dateObjectToIso(value));
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (isIsoDate(text)) return `${text}T00:00:00Z`;
	return isIsoDateTime(text) ? text : undefined;
}
