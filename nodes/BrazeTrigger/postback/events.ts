import type { IDataObject } from 'n8n-workflow';

import { describeValue } from '../../Braze/helpers/values/describe';
import { nestsDeeperThan } from '../../Braze/helpers/values/jsonWalk';
import { isPlainObject } from '../../Braze/helpers/values/object';
import { MAX_EVENT_DEPTH, MAX_EVENTS_PER_REQUEST } from './bounds';

// Braze's transactional HTTP event postback: {dispatch_id, status, metadata}.
// https://www.braze.com/docs/user_guide/message_building_by_channel/email/transactional_message_api_campaign/tracking_transactional_emails

/** The five statuses Braze documents, in the order an email goes through them. */
export const STATUSES = ['sent', 'processed', 'delivered', 'aborted', 'bounced'] as const;
export type Status = (typeof STATUSES)[number];

/** The metadata timestamp that says when each status happened. */
const STATUS_TIME: Record<Status, string> = {
	sent: 'sent_at',
	processed: 'processed_at',
	delivered: 'delivered_at',
	aborted: 'aborted_at',
	bounced: 'bounced_at',
};

/** Every timestamp Braze documents in the metadata, copied to the top level when present. */
const TIMESTAMPS = [
	'received_at',
	'enqueued_at',
	'executed_at',
	'sent_at',
	'processed_at',
	'delivered_at',
	'bounced_at',
	'aborted_at',
];

/**
 * The metadata fields Braze documents, all text (ids, ISO 8601 times, a reason). Each must be
 * text when present; null counts as absent.
 */
const TEXT_METADATA = ['external_send_id', 'campaign_api_id', ...TIMESTAMPS, 'reason'];

/** An event that passed the shape check: dispatch_id and status are non-empty text. */
export interface PostbackEvent {
	dispatch_id: string;
	status: string;
	metadata: IDataObject;
}

export type PostbackReading = { events: PostbackEvent[] } | { problem: string };

const EXPECTED =
	'Expected a Braze transactional postback: a JSON object {"dispatch_id", "status", "metadata"} or a list of them.';

/**
 * The events of a request, read from its raw bytes as JSON whatever the content type says (Braze
 * does not document it; n8n parses only some types, and would turn a form post into an object).
 * Without raw bytes, the body n8n parsed. Every event must pass, or none is taken: a body that is
 * partly not events is refused whole.
 */
export function readPostback(body: unknown, rawBody: unknown): PostbackReading {
	const parsed = parseBody(body, rawBody);
	if ('problem' in parsed) return parsed;
	const list = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
	if (list.length === 0) return { problem: `The body is an empty list. ${EXPECTED}` };
	if (list.length > MAX_EVENTS_PER_REQUEST) {
		return {
			problem: `The body holds ${list.length} events; the Braze Trigger takes at most ${MAX_EVENTS_PER_REQUEST} per request (a Braze postback is one event). Send the events in lists of at most ${MAX_EVENTS_PER_REQUEST}.`,
		};
	}
	const events: PostbackEvent[] = [];
	for (const [index, value] of list.entries()) {
		const where = list.length > 1 ? `Event ${index + 1} of ${list.length}` : 'The event';
		const event = readEvent(value);
		if ('problem' in event) return { problem: `${where} ${event.problem}. ${EXPECTED}` };
		events.push(event);
	}
	return { events };
}

function parseBody(body: unknown, rawBody: unknown): { value: unknown } | { problem: string } {
	let text: string;
	if (rawBody instanceof Uint8Array) text = Buffer.from(rawBody).toString('utf8');
	else if (typeof body === 'string') text = body;
	else if (body === undefined || body === null) text = '';
	else return { value: body };
	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '') return { problem: `The body is empty. ${EXPECTED}` };
	try {
		return { value: JSON.parse(text) as unknown };
	} catch {
		return { problem: `The body is not JSON. ${EXPECTED}` };
	}
}

/** The postback event a value holds, or why it is not one (to finish "The event …"). */
function readEvent(value: unknown): PostbackEvent | { problem: string } {
	if (!isPlainObject(value)) return { problem: `is ${describeValue(value)}, not an object` };
	const { dispatch_id: dispatchId, status } = value;
	if (!isNonEmptyText(dispatchId)) return { problem: noTextProblem('dispatch_id', dispatchId) };
	if (!isNonEmptyText(status)) return { problem: noTextProblem('status', status) };
	const metadata = value.metadata === undefined ? {} : value.metadata;
	if (!isPlainObject(metadata)) {
		return { problem: `has a "metadata" that is ${describeValue(metadata)}, not an object` };
	}
	const problem = metadataProblem(metadata);
	if (problem) return { problem };
	if (nestsDeeperThan(value, MAX_EVENT_DEPTH)) {
		return {
			problem: `nests objects and lists more than ${MAX_EVENT_DEPTH} levels deep (a Braze postback has 2: the event and its metadata)`,
		};
	}
	return { dispatch_id: dispatchId, status, metadata };
}

function isNonEmptyText(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

function noTextProblem(key: string, value: unknown): string {
	return `has no "${key}" (it is ${describeValue(value)}; expected non-empty text)`;
}

/** Why a documented metadata field is not text (null counts as absent), or undefined. */
function metadataProblem(metadata: IDataObject): string | undefined {
	for (const key of TEXT_METADATA) {
		const field = metadata[key];
		if (field !== undefined && field !== null && typeof field !== 'string') {
			return `has a "metadata.${key}" that is ${describeValue(field)}; Braze sends text there`;
		}
	}
	return undefined;
}

export function isKnownStatus(status: string): status is Status {
	return (STATUSES as readonly string[]).includes(status);
}

/**
 * The item a workflow receives: the ids, the status and when it happened at the top level
 * (external_send_id lifted from the metadata, so that `$json.external_send_id` works), every
 * documented timestamp that is present, and Braze's metadata as it came.
 */
export function eventItem(event: PostbackEvent & { status: Status }): IDataObject {
	const { metadata } = event;
	const item: IDataObject = {
		dispatch_id: event.dispatch_id,
		status: event.status,
		external_send_id: metadata.external_send_id ?? null,
		campaign_api_id: metadata.campaign_api_id ?? null,
		event_at: metadata[STATUS_TIME[event.status]] ?? null,
		reason: metadata.reason ?? null,
	};
	for (const key of TIMESTAMPS) {
		if (metadata[key] !== undefined) item[key] = metadata[key];
	}
	item.metadata = metadata;
	return item;
}
