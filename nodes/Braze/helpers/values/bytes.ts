/** The UTF-8 bytes of a value: text as is, anything else as JSON; nothing counts 0. */
export function byteLength(value: unknown): number {
	if (value === undefined) return 0;
	return Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
}

/** The UTF-8 bytes a value takes in a JSON body (text with its quotes). */
export function jsonByteLength(value: unknown): number {
	return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
