import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { readBoolean } from '../values/boolean';
import { describeValue } from '../values/describe';
import { findReservedKey, jsonPath, nestsDeeperThan } from '../values/jsonWalk';
import { isPlainObject } from '../values/object';
import { readId, readText, readUserId } from '../values/text';
import type { TextReading } from '../values/text';
import { invalidInput } from './invalidInput';

// A field's value read strictly: what is not clearly of the field's kind is refused, naming the
// field as the form shows it (`label`), before anything is sent.

/** A switch; `fallback` when the field gives no value at all. */
export function booleanField(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	fallback: boolean,
): boolean {
	if (value === undefined) return fallback;
	const result = readBoolean(value);
	if (result === undefined) {
		throw invalidInput(
			context,
			`${label} must be true or false, but it is ${describeValue(value)}`,
			`Switch "${label}" on or off, or make its expression give true or false (the text "true" or "false" works too).`,
		);
	}
	return result;
}

/** An identifier, trimmed; empty when blank (the caller decides whether it is required). */
export function idField(context: IExecuteSingleFunctions, value: unknown, label: string): string {
	return acceptedId(context, readId(value), label);
}

/**
 * An identifier of a user (external ID, alias name or label, Braze ID) or of a subscription
 * group, read as `idField` does; text that still holds expression braces is refused, since it
 * would name one made-up user for every item.
 */
export function userIdField(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string {
	return acceptedId(context, readUserId(value), label);
}

function acceptedId(context: IExecuteSingleFunctions, reading: TextReading, label: string): string {
	if ('problem' in reading) {
		throw invalidInput(
			context,
			`${label} ${reading.problem}`,
			reading.fix ??
				`Give "${label}" as text, or fix the expression that fills it (for a list of objects, pick the ID field, e.g. {{ $json.contact.id }}).`,
		);
	}
	return reading.text;
}

/** Free text, trimmed; numbers and booleans become their text, objects and lists are refused. */
export function textField(context: IExecuteSingleFunctions, value: unknown, label: string): string {
	if (value === undefined || value === null) return '';
	const reading = readText(value);
	if ('problem' in reading) {
		throw invalidInput(
			context,
			`${label} must be text, but it ${reading.problem}`,
			`Fix the expression in "${label}" so that it gives text, not an object or a list.`,
		);
	}
	return reading.text.trim();
}

/** A date field's words, for its refusals. */
export interface DateFieldWords {
	label: string;
	/** What it must be: "a date", "a date and time". */
	kind: string;
	/** How to give one that reads. */
	fix: string;
	/** How to fill it in; without it the field is optional, and blank reads as undefined. */
	requiredFix?: string;
}

/**
 * A date field that a body step reads (Send At, End Time, Stale Date…): `read` turns what the
 * form or an expression gives into the step's date, or undefined when it names none. Blank is
 * refused when the field is required; what `read` cannot read is refused.
 */
export function dateParameter<T>(
	context: IExecuteSingleFunctions,
	name: string,
	words: DateFieldWords & { requiredFix: string },
	read: (raw: unknown) => T | undefined,
): T;
export function dateParameter<T>(
	context: IExecuteSingleFunctions,
	name: string,
	words: DateFieldWords,
	read: (raw: unknown) => T | undefined,
): T | undefined;
export function dateParameter<T>(
	context: IExecuteSingleFunctions,
	name: string,
	words: DateFieldWords,
	read: (raw: unknown) => T | undefined,
): T | undefined {
	const raw: unknown = context.getNodeParameter(name, '');
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		if (words.requiredFix === undefined) return undefined;
		throw invalidInput(context, `${words.label} is required`, words.requiredFix);
	}
	const date = read(raw);
	if (date === undefined) {
		throw invalidInput(
			context,
			`${words.label} must be ${words.kind}, but it is ${describeValue(raw)}`,
			words.fix,
		);
	}
	return date;
}

/**
 * How deep any JSON field may nest. Braze documents a limit only for catalog item values (50
 * levels: https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/post_create_catalog_item);
 * the node takes the same for every JSON field, far below the depth at which encoding the body
 * would exhaust the call stack.
 */
export const MAX_JSON_NESTING = 50;

/**
 * Refuses JSON nested deeper than MAX_JSON_NESTING, and keys n8n would drop on the way
 * (`__proto__`, `constructor`, `prototype`): the same in every JSON field, so a key is never
 * sent from one field and silently lost from another. The depth is checked first, so nothing
 * walks further than MAX_JSON_NESTING levels.
 */
export function assertJsonShape(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): void {
	if (nestsDeeperThan(value, MAX_JSON_NESTING)) {
		throw invalidInput(
			context,
			`${label} is nested more than ${MAX_JSON_NESTING} levels deep`,
			`Flatten the JSON in "${label}" to at most ${MAX_JSON_NESTING} levels of objects and lists, or pass the deep part by reference (an ID the message looks up).`,
		);
	}
	const reserved = findReservedKey(value);
	if (reserved === undefined) return;
	const key = String(reserved.key);
	const path = jsonPath(reserved);
	throw invalidInput(
		context,
		`${label} has the key "${key}"${path === key ? '' : ` (at ${path})`}`,
		'Rename the key: n8n drops keys named __proto__, constructor and prototype when it copies data, so the node refuses them in every JSON field instead of losing them in some.',
	);
}

/**
 * A JSON field's value as n8n gives it. For a value nested thousands of levels deep, n8n's
 * expression engine exhausts the call stack and says so without naming the field; that is
 * refused here with the field's name and the limit.
 */
export function jsonParameter(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
	fallback: unknown = '{}',
): unknown {
	let failure: unknown;
	try {
		return context.getNodeParameter(name, fallback);
	} catch (error) {
		failure = error;
	}
	// Any other failure is n8n's own (an expression error), passed on as it is.
	if (!String((failure as Error)?.message).includes('Maximum call stack size exceeded')) {
		throw failure;
	}
	throw invalidInput(
		context,
		`${label} is nested more than ${MAX_JSON_NESTING} levels deep`,
		`Make the expression in "${label}" give at most ${MAX_JSON_NESTING} levels of objects and lists.`,
	);
}

/**
 * A JSON field's object: an object from an expression, or JSON text of an object (blank text
 * is {}), checked by assertJsonShape. `example` is shown in the fix.
 */
export function readJsonObject(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
	example = '{"plan": "pro"}',
): IDataObject {
	let parsed = raw;
	if (typeof raw === 'string') {
		try {
			parsed = raw.trim() === '' ? {} : JSON.parse(raw);
		} catch (error) {
			throw invalidInput(
				context,
				`${label} is not valid JSON`,
				`Fix the JSON in "${label}" (${(error as Error).message}), e.g. ${example}.`,
			);
		}
	}
	if (!isPlainObject(parsed)) {
		throw invalidInput(
			context,
			`${label} must be a JSON object`,
			`Give an object in "${label}", e.g. ${example}.`,
		);
	}
	assertJsonShape(context, parsed, label);
	return parsed;
}
