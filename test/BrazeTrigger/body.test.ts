// What the Braze Trigger accepts as a postback body, and what it refuses (4xx, nothing starts).
import { postbackEvent } from '../helpers/postbackEvents';
import { SECRET, useTriggerWebhook } from '../helpers/triggerEngine';

const TOKEN = `?token=${SECRET}`;
const { webhook } = useTriggerWebhook();
const event = postbackEvent('processed');

describe('Braze Trigger: bodies it refuses', () => {
	it.each([
		['text that is not JSON', 'dispatch_id=1&status=sent', 'text/plain', /The body is not JSON/],
		['an empty body', '', 'application/json', /The body is empty/],
		['an empty object', {}, 'application/json', /The event has no "dispatch_id"/],
		['an empty list', [], 'application/json', /empty list/],
		['a JSON number', '42', 'text/plain', /The event is 42, not an object/],
		[
			'a form post with the right fields',
			'dispatch_id=1&status=sent',
			'application/x-www-form-urlencoded',
			/The body is not JSON/,
		],
		[
			'XML',
			'<event><dispatch_id>1</dispatch_id></event>',
			'application/xml',
			/The body is not JSON/,
		],
		[
			'an event without status',
			{ dispatch_id: 'd-1', metadata: {} },
			'application/json',
			/The event has no "status" \(it is empty; expected non-empty text\)/,
		],
		[
			'an event with a numeric dispatch_id',
			{ dispatch_id: 7, status: 'sent' },
			'application/json',
			/has no "dispatch_id" \(it is 7/,
		],
		['a blank status', { dispatch_id: 'd-1', status: '  ' }, 'application/json', /has no "status"/],
		[
			'metadata that is text',
			{ dispatch_id: 'd-1', status: 'sent', metadata: 'x' },
			'application/json',
			/"metadata" that is "x", not an object/,
		],
		[
			"another service's webhook",
			{ type: 'email.delivered', data: {} },
			'application/json',
			/has no "dispatch_id"/,
		],
	])(
		'%s: 400 with the reason and what is expected, nothing starts',
		async (_name, body, contentType, message) => {
			const answer = await webhook.post(body, { query: TOKEN, contentType });
			expect(answer.status).toBe(400);
			expect(String(answer.json?.error)).toMatch(message);
			expect(String(answer.json?.error)).toMatch(/Expected a Braze transactional postback/);
			expect(webhook.runs).toHaveLength(0);
		},
	);

	it('a list with one bad event: 400 naming it, and none of the good ones starts anything', async () => {
		const answer = await webhook.post([event, event, { dispatch_id: 'd-3' }], { query: TOKEN });
		expect(answer.status).toBe(400);
		expect(answer.json?.error).toMatch(/^Event 3 of 3 has no "status"/);
		expect(webhook.runs).toHaveLength(0);
	});

	it('JSON that does not parse under application/json: n8n answers 422 before the node runs', async () => {
		const answer = await webhook.post('{"dispatch_id": ', { query: TOKEN });
		expect(answer.status).toBe(422);
		expect(webhook.runs).toHaveLength(0);
	});
});

describe('Braze Trigger: bodies it accepts whatever the content type says', () => {
	it.each([
		['application/json', 'application/json'],
		['text/plain (JSON text)', 'text/plain'],
		['no content type', null],
		['application/octet-stream', 'application/octet-stream'],
		['application/json; charset=utf-8', 'application/json; charset=utf-8'],
	])('%s', async (_name, contentType) => {
		const answer = await webhook.post(JSON.stringify(event), { query: TOKEN, contentType });
		expect(answer.status).toBe(200);
		expect(webhook.runs).toHaveLength(1);
		expect(webhook.runs[0].emitted).toEqual([
			expect.objectContaining({ dispatch_id: event.dispatch_id, status: 'processed' }),
		]);
	});

	it('an event without metadata: the lifted fields are null and metadata is {}', async () => {
		await webhook.post({ dispatch_id: 'd-9', status: 'sent' }, { query: TOKEN });
		expect(webhook.runs[0].emitted).toEqual([
			{
				dispatch_id: 'd-9',
				status: 'sent',
				external_send_id: null,
				campaign_api_id: null,
				event_at: null,
				reason: null,
				metadata: {},
			},
		]);
	});

	it('fields Braze may add later stay in metadata', async () => {
		const withExtra = { ...event, metadata: { ...(event.metadata as object), ip_pool: 'tx' } };
		await webhook.post(withExtra, { query: TOKEN });
		expect(webhook.runs[0].emitted[0].metadata).toEqual(withExtra.metadata);
	});
});
