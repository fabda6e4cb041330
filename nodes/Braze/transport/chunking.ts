import type { BrazeBody, NamedUsers, RecipientObject } from '../helpers/body/types';

/**
 * Braze caps one /messages/send request at 50 named users, ids and aliases together
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages).
 * Longer lists are sent in consecutive requests of this size.
 */
export const MAX_NAMED_RECIPIENTS_PER_REQUEST = 50;

/**
 * The users one request names: a slice of the item's external IDs and aliases (/messages/send),
 * or of its recipient objects (/campaigns/trigger/send, /canvas/trigger/send;
 * https://www.braze.com/docs/api/objects_filters/recipient_object).
 */
export type RecipientChunk = NamedUsers;

export function recipientCount(chunk: RecipientChunk): number {
	return (
		(chunk.external_user_ids?.length ?? 0) +
		(chunk.user_aliases?.length ?? 0) +
		(chunk.recipients?.length ?? 0)
	);
}

/**
 * Splits the named users into consecutive groups of at most 50 (ids and aliases counted
 * together), in input order: the external IDs first, then the aliases. A send that names
 * nobody (segment or audience broadcast) is one request with no chunk.
 */
export function splitRecipients(
	body: BrazeBody,
	size = MAX_NAMED_RECIPIENTS_PER_REQUEST,
): RecipientChunk[] {
	if (Array.isArray(body.recipients)) return splitRecipientObjects(body.recipients, size);
	const ids = Array.isArray(body.external_user_ids) ? body.external_user_ids : [];
	const aliases = Array.isArray(body.user_aliases) ? body.user_aliases : [];
	const total = ids.length + aliases.length;
	if (total === 0) return [];
	const chunks: RecipientChunk[] = [];
	for (let start = 0; start < total; start += size) {
		const end = Math.min(start + size, total);
		const chunk: RecipientChunk = {};
		if (start < ids.length) chunk.external_user_ids = ids.slice(start, Math.min(end, ids.length));
		if (end > ids.length) {
			chunk.user_aliases = aliases.slice(Math.max(start - ids.length, 0), end - ids.length);
		}
		chunks.push(chunk);
	}
	return chunks;
}

/** Trigger endpoints name users as recipient objects: at most 50 per request, in order. */
function splitRecipientObjects(recipients: RecipientObject[], size: number): RecipientChunk[] {
	const chunks: RecipientChunk[] = [];
	for (let start = 0; start < recipients.length; start += size) {
		chunks.push({ recipients: recipients.slice(start, start + size) });
	}
	return chunks;
}

/** The request body for one chunk: the whole body with only that chunk's users named. */
export function chunkBody(body: BrazeBody, chunk: RecipientChunk | undefined): BrazeBody {
	if (!chunk) return body;
	const copy: BrazeBody = { ...body };
	delete copy.external_user_ids;
	delete copy.user_aliases;
	delete copy.recipients;
	return { ...chunk, ...copy };
}

/** Several chunks' users as one list pair, for "not sent" reports. */
export function mergeChunks(chunks: RecipientChunk[]): RecipientChunk {
	const merged: RecipientChunk = {};
	const ids = chunks.flatMap((chunk) => chunk.external_user_ids ?? []);
	const aliases = chunks.flatMap((chunk) => chunk.user_aliases ?? []);
	if (ids.length) merged.external_user_ids = ids;
	if (aliases.length) merged.user_aliases = aliases;
	const recipients = chunks.flatMap((chunk) => chunk.recipients ?? []);
	if (recipients.length) merged.recipients = recipients;
	return merged;
}

/** Users in the words of an error description: ids as is, aliases as label:name. */
export function describeRecipients(chunk: RecipientChunk, max = 1000): string {
	const names = [
		...(chunk.external_user_ids ?? []),
		...(chunk.user_aliases ?? []).map(
			(alias) => `${String(alias.alias_label)}:${String(alias.alias_name)}`,
		),
		...(chunk.recipients ?? []).map(describeRecipientObject),
	];
	const shown = names.slice(0, max).join(', ');
	return names.length > max ? `${shown} … and ${names.length - max} more` : shown;
}

/** A recipient object by its identifier: the external ID as is, else alias/email/Braze ID. */
function describeRecipientObject(recipient: RecipientObject): string {
	if (recipient.external_user_id !== undefined) return String(recipient.external_user_id);
	const alias = recipient.user_alias;
	if (alias) return `${String(alias.alias_label)}:${String(alias.alias_name)}`;
	if (recipient.email !== undefined) return `email:${String(recipient.email)}`;
	return `braze_id:${String(recipient.braze_id)}`;
}
