import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';

const standIn = useStandIn();
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

async function analytics(parameters: Record<string, unknown>, extra: IDataObject = {}) {
	return await runBrazeNode({
		parameters: {
			resource: 'campaign',
			operation: 'getAnalytics',
			campaignId: rl('cmp-welcome-0001'),
			length: 2,
			endingAt: '2026-03-10T23:59:59Z',
			...parameters,
		} as never,
		credentials: standInCredentials(standIn),
		typeVersion: 2,
		...extra,
	});
}

type Point = IDataObject & { messages: Record<string, IDataObject[]> };

describe('Campaign › Get Analytics', () => {
	it('GET /campaigns/data_series; one item per day; Simplified keeps the day and the totals', async () => {
		const result = await analytics({});
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([
			[
				'GET',
				'/campaigns/data_series',
				{ campaign_id: 'cmp-welcome-0001', length: '2', ending_at: '2026-03-10T23:59:59Z' },
			],
		]);
		const data = standIn.requests[0].response.data as Point[];
		expect(result.output.map((item) => item.json.time)).toEqual(['2026-03-09', '2026-03-10']);
		const [first] = result.output.map((item) => item.json);
		const email = data[0].messages.email[0];
		const push = data[0].messages.ios_push[0];
		expect(first).toEqual({
			campaign_id: 'cmp-welcome-0001',
			time: '2026-03-09',
			unique_recipients: data[0].unique_recipients,
			conversions: data[0].conversions,
			conversions_by_send_time: data[0].conversions_by_send_time,
			revenue: data[0].revenue,
			message_totals: expect.objectContaining({
				sent: (email.sent as number) + (push.sent as number),
				bounces: (email.bounces as number) + (push.bounces as number),
				opens: email.opens,
				direct_opens: push.direct_opens,
			}),
		});
		expect(first.message_totals).not.toHaveProperty('variation_api_id');
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('Raw: each day as Braze gives it, with campaign_id and message_totals', async () => {
		const result = await analytics({ output: 'raw' });
		const data = standIn.requests[0].response.data as Point[];
		expect(result.output.map((item) => item.json)).toEqual(
			data.map((point) => ({
				campaign_id: 'cmp-welcome-0001',
				...point,
				message_totals: expect.any(Object),
			})),
		);
	});

	it('one request per input item, each day paired to its item', async () => {
		const result = await analytics(
			{ campaignId: rl('={{ $json.id }}', 'id'), length: 1 },
			{ items: [{ id: 'cmp-order-0002' }, { id: 'cmp-reset-0004' }] },
		);
		expect(standIn.requests.map((request) => request.query.campaign_id)).toEqual([
			'cmp-order-0002',
			'cmp-reset-0004',
		]);
		expect(result.output.map((item) => [item.json.campaign_id, item.pairedItem])).toEqual([
			['cmp-order-0002', { item: 0 }],
			['cmp-reset-0004', { item: 1 }],
		]);
	});

	describe('refuses before calling Braze', () => {
		it.each([
			['Length 0', { length: 0 }, 'Length is 0; Braze accepts 1 to 100'],
			['Length 500', { length: 500 }, 'Length is 500; Braze accepts 1 to 100'],
			[
				'a bad Ending At',
				{ endingAt: 'tomorrow' },
				'Ending At must be a date and time, but it is "tomorrow"',
			],
			[
				'an offset out of range',
				{ endingAt: '2026-03-10T10:00:00+15:00' },
				'Ending At must be a date and time, but it is "2026-03-10T10:00:00+15:00"',
			],
		])('%s', async (_case, parameters, message) => {
			const result = await analytics(parameters);
			expect(result.error?.message).toBe(message);
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it("its own limit (50,000 a minute): a 429 there is waited out on that endpoint's own clock", async () => {
		standIn.setOwnRateLimit('/campaigns/data_series', { limit: 1, windowMs: 30_000 });
		const result = await analytics(
			{ campaignId: rl('={{ $json.id }}', 'id'), length: 1 },
			{ items: [{ id: 'cmp-order-0002' }, { id: 'cmp-reset-0004' }] },
		);
		expect(result.error).toBeUndefined();
		const statuses = standIn.requests.map((request) => request.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(2);
		expect(standIn.requests.every((request) => request.path === '/campaigns/data_series')).toBe(
			true,
		);
		expect(virtualTime.waits.length).toBeGreaterThanOrEqual(1);
		// Its own 30-second window (the reset is given in whole seconds, plus the node's margin), not the hour.
		expect(Math.max(...virtualTime.waits)).toBeLessThanOrEqual(32_000);
		expect(result.output.map((item) => item.json.campaign_id)).toEqual([
			'cmp-order-0002',
			'cmp-reset-0004',
		]);
	});

	it('its requests do not count in the hourly pool the other endpoints share', async () => {
		standIn.setRateLimit({ limit: 1, windowMs: 3_600_000 });
		await analytics(
			{ campaignId: rl('={{ $json.id }}', 'id'), length: 1 },
			{ items: [{ id: 'cmp-order-0002' }, { id: 'cmp-reset-0004' }] },
		);
		const list = await runBrazeNode({
			parameters: { resource: 'campaign', operation: 'getMany', limit: 1 } as never,
			credentials: standInCredentials(standIn),
		});
		expect(list.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.path, request.status])).toEqual([
			['/campaigns/data_series', 200],
			['/campaigns/data_series', 200],
			['/campaigns/list', 200],
		]);
		expect(virtualTime.waits).toEqual([]);
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 500 });
		const result = await analytics({});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([500, 200]);
		expect(result.output).toHaveLength(2);
	});

	it('403: names the campaigns.data_series permission', async () => {
		await expectPermissionNamed('campaigns.data_series', {
			resource: 'campaign',
			operation: 'getAnalytics',
			campaignId: rl('cmp-welcome-0001'),
			length: 1,
		});
	});
});
