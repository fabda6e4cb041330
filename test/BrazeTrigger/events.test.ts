// The Braze Trigger's webhook() in n8n-core's WebhookContext, behind a real HTTP server, and its
// items run on by WorkflowExecute to a next node (test/helpers/triggerEngine.ts).
import { postbackEvent } from '../helpers/postbackEvents';
import { API_KEY, useStandIn } from '../helpers/standIn';
import { SECRET, post, useTriggerWebhook } from '../helpers/triggerEngine';

const TOKEN = `?token=${SECRET}`;
const { setup, webhook } = useTriggerWebhook();

describe('Braze Trigger: one item per event', () => {
	it('a bounced event: ids, status, when, reason and the timestamps at the top level, the metadata as it came', async () => {
		const event = postbackEvent('bounced');
		const answer = await webhook.post(event, { query: TOKEN });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ received: 1, emitted: 1 });
		expect(webhook.runs).toHaveLength(1);
		expect(webhook.runs[0].emitted).toEqual([
			{
				dispatch_id: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
				status: 'bounced',
				external_send_id: 'order-1042',
				campaign_api_id: 'tx-campaign-1',
				event_at: '2026-11-30T10:00:00.000+00:00',
				reason: '550 5.1.1 The email account that you tried to reach does not exist',
				bounced_at: '2026-11-30T10:00:00.000+00:00',
				metadata: event.metadata,
			},
		]);
		expect(webhook.runs[0].run.status).toBe('success');
	});

	it('the next node reads external_send_id straight from $json', async () => {
		await webhook.post(postbackEvent('delivered'), { query: TOKEN });
		expect(webhook.runs[0].received).toEqual([{ received: 'delivered:order-1042' }]);
	});

	it('a sent event carries its four timestamps; without external_send_id the field is null', async () => {
		await webhook.post(postbackEvent('sent', { externalSendId: null }), { query: TOKEN });
		const [item] = webhook.runs[0].emitted;
		expect(item).toMatchObject({ status: 'sent', external_send_id: null, reason: null });
		expect(Object.keys(item).filter((key) => key.endsWith('_at'))).toEqual([
			'event_at',
			'received_at',
			'enqueued_at',
			'executed_at',
			'sent_at',
		]);
		expect(webhook.runs[0].received).toEqual([{ received: 'sent:' }]);
	});

	it('a list of events: one execution, one item per event in the order received, duplicates kept', async () => {
		const events = [
			postbackEvent('delivered', { at: '2026-11-30T10:00:05.000+00:00' }),
			postbackEvent('processed', { at: '2026-11-30T10:00:03.000+00:00' }),
			postbackEvent('delivered', { at: '2026-11-30T10:00:05.000+00:00' }),
		];
		const answer = await webhook.post(events, { query: TOKEN });
		expect(answer.json).toEqual({ received: 3, emitted: 3 });
		expect(webhook.runs).toHaveLength(1);
		expect(webhook.runs[0].emitted.map((item) => [item.status, item.event_at])).toEqual([
			['delivered', '2026-11-30T10:00:05.000+00:00'],
			['processed', '2026-11-30T10:00:03.000+00:00'],
			['delivered', '2026-11-30T10:00:05.000+00:00'],
		]);
		expect(webhook.runs[0].received).toHaveLength(3);
	});

	it('the same event posted twice starts two executions: nothing is dropped silently', async () => {
		const event = postbackEvent('delivered');
		await webhook.post(event, { query: TOKEN });
		await webhook.post(event, { query: TOKEN });
		expect(webhook.runs.map((run) => run.emitted)).toEqual([
			[expect.objectContaining({ dispatch_id: event.dispatch_id, status: 'delivered' })],
			[expect.objectContaining({ dispatch_id: event.dispatch_id, status: 'delivered' })],
		]);
	});
});

describe('Braze Trigger: the event the stand-in says a transactional send posts back', () => {
	const standIn = useStandIn();

	it('a send with external_send_id at the stand-in; its postback event reaches the next node', async () => {
		const send = await post(
			`${standIn.url}/transactional/v1/campaigns/tx-welcome/send`,
			{ external_send_id: 'order-7', recipient: { external_user_id: 'user-7' } },
			{ headers: { Authorization: `Bearer ${API_KEY}` } },
		);
		expect(send.status).toBe(201);
		const events = (
			standIn as unknown as {
				transactionalEvents: Array<{ status: string; metadata: { sent_at?: string } }>;
			}
		).transactionalEvents;
		expect(events.map((event) => event.status)).toEqual(['sent', 'delivered']);
		const sentAt = events[0].metadata.sent_at;
		const answer = await webhook.post(events[0], { query: TOKEN });
		expect(answer.status).toBe(200);
		expect(webhook.runs[0].emitted).toEqual([
			{
				dispatch_id: send.json?.dispatch_id,
				status: 'sent',
				external_send_id: 'order-7',
				campaign_api_id: 'tx-welcome',
				event_at: sentAt,
				reason: null,
				sent_at: sentAt,
				metadata: { external_send_id: 'order-7', campaign_api_id: 'tx-welcome', sent_at: sentAt },
			},
		]);
		expect(webhook.runs[0].received).toEqual([{ received: 'sent:order-7' }]);
	});
});

describe('Braze Trigger: Events filter', () => {
	it('selects statuses: the others are acknowledged with a 200 and start nothing', async () => {
		setup.parameters = { events: ['bounced', 'aborted'] };
		const delivered = await webhook.post(postbackEvent('delivered'), { query: TOKEN });
		expect(delivered.status).toBe(200);
		expect(delivered.json).toEqual({ received: 1, emitted: 0 });
		expect(webhook.runs).toHaveLength(0);

		const mixed = await webhook.post(
			['sent', 'processed', 'delivered', 'aborted', 'bounced'].map((s) => postbackEvent(s)),
			{ query: TOKEN },
		);
		expect(mixed.json).toEqual({ received: 5, emitted: 2 });
		expect(webhook.runs).toHaveLength(1);
		expect(webhook.runs[0].emitted.map((item) => item.status)).toEqual(['aborted', 'bounced']);
	});

	it('all five statuses by default', async () => {
		const answer = await webhook.post(
			['sent', 'processed', 'delivered', 'aborted', 'bounced'].map((s) => postbackEvent(s)),
			{ query: TOKEN },
		);
		expect(answer.json).toEqual({ received: 5, emitted: 5 });
	});

	it('a status Braze does not document is acknowledged and starts nothing', async () => {
		const answer = await webhook.post(postbackEvent('opened'), { query: TOKEN });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ received: 1, emitted: 0 });
		expect(webhook.runs).toHaveLength(0);
	});
});
