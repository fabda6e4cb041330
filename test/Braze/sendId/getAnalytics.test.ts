import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';

const standIn = useStandIn();
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const DAY = 86400000;
/** The date `days` before today (UTC, on the stand-in's clock), as YYYY-MM-DD. */
const daysAgo = (days: number) =>
	new Date(Math.floor(virtualTime.now() / DAY) * DAY - days * DAY).toISOString().slice(0, 10);

async function analytics(parameters: Record<string, unknown>, extra: IDataObject = {}) {
	return await runBrazeNode({
		parameters: {
			resource: 'sendId',
			operation: 'getAnalytics',
			campaignId: rl('cmp-order-0002'),
			sendId: 'spring-sale-2026',
			...parameters,
		} as never,
		credentials: standInCredentials(standIn),
		typeVersion: 2,
		...extra,
	});
}

describe('Send ID › Get Analytics', () => {
	it("GET /sends/data_series; one item per day with campaign_id, send_id and the day's totals", async () => {
		const result = await analytics({ length: 3 });
		expect(result.error).toBeUndefined();
		const now = new Date(Math.floor(virtualTime.now() / 1000) * 1000)
			.toISOString()
			.replace('.000Z', 'Z');
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([
			[
				'GET',
				'/sends/data_series',
				{ campaign_id: 'cmp-order-0002', send_id: 'spring-sale-2026', length: '3', ending_at: now },
			],
		]);
		const data = standIn.requests[0].response.data as Array<
			IDataObject & { messages: { email: IDataObject[] } }
		>;
		expect(result.output.map((item) => item.json)).toEqual(
			data.map((point) => ({
				campaign_id: 'cmp-order-0002',
				send_id: 'spring-sale-2026',
				time: point.time,
				unique_recipients: point.unique_recipients,
				conversions: point.conversions,
				revenue: point.revenue,
				message_totals: expect.objectContaining({
					sent: point.messages.email[0].sent,
					delivered: point.messages.email[0].delivered,
				}),
			})),
		);
		expect(result.output.map((item) => item.json.time)).toEqual([
			daysAgo(2),
			daysAgo(1),
			daysAgo(0),
		]);
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('Braze keeps a send 14 days: asking for 30 gives the days it still has', async () => {
		const result = await analytics({ length: 30, output: 'raw' });
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(15);
		expect(result.output[0].json.time).toBe(daysAgo(14));
		expect(result.output[0].json).toHaveProperty('messages');
	});

	it('a send older than 14 days: no item', async () => {
		const ended = new Date(virtualTime.now() - 20 * DAY).toISOString();
		const result = await analytics({ length: 3, endingAt: ended });
		expect(result.error).toBeUndefined();
		expect(result.output).toEqual([]);
	});

	describe('refuses before calling Braze', () => {
		it.each([
			['no Send ID (expression)', { sendId: '={{ "" }}' }, 'Send ID is required'],
			[
				'a Send ID that is not ASCII',
				{ sendId: 'soldes-été' },
				'Send ID must contain only ASCII characters',
			],
			['Length 101', { length: 101 }, 'Length is 101; Braze accepts 1 to 100'],
			[
				'a bad Ending At',
				{ endingAt: 'yesterday' },
				'Ending At must be a date and time, but it is "yesterday"',
			],
		])('%s', async (_case, parameters, message) => {
			const result = await analytics(parameters);
			expect(String(result.error?.message)).toContain(message);
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it("a campaign that is not an API campaign: Braze's 400, asked once", async () => {
		const result = await analytics({ campaignId: rl('cmp-winback-0003', 'id') });
		expect(String(result.error?.message)).toMatch(/Bad Request|API campaigns/);
		expect(standIn.requests).toHaveLength(1);
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await analytics({ length: 1 });
		expect(standIn.requests.map((request) => request.status)).toEqual([503, 200]);
		expect(result.output).toHaveLength(1);
	});

	it('403: names the sends.data_series permission', async () => {
		await expectPermissionNamed('sends.data_series', {
			resource: 'sendId',
			operation: 'getAnalytics',
			campaignId: rl('cmp-order-0002'),
			sendId: 'spring-sale-2026',
		});
	});
});
