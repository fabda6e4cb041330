import {
	characterCount,
	isProblem,
	MAX_TEXT_CHARACTERS,
	shortText,
} from '../../../helpers/validation/userData';
import type { Checked } from '../../../helpers/validation/userData';
import { jsonByteLength } from '../../../helpers/values/bytes';
import { findInJson, jsonPath } from '../../../helpers/values/jsonWalk';

// The rules Braze documents for event and purchase objects, which Track Event and Track Purchase
// check (occurrence.ts, trackEvent.ts, trackPurchase.ts):
// https://www.braze.com/docs/api/objects_filters/event_object
// https://www.braze.com/docs/api/objects_filters/purchase_object

/** Braze captures only the first 256 properties of an event or purchase. */
export const MAX_PROPERTIES = 256;
/** Properties holding lists or objects: events up to 100 KB, purchases up to 50 KB. */
export const MAX_EVENT_PROPERTIES_BYTES = 100 * 1024;
export const MAX_PURCHASE_PROPERTIES_BYTES = 50 * 1024;
/** Braze treats a purchase of quantity X as X purchases of 1, and allows at most 100. */
export const MAX_PURCHASE_QUANTITY = 100;

/** An event or purchase property name: 1–255 characters, no leading "$", not "time" or "event_name". */
export function propertyName(name: string): Checked<string> {
	if (name === '' || characterCount(name) > MAX_TEXT_CHARACTERS) {
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
				characterCount(entry.key) > MAX_TEXT_CHARACTERS),
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
		if (typeof value === 'string' && characterCount(value) > MAX_TEXT_CHARACTERS) {
			return {
				problem: `"${name}" is ${characterCount(value)} characters long`,
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
