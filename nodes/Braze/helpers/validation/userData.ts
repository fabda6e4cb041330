/**
 * Checks of user data that several resources and channels share, as pure checks: each returns
 * the value as Braze wants it, or a problem (what is wrong, and how to fix it) for the caller to
 * raise against the field the user filled in. The User resource's own rules (profile formats,
 * custom attributes, events and purchases) sit next to its fields, in resources/user/fields/.
 * https://www.braze.com/docs/api/objects_filters/user_attributes_object
 */
import type { IExecuteSingleFunctions } from 'n8n-workflow';

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

/** Characters as Braze counts them: an emoji is one, not two UTF-16 units. */
export const characterCount = (text: string) => [...text].length;

/** A text value Braze stores: at most 255 characters. */
export function shortText(text: string): Checked<string> {
	if (characterCount(text) <= MAX_TEXT_CHARACTERS) return { value: text };
	return {
		problem: `is ${characterCount(text)} characters long`,
		fix: `Braze keeps at most ${MAX_TEXT_CHARACTERS} characters: shorten it, or store the long text elsewhere and keep a reference.`,
	};
}

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
