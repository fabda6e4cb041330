import type { IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

/** What stands in an answer where the API key was. */
export const REDACTED = '[redacted]';

/** Base64 fragments shorter than this would match ordinary text; a Braze key gives about 46. */
const MIN_BASE64_FRAGMENT = 8;

/**
 * The characters of a Base64 text that come from the key alone, for each of the three offsets
 * (0, 1 or 2 bytes past a multiple of 3) the key can have in the encoded text. One of them is in
 * any Base64 of a text holding the key: of the key, of "Bearer <key>", of ":<key>" (basic
 * authentication), of a whole header dump.
 */
function base64Fragments(key: string): string[] {
	const bytes = Buffer.from(key, 'utf8');
	const fragments: string[] = [];
	for (const shift of [0, 1, 2]) {
		const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
		// Skip the characters that mix in the bytes before the key, and the last one if it mixes in
		// the bytes after it.
		const fragment = encoded.slice(
			Math.ceil((shift * 8) / 6),
			Math.floor(((shift + bytes.length) * 8) / 6),
		);
		if (fragment.length < MIN_BASE64_FRAGMENT) continue;
		fragments.push(fragment, fragment.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return fragments;
}

/** Every form in which an answer could carry the key: plain, URL-encoded, Base64; longest first. */
export function keyForms(key: string): string[] {
	if (key === '') return [];
	const encoded = encodeURIComponent(key);
	const forms = new Set([
		key,
		encoded,
		encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
		...base64Fragments(key),
	]);
	return [...forms].sort((a, b) => b.length - a.length);
}

/** The patterns of the keys seen last: one per credential, built once, not for every answer. */
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 16;

/** One pattern for every form, longest first, so that one scan of a text finds them all. */
function formsPattern(key: string): RegExp {
	let pattern = patterns.get(key);
	if (!pattern) {
		pattern = new RegExp(
			keyForms(key)
				.map((form) => form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
				.join('|'),
			'g',
		);
		if (patterns.size >= MAX_PATTERNS) patterns.clear();
		patterns.set(key, pattern);
	}
	return pattern;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/** Sets an own property, even one named __proto__ (JSON.parse makes such keys). */
function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown) {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

/**
 * A copy of an answer's body or headers with every form of the key replaced by REDACTED, in texts
 * and in property names. Walks with its own stack, so an answer nested thousands deep cannot
 * overflow the call stack. Values that are neither text, list nor plain object are kept as they
 * are (numbers, booleans; a raw buffer is never kept by the node).
 */
export function redactKey<T>(value: T, key: string): T {
	if (key === '') return value;
	const pattern = formsPattern(key);
	const redactText = (text: string) => text.replace(pattern, REDACTED);
	const root: unknown[] = [undefined];
	const stack: Array<{
		from: unknown;
		into: Record<string, unknown> | unknown[];
		at: string | number;
	}> = [{ from: value, into: root, at: 0 }];
	for (let next = stack.pop(); next; next = stack.pop()) {
		const { from, into, at } = next;
		let copy: unknown = from;
		if (typeof from === 'string') {
			copy = redactText(from);
		} else if (Array.isArray(from)) {
			const list: unknown[] = new Array(from.length);
			for (let index = 0; index < from.length; index += 1) {
				stack.push({ from: from[index] as unknown, into: list, at: index });
			}
			copy = list;
		} else if (isRecord(from)) {
			const record: Record<string, unknown> = {};
			// Keys first, in order; their values are filled in as the stack unwinds.
			for (const [name, entry] of Object.entries(from)) {
				const redactedName = redactText(name);
				setOwn(record, redactedName, undefined);
				stack.push({ from: entry, into: record, at: redactedName });
			}
			copy = record;
		}
		setOwn(into, at, copy);
	}
	return root[0] as T;
}

/** A node context that can read the credential (an item's, or a list search's). */
type CredentialReader = Pick<IExecuteSingleFunctions, 'getCredentials'> &
	Partial<Pick<IExecuteSingleFunctions, 'getExecuteData'>>;

/** The key of each node run, read once: n8n decrypts the credential on every read. */
const runKeys = new WeakMap<object, Promise<string>>();

/** The API key the node's requests carry. */
export async function credentialKey(context: CredentialReader): Promise<string> {
	const run = context.getExecuteData?.();
	const known = run ? runKeys.get(run) : undefined;
	if (known) return await known;
	const key = context
		.getCredentials('brazeApi')
		.then(({ apiKey }) => (typeof apiKey === 'string' ? apiKey : ''));
	if (run) runKeys.set(run, key);
	return await key;
}

/**
 * Braze's answer with the credential's key taken out of its body and headers, before anything
 * reads it. Something at the credential's URL that echoes the request (a debug gateway, a proxy)
 * would otherwise put the key into errors, outputs and the execution n8n saves.
 */
export async function withoutKey(
	context: CredentialReader,
	response: IN8nHttpFullResponse,
): Promise<IN8nHttpFullResponse> {
	const key = await credentialKey(context);
	return {
		...response,
		headers: redactKey(response.headers, key),
		body: redactKey(response.body, key),
	};
}
