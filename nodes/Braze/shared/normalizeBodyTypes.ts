import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { BodyField } from './bodyFields';
import { deletePath, getPath, hasPath, setPath } from './objectPath';
import { invalidInput } from './validationError';

/**
 * Gives every routed field its JSON type (numbers as numbers, booleans as booleans, dates as
 * ISO 8601) and refuses values that are not of that type instead of casting them silently.
 * Empty optional fields are dropped; empty required ones are refused.
 */
export function normalizeBodyTypes(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	fields: BodyField[],
): void {
	for (const field of fields) {
		if (!hasPath(body, field.path)) continue;
		const value = getPath(body, field.path);
		if (value === undefined || value === null || value === '') {
			if (field.required) {
				throw invalidInput(
					context,
					`${field.label} is required`,
					`Fill in "${field.label}". If it comes from an expression, check that the expression gives a value for this item.`,
				);
			}
			deletePath(body, field.path);
			continue;
		}
		setPath(body, field.path, convert(context, field, value));
	}
}

function convert(context: IExecuteSingleFunctions, field: BodyField, value: unknown): unknown {
	switch (field.type) {
		case 'number':
			return toNumber(context, field, value);
		case 'boolean':
			return toBoolean(context, field, value);
		case 'dateTime':
			return toIsoDate(context, field, value);
		case 'options':
			return toOption(context, field, value);
		default:
			return toText(context, field, value);
	}
}

function toNumber(context: IExecuteSingleFunctions, field: BodyField, value: unknown): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw invalidInput(
			context,
			`${field.label} must be a number, but it is ${describe(value)}`,
			`Enter a number in "${field.label}" (digits only, such as 3600), or fix the expression that fills it.`,
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
		throw invalidInput(
			context,
			`${field.label} is ${number}; Braze accepts ${formatNumber(field.min)} to ${formatNumber(field.max)}`,
			`Enter a value from ${formatNumber(field.min)} to ${formatNumber(field.max)} in "${field.label}".`,
		);
	}
	return number;
}

function formatNumber(value: number | undefined): string {
	return value === undefined ? 'any' : value.toLocaleString('en-US');
}

function toBoolean(context: IExecuteSingleFunctions, field: BodyField, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw invalidInput(
		context,
		`${field.label} must be true or false, but it is ${describe(value)}`,
		`Switch "${field.label}" on or off, or make its expression give true or false.`,
	);
}

function toIsoDate(context: IExecuteSingleFunctions, field: BodyField, value: unknown): string {
	const candidate =
		value instanceof Date
			? value
			: typeof value === 'object' && value !== null && 'toISO' in value
				? new Date(String((value as { toISO: () => string }).toISO()))
				: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())
					? new Date(value.trim())
					: undefined;
	if (!candidate || Number.isNaN(candidate.getTime())) {
		throw invalidInput(
			context,
			`${field.label} must be a date, but it is ${describe(value)}`,
			`Pick a date in "${field.label}", or give an ISO 8601 date such as 2026-12-01T09:00:00Z.`,
		);
	}
	return candidate.toISOString();
}

function toOption(context: IExecuteSingleFunctions, field: BodyField, value: unknown): string {
	const text = String(value);
	if (field.allowedValues && !field.allowedValues.includes(text)) {
		throw invalidInput(
			context,
			`${field.label} cannot be ${describe(value)}`,
			`Choose one of: ${field.allowedValues.join(', ')}.`,
		);
	}
	return text;
}

function toText(context: IExecuteSingleFunctions, field: BodyField, value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw invalidInput(
		context,
		`${field.label} must be text, but it is ${describe(value)}`,
		`Fix the expression in "${field.label}" so that it gives text, not an object or a list.`,
	);
}

function describe(value: unknown): string {
	if (typeof value === 'string')
		return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
	if (Array.isArray(value)) return 'a list';
	if (value === null || value === undefined) return 'empty';
	if (typeof value === 'object') return 'an object';
	return String(value);
}
