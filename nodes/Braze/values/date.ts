/** A Luxon DateTime, as n8n's expressions give dates ($now, DateTime.fromISO(...)). */
type LuxonLike = { toISO: () => string };

/** A date object: a JavaScript Date, or a Luxon DateTime. */
export function isDateObject(value: unknown): value is Date | LuxonLike {
	return value instanceof Date || (typeof value === 'object' && value !== null && 'toISO' in value);
}

/** A date object as ISO 8601 text; an invalid Date gives undefined. */
export function dateObjectToIso(value: Date | LuxonLike): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	return String(value.toISO());
}

/** The instant a text names, as ISO 8601 in UTC (…Z); undefined when it names none. */
export function toInstantIso(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	const date = new Date(text);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
