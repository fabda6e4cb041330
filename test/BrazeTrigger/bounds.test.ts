// The bounds of one postback request: how many events, how deep, and which fields must be text.
// Each refusal is a 400 with the reason, and no execution starts.
import type { IDataObject } from 'n8n-workflow';

import { postbackEvent } from '../helpers/postbackEvents';
import { SECRET, useTriggerWebhook } from '../helpers/triggerEngine';

const TOKEN = `?token=${SECRET}`;
const { webhook } = useTriggerWebhook();
const event = postbackEvent('delivered');
const metadata = event.metadata as IDataObject;

/** The event with `levels` more objects nested under metadata.extra (the event itself is 1, metadata 2). */
function nested(levels: number): string {
	const inner = `${'{"a":'.repeat(levels)}"bottom"${'}'.repeat(levels)}`;
	const meta = JSON.stringify(metadata).replace(/^\{/, `{"extra":${inner},`);
	return `{"dispatch_id":"${String(event.dispatch_id)}","status":"delivered","metadata":${meta}}`;
}

describe('Braze Trigger: how deep an event may nest', () => {
	it.each([
		['10,000 levels deeper', 10_000],
		['100,000 levels deeper', 100_000],
	])('metadata nested %s: 400 with the reason, nothing starts', async (_name, levels) => {
		const answer = await webhook.post(nested(levels), { query: TOKEN });
		expect(answer.status).toBe(400);
		expect(answer.json?.error).toMatch(
			/^The event nests objects and lists more than 10 levels deep \(a Braze postback has 2: the event and its metadata\)/,
		);
		expect(webhook.runs).toHaveLength(0);
	});

	it('10 levels (the limit) reach the next node as they came; 11 are refused', async () => {
		const atLimit = await webhook.post(nested(8), { query: TOKEN });
		expect(atLimit.status).toBe(200);
		expect(webhook.runs).toHaveLength(1);
		const kept = webhook.runs[0].emitted[0].metadata as IDataObject;
		expect(JSON.stringify(kept.extra)).toBe(`${'{"a":'.repeat(8)}"bottom"${'}'.repeat(8)}`);
		expect(webhook.runs[0].received).toHaveLength(1);

		const over = await webhook.post(nested(9), { query: TOKEN });
		expect(over.status).toBe(400);
		expect(over.json?.error).toMatch(/more than 10 levels deep/);
		expect(webhook.runs).toHaveLength(1);
	});

	it('in a list, the deep event is named and none of the others starts anything', async () => {
		const body = `[${JSON.stringify(event)},${nested(50)}]`;
		const answer = await webhook.post(body, { query: TOKEN });
		expect(answer.status).toBe(400);
		expect(answer.json?.error).toMatch(/^Event 2 of 2 nests objects and lists more than 10/);
		expect(webhook.runs).toHaveLength(0);
	});
});

describe('Braze Trigger: the metadata fields Braze sends as text', () => {
	const FIELDS = [
		'external_send_id',
		'campaign_api_id',
		'received_at',
		'enqueued_at',
		'executed_at',
		'sent_at',
		'processed_at',
		'delivered_at',
		'bounced_at',
		'aborted_at',
		'reason',
	];
	const VALUES: Array<[string, unknown, string]> = [
		['an object such as {"$ne": 1}', { $ne: 1 }, 'an object'],
		['a list', ['order-1'], 'a list'],
		['a number', 1042, '1042'],
		['a boolean', true, 'true'],
	];

	it.each(
		FIELDS.flatMap((field) => VALUES.map(([name, value, shown]) => [field, name, value, shown])),
	)(
		'metadata.%s that is %s: 400 naming the field, nothing starts',
		async (field, _name, value, shown) => {
			const body = { ...event, metadata: { ...metadata, [field as string]: value } };
			const answer = await webhook.post(body, { query: TOKEN });
			expect(answer.status).toBe(400);
			expect(answer.json?.error).toBe(
				`The event has a "metadata.${String(field)}" that is ${String(shown)}; Braze sends text there. Expected a Braze transactional postback: a JSON object {"dispatch_id", "status", "metadata"} or a list of them.`,
			);
			expect(webhook.runs).toHaveLength(0);
		},
	);

	it('an unselected status is checked too: a bad field refuses the body, it is not acknowledged', async () => {
		const body = { ...postbackEvent('sent'), metadata: { external_send_id: { $ne: 1 } } };
		const answer = await webhook.post(body, { query: TOKEN });
		expect(answer.status).toBe(400);
		expect(webhook.runs).toHaveLength(0);
	});

	it('only the documented fields are held to text: null is none, other fields may be anything', async () => {
		const lenient = {
			...event,
			metadata: { ...metadata, external_send_id: null, attempt: 2, flags: { retried: true } },
		};
		expect((await webhook.post(lenient, { query: TOKEN })).status).toBe(200);
		expect(webhook.runs[0].emitted[0].external_send_id).toBeNull();
		expect(webhook.runs[0].emitted[0].metadata).toEqual(lenient.metadata);

		const strict = { ...lenient, metadata: { ...lenient.metadata, external_send_id: { $ne: 1 } } };
		expect((await webhook.post(strict, { query: TOKEN })).status).toBe(400);
		expect(webhook.runs).toHaveLength(1);
	});
});

describe('Braze Trigger: how many events one request may hold', () => {
	const events = (count: number) =>
		Array.from({ length: count }, (_, index) =>
			postbackEvent('delivered', { dispatchId: `d-${index}`, externalSendId: `order-${index}` }),
		);

	it('20,000 events: 400 naming the count and the limit, nothing starts', async () => {
		const answer = await webhook.post(events(20_000), { query: TOKEN });
		expect(answer.status).toBe(400);
		expect(answer.json?.error).toBe(
			'The body holds 20000 events; the Braze Trigger takes at most 100 per request (a Braze postback is one event). Send the events in lists of at most 100.',
		);
		expect(webhook.runs).toHaveLength(0);
	});

	it('100 events (the limit): one execution of 100 items, in order; 101 are refused', async () => {
		const atLimit = await webhook.post(events(100), { query: TOKEN });
		expect(atLimit.status).toBe(200);
		expect(atLimit.json).toEqual({ received: 100, emitted: 100 });
		expect(webhook.runs).toHaveLength(1);
		expect(webhook.runs[0].emitted.map((item) => item.dispatch_id)).toEqual(
			Array.from({ length: 100 }, (_, index) => `d-${index}`),
		);

		const over = await webhook.post(events(101), { query: TOKEN });
		expect(over.status).toBe(400);
		expect(over.json?.error).toMatch(
			/^The body holds 101 events; the Braze Trigger takes at most 100/,
		);
		expect(webhook.runs).toHaveLength(1);
	});
});
