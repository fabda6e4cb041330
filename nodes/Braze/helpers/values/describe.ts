/** A value as an error message shows it: quoted text (cut at 60 characters), or its kind. */
export function describeValue(value: unknown): string {
	if (typeof value === 'string')
		return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
	if (Array.isArray(value)) return 'a list';
	if (value === null || value === undefined) return 'empty';
	if (typeof value === 'object') return 'an object';
	return String(value);
}
