import { describeValue } from './describe';

/**
 * What a value read as text gives: the text, or why it is not text (to finish a sentence after
 * the field's name) and, where the reason calls for its own, how to fix it.
 */
export type TextReading = { text: string } | { problem: string; fix?: string };

/** Why a text holds an n8n expression that was never evaluated, and how to fix it. */
export interface TypedExpression {
	problem: string;
	fix: string;
}

/**
 * Text that still holds n8n's expression braces was typed in Fixed mode: n8n sent it as
 * written, so every item would carry the same literal text (`{{ $json.id ` names one user for
 * all of them). undefined when the text has no braces.
 */
export function typedExpression(text: string): TypedExpression | undefined {
	const braces = ['{{', '}}'].find((pair) => text.includes(pair));
	if (braces === undefined) return undefined;
	return {
		problem: `contains "${braces}": it looks like an expression typed as fixed text`,
		fix: 'Switch the field to Expression (or remove the braces).',
	};
}

/**
 * Text that a slipped expression produces rather than a real ID: String(undefined), a missing
 * field in a template, an object or NaN turned into text.
 */
const STRAY_TEXT = new Set(['undefined', 'null', 'NaN', 'Infinity', '[object Object]']);

/**
 * A free-text value: text as is; a finite number or a boolean as its text. Objects and lists
 * would go out as "[object Object]" or "a,b", and NaN/Infinity as words, so they are refused.
 */
export function readText(value: unknown): TextReading {
	if (typeof value === 'string') return { text: value };
	if (typeof value === 'boolean') return { text: String(value) };
	if (typeof value === 'number' && Number.isFinite(value)) return { text: String(value) };
	return { problem: `is ${describeValue(value)}` };
}

/**
 * One identifier, trimmed (empty when blank). A number counts only as a safe integer, written
 * in decimal: 1.5, 1e21 or 2^53 + 1 are not IDs a system hands out, and their text would not
 * be the ID meant. "undefined", "null" and the like are refused as stray expression output.
 */
export function readId(value: unknown): TextReading {
	if (value === undefined || value === null) return { text: '' };
	if (typeof value === 'number') return numberId(value);
	if (typeof value !== 'string') return { problem: `is ${describeValue(value)}, not text` };
	const text = value.trim();
	if (STRAY_TEXT.has(text)) {
		return {
			problem: `is the text "${text}", what a missing value or an object turns into, not an ID`,
		};
	}
	return { text };
}

/**
 * One identifier of a user (or of what a user is subscribed to), read as `readId` does and
 * refused when it still holds expression braces: such text names one made-up user for every
 * item, so it never reaches Braze.
 */
export function readUserId(value: unknown): TextReading {
	const reading = readId(value);
	if ('problem' in reading) return reading;
	return typedExpression(reading.text) ?? reading;
}

function numberId(value: number): TextReading {
	if (Number.isSafeInteger(value)) return { text: String(value) };
	if (!Number.isFinite(value)) return { problem: `is the number ${value}, not an ID` };
	if (!Number.isInteger(value)) return { problem: `is the number ${value}, not a whole number` };
	return {
		problem: `is the number ${value}, too large to be exact (above 9,007,199,254,740,991): give large IDs as text`,
	};
}
