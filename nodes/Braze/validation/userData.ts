/**
 * Braze's documented formats for user data, as pure checks: each returns the value as Braze
 * wants it, or a problem (what is wrong, and how to fix it) for the caller to raise against the
 * field the user filled in.
 * https://www.braze.com/docs/api/objects_filters/user_attributes_object
 * https://www.braze.com/docs/api/objects_filters/event_object
 * https://www.braze.com/docs/api/objects_filters/purchase_object
 */
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { jsonByteLength } from '../values/bytes';
import { findInJson, jsonPath } from '../values/jsonWalk';
import { typedExpression } from '../values/text';
import { invalidInput } from './invalidInput';

export type Checked<T> = { value: T } | { problem: string; fix: string };

export const isProblem = <T>(result: Checked<T>): result is { problem: string; fix: string } =>
	'problem' in result;

/**
 * The checked value, or the refusal raised against the field: `messageStart` names it in the
 * form's words ("Email: ", "Product ID "), the check's problem finishes the sentence.
 */
export function accepted<T>(
	context: IExecuteSingleFunctions,
	messageStart: string,
	result: Checked<T>,
): T {
	if (isProblem(result))
		throw invalidInput(context, `${messageStart}${result.problem}`, result.fix);
	return result.value;
}

/** Braze's limit for a custom attribute's text value, a property name and a product ID. */
export const MAX_TEXT_CHARACTERS = 255;
/** At most this many values in an array attribute (Braze's default is 25; it can be raised to 100). */
export const MAX_ARRAY_VALUES = 100;
/** Braze captures only the first 256 properties of an event or purchase. */
export const MAX_PROPERTIES = 256;
/** Properties holding lists or objects: events up to 100 KB, purchases up to 50 KB. */
export const MAX_EVENT_PROPERTIES_BYTES = 100 * 1024;
export const MAX_PURCHASE_PROPERTIES_BYTES = 50 * 1024;
/** A nested custom attribute (an object) may be at most 100 KB. */
export const MAX_NESTED_ATTRIBUTE_BYTES = 100 * 1024;
/** Braze treats a purchase of quantity X as X purchases of 1, and allows at most 100. */
export const MAX_PURCHASE_QUANTITY = 100;

/**
 * Profile fields Braze reserves: a custom attribute of the same name would not be a custom
 * attribute, and a spelling that differs only in case becomes one silently.
 */
export const STANDARD_PROFILE_FIELDS = new Set([
	'external_id',
	'user_alias',
	'braze_id',
	'email',
	'phone',
	'first_name',
	'last_name',
	'gender',
	'dob',
	'country',
	'home_city',
	'language',
	'time_zone',
	'email_subscribe',
	'push_subscribe',
	'subscription_groups',
	'push_tokens',
	'current_location',
	'date_of_first_session',
	'date_of_last_session',
	'email_open_tracking_disabled',
	'email_click_tracking_disabled',
	'marked_email_as_spam_at',
	'facebook',
	'twitter',
	'alias_name',
	'alias_label',
	'image_url',
	'bio',
	'push_token_import',
	'_update_existing_only',
	'_merge_objects',
]);

const characters = (text: string) => [...text].length;

/** E.164: a plus, the country code and the number, 8 to 15 digits; spaces, dots, dashes and brackets are dropped. */
export function phoneNumber(text: string): Checked<string> {
	const typed = typedExpressionIn(text);
	if (typed) return typed;
	const compact = text.replace(/[\s().-]/g, '');
	if (/^\+[1-9]\d{6,14}$/.test(compact)) return { value: compact };
	return {
		problem: `"${text}" is not a phone number in E.164 form`,
		fix: 'Write it as + then the country code and the number, without a leading 0, e.g. +14155552671 or +44 20 7946 0958.',
	};
}

/**
 * An address alone: a local part without spaces, brackets, quotes, commas or semicolons (what a
 * display name such as `Lin <lin@example.com>` or a list brings in), an @, and a domain of
 * dot-separated labels. Letters of any script are allowed (internationalised addresses).
 */
