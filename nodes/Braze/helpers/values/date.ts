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

/**
 * A date as ISO 8601 in UTC, from what a field or expression gives: a Date, a Luxon DateTime
 * ($now), or text such as 2026-12-01, 2026-12-01T09:00:00Z or 2026-12-01 09:00+0200. Text
 * without an offset is UTC, as Braze reads it (not the server's local time); a day that does not
 * exist (2026-02-30) is refused. undefined when it is not a real date.
 */
const PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function isoDateTime(value: unknown): string | undefined {
	if (isDateObject(value)) {
		const text = dateObjectToIso(value);
		return text === undefined ? undefined : isoDateTime(text);
	}
	if (typeof value !== 'string') return undefined;
	const match = PATTERN.exec(value.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] =
		match;
	const offset =
		!zone || zone.toUpperCase() === 'Z'
			? 'Z'
			: zone.replace(/^([+-]\d{2}):?(\d{2})?$/, (_, h: string, m = '00') => `${h}:${m}`);
	const text = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`;
	const date = new Date(text);
	// Date() rolls 2026-02-30 over to March: compare the calendar date back.
	if (Number.isNaN(date.getTime())) return undefined;
	const roundTrip = new Date(`${year}-${month}-${day}T00:00:00Z`);
	if (roundTrip.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return undefined;
	return date.toISOString();
}
