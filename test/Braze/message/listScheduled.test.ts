import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';

const standIn = useStandIn();

const DAY = 86400000;
/** The date `days` after today (UTC, on the stand-in's clock), as YYYY-MM-DD. */
const dayAfter = (days: number) =>
	new Date(Math.floor(virtualTime.now() / DAY) * DAY + days * DAY).toISOString().slice(0, 10);

async function list(
	parameters: IDataObject,
	extra: Partial<Omit<RunOptions, 'parameters' | 'credentials'>> = {},
) {
	return await runBrazeNode({
		parameters: { resource: 'message', operation: 'listScheduled', ...parameters } as never,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

describe('Message › List Scheduled', () => {
	it('GETs end_time as midnight UTC of the date, no body; one output item per broadcast', async () => {
		const result = await list({ endTime: `${dayAfter(5)}T15:45:00` });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		const [request] = standIn.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/messages/scheduled_broadcasts');
		expect(request.query).toEqual({ end_time: `${dayAfter(5)}T00:00:00Z` });
		expect(request.rawBody).toBe('');
		const listed = request.response.scheduled_broadcasts as IDataObject[];
		expect(listed.map((broadcast) => broadcast.id)).toEqual([
			'cmp-winback-0003',
			'cnv-onboard-0001',
			'cmp-digest-001',
		]);
		expect(result.output.map((item) => item.json)).toEqual(listed);
		expect(result.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
		expect(result.output[0].json).toEqual({
			name: 'Win-back Offer',
			id: 'cmp-winback-0003',
			type: 'Campaign',
			tags: [],
			next_send_time: `${dayAfter(1)}T09:00:00`,
			schedule_type: 'local_time_zones',
		});
	});

	it('only the date counts: a time and an offset do not move end_time', async () => {
		await list({ endTime: `${dayAfter(2)}T23:30:00-04:00` });
		expect(standIn.requests[0].query).toEqual({
			end_time: `${dayAfter(2)}T00:00:00Z`,
		});
	});

	it('each input item gets its own request and its own broadcasts, paired to it', async () => {
		const result = await list(
			{ endTime: '={{ $json.until }}' },
			{
				items: [{ until: dayAfter(2) }, { until: dayAfter(40) }],
			},
		);
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(2);
		expect(result.output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['cmp-winback-0003', { item: 0 }],
			['cmp-winback-0003', { item: 1 }],
			['cnv-onboard-0001', { item: 1 }],
			['cmp-digest-001', { item: 1 }],
			['cnv-renewal-0003', { item: 1 }],
		]);
	});

	it('nothing scheduled: no output item, or one empty item with Always Output Data', async () => {
		const none = await list({ endTime: dayAfter(1) });
		expect(none.error).toBeUndefined();
		expect(standIn.requests[0].response).toEqual({ scheduled_broadcasts: [] });
		expect(none.output).toEqual([]);
		const always = await list({ endTime: dayAfter(1) }, { settings: { alwaysOutputData: true } });
		expect(always.output.map((item) => item.json)).toEqual([{}]);
	});

	it('Dry Run: the GET and its query string, nothing sent', async () => {
		const result = await list({ endTime: dayAfter(3), options: { dryRun: true } });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(0);
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			dry_run: true,
			method: 'GET',
			url: '/messages/scheduled_broadcasts',
			request_count: 1,
			requests: [{ query: { end_time: `${dayAfter(3)}T00:00:00Z` } }],
		});
	});

	describe('refuses before calling Braze', () => {
		it.each([
			['no date (expression)', '={{ "" }}', 'End Time is required'],
			[
				'text that is not a date',
				'next friday',
				'End Time must be a date, but it is "next friday"',
			],
			['an impossible date', '2031-02-30', 'End Time must be a date, but it is "2031-02-30"'],
			[
				'a date in the past',
				'2020-01-01T00:00:00Z',
				'End Time (2020-01-01) is not after today: Braze reads it as 2020-01-01T00:00:00Z, which has passed',
			],
		])('%s', async (_case, endTime, message) => {
			const result = await list({ endTime });
			expect(result.error?.message).toBe(message);
			expect(standIn.requests).toHaveLength(0);
		});

		it('today: its midnight UTC has passed, and the error says to pick the day after', async () => {
			const today = dayAfter(0);
			const result = await list({ endTime: `${today}T23:00:00Z` });
			expect(result.error?.message).toBe(
				`End Time (${today}) is not after today: Braze reads it as ${today}T00:00:00Z, which has passed`,
			);
			expect(String(result.error?.description)).toMatch(/pick the day after it/);
			expect(standIn.requests).toHaveLength(0);
		});

		it('End Time is required by the editor', async () => {
			await expect(list({ endTime: '' })).rejects.toThrow('Parameter "End Time" is required');
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('a 429: waits for the reset and asks again', async () => {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 1 });
		const result = await list({ endTime: dayAfter(3) });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([429, 200]);
		expect(virtualTime.waits).toHaveLength(1);
		expect(result.output.map((item) => item.json.id)).toEqual([
			'cmp-winback-0003',
			'cnv-onboard-0001',
		]);
	});

	it('a server error: asked again whatever Retry Server Errors says (a read changes nothing)', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await list({ endTime: dayAfter(3) });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([503, 200]);
		expect(result.output).toHaveLength(2);
		expect(result.output[0].json).not.toHaveProperty('warning');
		expect(result.output[0].json).not.toHaveProperty('resent_after_unclear_answer');
	});

	it('server errors on every try say that nothing was read and that running again is safe', async () => {
		standIn.queueFaults(...[1, 2, 3].map(() => ({ type: 'serverError', status: 503 })));
		const result = await list({ endTime: dayAfter(3) });
		expect(result.error?.message).toBe(
			'Braze answered with a server error (503): nothing was read',
		);
		expect(String(result.error?.description)).toMatch(
			/This request changes nothing in Braze: run it again\./,
		);
		expect(String(result.error?.description)).not.toMatch(/messaged twice/);
		expect(standIn.requests).toHaveLength(3);
	});

	it('Retry On Fail asks again after server errors on every try (a GET changes nothing in Braze)', async () => {
		standIn.queueFaults(...[1, 2, 3].map(() => ({ type: 'serverError', status: 503 })));
		const result = await list(
			{ endTime: dayAfter(3) },
			{ settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 } },
		);
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([503, 503, 503, 200]);
		expect(result.output).toHaveLength(2);
		expect(result.output[0].json).not.toHaveProperty('warning');
	});

	it('403: names the messages.schedule_broadcasts permission', async () => {
		await expectPermissionNamed('messages.schedule_broadcasts', {
			resource: 'message',
			operation: 'listScheduled',
			endTime: dayAfter(3),
		});
	});
});
