import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { BrazeBody, Messages } from '../helpers/body/types';

import { chunkBody } from './chunking';
import type { RecipientChunk } from './chunking';
import { invalidInput } from '../helpers/validation/invalidInput';
import { jsonByteLength } from '../helpers/values/bytes';
import { describeValue } from '../helpers/values/describe';
import { isPlainObject } from '../helpers/values/object';

/**
 * Braze refuses request bodies over 4 MB (413 or 400):
 * https://www.braze.com/docs/api/api_limits
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Top-level body keys in the form's words. */
const PART_LABELS: Record<string, string> = {
	external_user_ids: 'External User IDs',
	user_aliases: 'User Aliases',
	recipients: 'Recipients',
	audience: 'Audience',
	trigger_properties: 'Trigger Properties',
	context: 'Context',
	attachments: 'Attachments',
};
const RECIPIENT_PARTS = ['external_user_ids', 'user_aliases', 'recipients'];

const formatBytes = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/**
 * Checks each request the item makes, as it will be sent: a long list is split into requests
 * of at most 50 users, and each of those must fit, not the list as a whole.
 */
export function assertRequestSizes(
	context: IExecuteSingleFunctions,
	body: BrazeBody,
	plan: Array<RecipientChunk | undefined>,
): void {
	for (const [index, chunk] of plan.entries()) {
		const request = chunkBody(body, chunk);
		const bytes = jsonByteLength(request);
		if (bytes <= MAX_BODY_BYTES) continue;
		const which = plan.length > 1 ? `Request ${index + 1} of ${plan.length}` : 'The request';
		const part = largestPart(request);
		throw invalidInput(
			context,
			`${which} would be ${formatBytes(bytes)}; Braze accepts at most ${formatBytes(MAX_BODY_BYTES)} (4 MB) per request. Its largest part is ${part.name} (${formatBytes(part.bytes)})`,
			part.fix,
		);
	}
}

interface Part {
	name: string;
	bytes: number;
	fix: string;
}

/** The part of a body that weighs most: a recipient list (or its biggest entry), or a message field. */
function largestPart(body: BrazeBody): Part {
	const [key, bytes] = heaviest(body);
	if (key === 'messages') return largestMessageField(body.messages ?? {});
	const label = PART_LABELS[key] ?? key;
	const value = body[key];
	if (RECIPIENT_PARTS.includes(key) && Array.isArray(value)) {
		const [entry, entryBytes] = heaviest(value);
		if (entryBytes * 2 > bytes) {
			const heavy: unknown = value[Number(entry)];
			const preview =
				typeof heavy === 'string'
					? describeValue(heavy)
					: `${JSON.stringify(heavy).slice(0, 57)}...`;
			return {
				name: `entry ${Number(entry) + 1} of ${label} in this request, ${preview}`,
				bytes: entryBytes,
				fix: `No Braze user ID is that long: check the expression or data that fills ${label}.`,
			};
		}
	}
	return {
		name: label,
		bytes,
		fix: RECIPIENT_PARTS.includes(key)
			? `Check the IDs in ${label}: they are far longer than real IDs.`
			: `Shorten ${label}.`,
	};
}

function largestMessageField(messages: Messages): Part {
	let path = 'messages';
	let node: unknown = messages;
	let bytes = jsonByteLength(messages);
	while (isPlainObject(node)) {
		const [key, size] = heaviest(node);
		if (key === '') break;
		path = `${path}.${key}`;
		node = node[key];
		bytes = size;
	}
	return {
		name: `the message field ${path}`,
		bytes,
		fix: 'Shorten that content: host large images or files and link to them instead of embedding them.',
	};
}

/** The key of an object (or index of a list) whose JSON is largest, with its size. */
function heaviest(object: object): [string, number] {
	let best: [string, number] = ['', 0];
	for (const [key, value] of Object.entries(object)) {
		const size = jsonByteLength(value);
		if (size > best[1]) best = [key, size];
	}
	return best;
}
