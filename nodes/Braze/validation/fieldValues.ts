import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { readBoolean } from '../values/boolean';
import { describeValue } from '../values/describe';
import { readId, readText } from '../values/text';
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
	const reading = readId(value);
	if ('problem' in reading) {
		throw invalidInput(
			context,
			`${label} ${reading.problem}`,
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

/**
 * A JSON field's object: an object from an expression, or JSON text of an object (blank text
 * is {}). `example` is shown in the fix.
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
		} catch {
			throw invalidInput(
				context,
				`${label} is not valid JSON`,
				`Fix the JSON in "${label}", e.g. ${example}.`,
			);
		}
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw invalidInput(
			context,
			`${label} must be a JSON object`,
			`Give an object in "${label}", e.g. ${example}.`,
		);
	}
	return parsed as IDataObject;
}
