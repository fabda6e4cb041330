/**
 * Number text as a person types it: an optional sign, digits, an optional decimal part.
 * Number() would also read "0x10" as 16, "0b1" as 1, "1e3" as 1000 and "" as 0; those are
 * slips (a hex colour, a pasted ID, an empty cell), not numbers meant for Braze.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** The number a value holds, or undefined: finite numbers, and decimal text (trimmed). */
export function readNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || !DECIMAL.test(value.trim())) return undefined;
	return Number(value.trim());
}
