/**
 * A switch given by an expression: true/false, or the text "true"/"false" (what n8n's own
 * fields give). Anything else ("yes", 1, "TRUE") is undefined: the caller refuses it rather
 * than guess, because a guess of "off" can send for real.
 */
export function readBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	return undefined;
}
