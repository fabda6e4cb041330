import { characterCount, MAX_TEXT_CHARACTERS } from '../../../helpers/validation/userData';
import type { Checked } from '../../../helpers/validation/userData';
import { jsonByteLength } from '../../../helpers/values/bytes';
import { findInJson, jsonPath } from '../../../helpers/values/jsonWalk';

// The rules Braze documents for custom attributes, which Custom Attributes and Nested Custom
// Attributes (JSON) check (customAttributes.ts):
// https://www.braze.com/docs/api/objects_filters/user_attributes_object

/** At most this many values in an array attribute (Braze's default is 25; it can be raised to 100). */
export const MAX_ARRAY_VALUES = 100;
/** A nested custom attribute (an object) may be at most 100 KB. */
export const MAX_NESTED_ATTRIBUTE_BYTES = 100 * 1024;

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
	if (characterCount(trimmed) > MAX_TEXT_CHARACTERS) {
		return {
			problem: `"${trimmed.slice(0, 40)}…" is longer than ${MAX_TEXT_CHARACTERS} characters`,
			fix: 'Pick a shorter name.',
		};
	}
	return { value: trimmed };
}

/**
 * A nested custom attribute: at most 100 KB; keys of at most 255 characters without spaces, "."
 * or "$" (except Braze's operators); text values of at most 255 characters; lists of plain values
 * of at most 100 (lists of objects have no count limit, only the size).
 * https://www.braze.com/docs/user_guide/data/custom_data/custom_attributes/nested_custom_attribute_support/
 */
export function nestedAttribute(value: object): Checked<object> {
	const size = jsonByteLength(value);
	if (size > MAX_NESTED_ATTRIBUTE_BYTES) {
		return {
			problem: `is ${Math.ceil(size / 1024)} KB`,
			fix: `Braze accepts nested attributes up to ${MAX_NESTED_ATTRIBUTE_BYTES / 1024} KB: send less data.`,
		};
	}
	const bad = findInJson(value, (entry) => nestedProblem(entry.key, entry.value) !== undefined);
	const found = bad && nestedProblem(bad.key, bad.value);
	if (bad === undefined || found === undefined) return { value };
	const { problem, fix, aboutKey } = found;
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
	if (typeof key === 'string' && characterCount(key) > MAX_TEXT_CHARACTERS) {
		return {
			problem: `has a key of ${characterCount(key)} characters`,
			fix: `Braze keeps keys of nested attributes up to ${MAX_TEXT_CHARACTERS} characters: shorten it.`,
		};
	}
	if (typeof value === 'string' && characterCount(value) > MAX_TEXT_CHARACTERS) {
		return {
			problem: `has a text of ${characterCount(value)} characters`,
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