const EMAIL =
	/^(?!\.)(?!.*\.\.)[^\s@<>()[\]\\,;:"]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}]+$/u;

export function emailAddress(text: string): Checked<string> {
	const trimmed = text.trim();
	const typed = typedExpressionIn(trimmed);
	if (typed) return typed;
	if (EMAIL.test(trimmed)) return { value: trimmed };
	return {
		problem: `"${text}" is not an email address`,
		fix: 'Give the address alone, such as lin@example.com: no display name, no angle brackets, one address per field.',
	};
}

/** Text that still holds expression braces, as a problem of the value ("\"{{ $json.email\" contains…"). */
function typedExpressionIn(text: string): { problem: string; fix: string } | undefined {
	const typed = typedExpression(text);
	return typed && { problem: `"${text}" ${typed.problem}`, fix: typed.fix };
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Region codes that are not countries: unknown, European Union, Eurozone, United Nations, private use. */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** ISO 3166-1 alpha-2 (Braze maps other spellings on a best-effort basis, and clears the country when it can't). */
export function countryCode(text: string): Checked<string> {
	const code = text.trim().toUpperCase();
	if (/^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined) {
		return { value: code };
	}
	return {
		problem: `"${text}" is not a two-letter ISO 3166-1 country code`,
		fix: 'Use the two-letter code, e.g. US, DE or JP. Braze clears the country when it cannot map a name.',
	};
}

/**
 * ISO 639-1 codes withdrawn in favour of new ones. The runtime's language names still know them,
 * but `language` takes a code from Braze's list of accepted languages, which has only the current
 * ones, and Braze refuses the object otherwise
 * (https://www.braze.com/docs/api/objects_filters/user_attributes_object).
 */
const WITHDRAWN_LANGUAGES: Record<string, string> = {
	iw: 'he (Hebrew)',
	in: 'id (Indonesian)',
	ji: 'yi (Yiddish)',
	jw: 'jv (Javanese)',
	mo: 'ro (Romanian)',
	sh: 'sr (Serbian), hr (Croatian) or bs (Bosnian)',
};

/** ISO 639-1: two letters, a current code. */
export function languageCode(text: string): Checked<string> {
	const code = text.trim().toLowerCase();
	const current = WITHDRAWN_LANGUAGES[code];
	if (current !== undefined) {
		return {
			problem: `"${text}" is a withdrawn ISO 639-1 code`,
			fix: `Use the current code ${current}: Braze accepts only current codes.`,
		};
	}
	if (/^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined) return { value: code };
	return {
		problem: `"${text}" is not a two-letter ISO 639-1 language code`,
		fix: 'Use the two-letter code, e.g. en, de or ja.',
	};
}

/** An IANA time zone name such as America/New_York. */
export function timeZone(text: string): Checked<string> {
	const name = text.trim();
	try {
		if (name.includes('/') || name === 'UTC') {
			new Intl.DateTimeFormat('en', { timeZone: name });
			return { value: name };
		}
	} catch {
		// not a zone this runtime knows: refused below
	}
	return {
		problem: `"${text}" is not an IANA time zone`,
		fix: 'Use a name from the IANA time zone database, e.g. America/New_York or Europe/Berlin; Braze ignores other values.',
	};
}

/**
 * The earliest year of birth taken. Braze documents only the YYYY-MM-DD form of `dob`; a year
 * before 1900 is no living person's (0000-01-01 is a blank date in many exports), so it is
 * refused rather than stored as a birthday.
 */
export const EARLIEST_BIRTH_YEAR = 1900;

/** A date of birth: YYYY-MM-DD, a real calendar date, from 1900-01-01 to today. */
export function birthDate(text: string, now = Date.now()): Checked<string> {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	const date = match ? new Date(`${match[0]}T00:00:00Z`) : undefined;
	const real =
		date !== undefined &&
		!Number.isNaN(date.getTime()) &&
		date.toISOString().slice(0, 10) === match?.[0];
	if (real && Number(match[1]) < EARLIEST_BIRTH_YEAR) {
		return {
			problem: `"${text}" is before ${EARLIEST_BIRTH_YEAR}`,
			fix: `Give a date of birth from ${EARLIEST_BIRTH_YEAR}-01-01 to today; leave the field out when the date is unknown (a placeholder such as 0000-01-01 would be stored as a birthday).`,
		};
	}
	if (real && date.getTime() <= now) return { value: match[0] };
	return {
		problem: `"${text}" is not a past date in the form YYYY-MM-DD`,
		fix: 'Give the date of birth as year-month-day, e.g. 1980-12-21.',
	};
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 alphabetic currency code. */
export function currencyCode(text: string): Checked<string> {
	const code = text.trim().toUpperCase();
	if (/^[A-Z]{3}$/.test(code) && currencies.has(code)) return { value: code };
	return {
		problem: `"${text}" is not an ISO 4217 currency code`,
		fix: 'Use the three-letter code, e.g. USD, EUR or JPY.',
	};
}

export function purchaseQuantity(value: number): Checked<number> {
	if (Number.isInteger(value) && value >= 1 && value <= MAX_PURCHASE_QUANTITY) return { value };
	return {
		problem: `${value} is not a whole number from 1 to ${MAX_PURCHASE_QUANTITY}`,
		fix: `Braze counts a quantity of X as X purchases and allows at most ${MAX_PURCHASE_QUANTITY}; split larger orders into several purchases.`,
	};
}

/** A text value Braze stores: at most 255 characters. */
export function shortText(text: string): Checked<string> {
	if (characters(text) <= MAX_TEXT_CHARACTERS) return { value: text };
	return {
		problem: `is ${characters(text)} characters long`,
		fix: `Braze keeps at most ${MAX_TEXT_CHARACTERS} characters: shorten it, or store the long text elsewhere and keep a reference.`,
	};
}

/** A custom attribute's name: not a standard profile field, not starting with "$". */
export function customAttributeName(name: string): Checked<string> {
	const trimmed = name.trim();
	if (trimmed === '') {
		return { problem: 'has no name', fix: 'Give each custom attribute a name, or remove the row.' };
	}
	if (STANDARD_PROFILE_FIELDS.has(trimmed.toLowerCase())) {
		return {
			problem: `"${trimmed}" is a standard Braze profile field, not a custom attribute`,
			fix: `Set it with its own field on this form (for example First Name for first_name), or pick another name.`,
		};
	}
	if (trimmed.startsWith('$')) {
		return {
			problem: `"${trimmed}" starts with "$", which Braze keeps for its own operators`,
			fix: 'Pick a name without a leading "$".',
		};
	}
	// Braze reads a dot as a path into a nested attribute (segments, Liquid), and refuses it in
	// nested keys: https://www.braze.com/docs/user_guide/data/custom_data/custom_attributes/nested_custom_attribute_support/
	if (trimmed.includes('.')) {
		return {
			problem: `"${trimmed}" contains ".", which Braze reads as a path into a nested attribute`,
			fix: 'Pick a name without dots, e.g. with "_" in their place; for an object, use Nested Custom Attributes (JSON).',
		};
	}
	if (characters(trimmed) > MAX_TEXT_CHARACTERS) {
		return {
			problem: `"${trimmed.slice(0, 40)}…" is longer than ${MAX_TEXT_CHARACTERS} characters`,
			fix: 'Pick a shorter name.',
		};
	}
	return { value: trimmed };
}

/** An event or purchase property name: 1–255 characters, no leading "$", not "time" or "event_name". */
export function propertyName(name: string): Checked<string> {
	if (name === '' || characters(name) > MAX_TEXT_CHARACTERS) {
		return {
			problem: `"${name.slice(0, 40)}" is not 1 to ${MAX_TEXT_CHARACTERS} characters long`,
			fix: 'Give every property a name of 1 to 255 characters.',
		};
	}
	if (name.startsWith('$')) {
		return {
			problem: `"${name}" starts with "$"`,
			fix: 'Braze refuses property names with a leading "$": rename it.',
		};
	}
	if (name === 'time' || name === 'event_name') {
		return {
			problem: `"${name}" is a name Braze reserves`,
			fix: `Rename the property (for example "${name}_value"): Braze answers an error for "time" and "event_name".`,
		};
	}
	return { value: name };
}

/**
 * A custom event's name. Braze documents no limit for it; the node applies the rules Braze
 * documents for the names next to it (property and custom attribute names): at most 255
 * characters, no leading "$" (https://www.braze.com/docs/api/objects_filters/event_object).
 */
export function eventName(name: string): Checked<string> {
	return leadingDollarOrLong(name, 'an event name');
}

/** A product ID: at most 255 characters (documented), no leading "$" (the node's choice, as for names). */
export function productId(id: string): Checked<string> {
	return leadingDollarOrLong(id, 'a product ID');
}

function leadingDollarOrLong(text: string, what: string): Checked<string> {
	if (text.startsWith('$')) {
		return {
			problem: `"${text.slice(0, 40)}" starts with "$"`,
			fix: `Braze keeps names starting with "$" for its own data: remove the "$" from ${what}.`,
		};
	}
	return shortText(text);
}

/**
 * Keys inside a property's objects follow the rule for property names (1–255 characters, no
 * leading "$"): Braze documents nested properties without a rule of their own, so the node
 * applies the one it documents.
 */
function nestedPropertyKey(props: Record<string, unknown>): Checked<Record<string, unknown>> {
	const bad = findInJson(
		props,
		(entry) =>
			entry.depth > 2 &&
			typeof entry.key === 'string' &&
			(entry.key === '' ||
				entry.key.startsWith('$') ||
				characters(entry.key) > MAX_TEXT_CHARACTERS),
	);
	if (bad === undefined) return { value: props };
	const key = String(bad.key);
	return {
		problem: key.startsWith('$')
			? `"${jsonPath(bad).slice(0, 80)}" has a key that starts with "$"`
			: `"${jsonPath(bad).slice(0, 80)}" has a key that is not 1 to ${MAX_TEXT_CHARACTERS} characters long`,
		fix: 'Keys inside objects follow the rule for property names: 1 to 255 characters, no leading "$". Rename the key.',
	};
}

/** Checks an event's or a purchase's properties as Braze limits them. */
export function properties(
	props: Record<string, unknown>,
	maxNestedBytes: number,
): Checked<Record<string, unknown>> {
	const names = Object.keys(props);
	if (names.length > MAX_PROPERTIES) {
		return {
			problem: `has ${names.length} properties`,
			fix: `Braze keeps only the first ${MAX_PROPERTIES} properties of an event or purchase: send at most ${MAX_PROPERTIES}.`,
		};
	}
	for (const name of names) {
		const checkedName = propertyName(name);
		if (isProblem(checkedName)) return checkedName;
		const value = props[name];
		if (typeof value === 'string' && characters(value) > MAX_TEXT_CHARACTERS) {
			return {
				problem: `"${name}" is ${characters(value)} characters long`,
				fix: `Braze keeps text properties up to ${MAX_TEXT_CHARACTERS} characters: shorten it.`,
			};
		}
	}
	const nested = names.some((name) => props[name] !== null && typeof props[name] === 'object');
	if (nested) {
		const keys = nestedPropertyKey(props);
		if (isProblem(keys)) return keys;
	}
	const size = nested ? jsonByteLength(props) : 0;
	if (size > maxNestedBytes) {
		return {
			problem: `are ${Math.ceil(size / 1024)} KB with lists or objects inside`,
			fix: `Braze accepts at most ${maxNestedBytes / 1024} KB of properties that hold lists or objects: send fewer or smaller values.`,
		};
	}
	return { value: props };
}

/**
 * A nested custom attribute: at most 100 KB; keys of at most 255 characters without spaces, "."
 * or "$" (except Braze's operators); text values of at most 255 characters; lists of plain values
 * of at most 100 (lists of objects have no count limit, only the size).
 * https://www.braze.com/docs/user_guide/data/custom_data/custom_attributes/nested_custom_attribute_support/
 */
export function nestedAttribute(value: Record<string, unknown>): Checked<Record<string, unknown>> {
	const size = jsonByteLength(value);
	if (size > MAX_NESTED_ATTRIBUTE_BYTES) {
		return {
			problem: `is ${Math.ceil(size / 1024)} KB`,
			fix: `Braze accepts nested attributes up to ${MAX_NESTED_ATTRIBUTE_BYTES / 1024} KB: send less data.`,
		};
	}
	const bad = findInJson(value, (entry) => nestedProblem(entry.key, entry.value) !== undefined);
	if (bad === undefined) return { value };
	const { problem, fix, aboutKey } = nestedProblem(bad.key, bad.value) as NestedProblem;
	const path = jsonPath(bad).slice(0, 80);
	// A key names itself; a value is named by where it sits.
	const where = path === '' || (aboutKey && path === bad.key) ? '' : ` (at ${path})`;
	return { problem: `${problem}${where}`, fix };
}

const OPERATORS = new Set([
	'$time',
	'$add',
	'$update',
	'$remove',
	'$identifier_key',
	'$identifier_value',
	'$new_object',
]);

interface NestedProblem {
	problem: string;
	fix: string;
	/** Whether the key is the problem (rather than its value). */
	aboutKey?: boolean;
}

/** What Braze refuses about one key and value inside a nested attribute, if anything. */
function nestedProblem(
	key: string | number | undefined,
	value: unknown,
): NestedProblem | undefined {
	if (typeof key === 'string' && !OPERATORS.has(key) && /[\s.$]/.test(key)) {
		return {
			problem: `has the key "${key.slice(0, 40)}"`,
			fix: 'Keys of nested attributes may not contain spaces, "." or "$" (except Braze operators such as $time or $add): rename it.',
			aboutKey: true,
		};
	}
	if (typeof key === 'string' && characters(key) > MAX_TEXT_CHARACTERS) {
		return {
			problem: `has a key of ${characters(key)} characters`,
			fix: `Braze keeps keys of nested attributes up to ${MAX_TEXT_CHARACTERS} characters: shorten it.`,
		};
	}
	if (typeof value === 'string' && characters(value) > MAX_TEXT_CHARACTERS) {
		return {
			problem: `has a text of ${characters(value)} characters`,
			fix: `Braze keeps text in nested attributes up to ${MAX_TEXT_CHARACTERS} characters: shorten it.`,
		};
	}
	const plainList =
		Array.isArray(value) && value.every((entry) => entry === null || typeof entry !== 'object');
	if (plainList && value.length > MAX_ARRAY_VALUES) {
		return {
			problem: `has a list of ${value.length} values`,
			fix: `Braze keeps at most ${MAX_ARRAY_VALUES} values in a list: send fewer.`,
		};
	}
	return undefined;
}
