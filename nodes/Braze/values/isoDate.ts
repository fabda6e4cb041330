/**
 * A date as ISO 8601 in UTC, from what an n8n field or expression gives: a Date, a Luxon
 * DateTime ($now), or text such as 2026-12-01, 2026-12-01T09:00:00Z or 2026-12-01 09:00+0200.
 * Text without an offset is UTC, as Braze reads it (not the server's local time).
 * undefined when it is not a real date.
 */
const PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function isoDateTime(value: unknown): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	if (typeof value === 'object' && value !== null && 'toISO' in value) {
		return isoDateTime(String((value as { toISO: () => string }).toISO()));
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
