import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function getAnalytics(parameters: IDataObject, items?: IDataObject[]) {
	return await runBrazeNode({
		parameters: { resource: 'customEvent', operation: 'getAnalytics', ...parameters } as never,
		typeVersion: 2,
		items,
		credentials: standInCredentials(standIn),
	});
}

describe('Custom Event › Get Analytics (GET /events/data_series)', () => {
	it('by the day: one output item per day with its date, count and the event asked for', async () => {
		const result = await getAnalytics({
			event: 'completed_order',
			length: 3,
			endingAt: '2026-03-10T08:00:00-05:00',
		});
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([
			[
				'GET',
				'/events/data_series',
				{ event: 'completed_order', length: '3', unit: 'day', ending_at: '2026-03-10T13:00:00Z' },
			],
		]);
		expect(result.output.map((item) => Object.keys(item.json))).toEqual([
			['event', 'time', 'count'],
			['event', 'time', 'count'],
			['event', 'time', 'count'],
		]);
		expect(result.output.map((item) => item.json.time)).toEqual([
			'2026-03-08',
			'2026-03-09',
			'2026-03-10',
		]);
		expect(result.output.every((item) => item.json.event === 'completed_order')).toBe(true);
	});

	it('by the hour, for one app and one analytics segment (picked from the list)', async () => {
		const result = await getAnalytics({
			event: 'added_to_cart',
			length: 2,
			unit: 'hour',
			endingAt: '2026-03-10T10:30:00Z',
			filters: {
				appId: 'app-web-0001',
				segmentId: { __rl: true, mode: 'list', value: 'seg-vip-0002' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].query).toEqual({
			event: 'added_to_cart',
			length: '2',
			unit: 'hour',
			app_id: 'app-web-0001',
			segment_id: 'seg-vip-0002',
			ending_at: '2026-03-10T10:30:00Z',
		});
		expect(result.output.map((item) => item.json.time)).toEqual([
			'2026-03-10T09:00:00Z',
			'2026-03-10T10:00:00Z',
		]);
		expect(result.output[0].json).toMatchObject({
			app_id: 'app-web-0001',
			segment_id: 'seg-vip-0002',
		});
	});

	it("a segment without analytics tracking: Braze's refusal", async () => {
		const result = await getAnalytics({
			event: 'added_to_cart',
			length: 2,
			filters: { segmentId: 'seg-lapsed-0003' },
		});
		expect(result.error?.message).toMatch(
			/^Braze rejected the request \(400\): segment_id must name a segment with analytics tracking/,
		);
	});

	it('one request per input item, each for its own event', async () => {
		const result = await getAnalytics({ event: '={{ $json.event }}', length: 1 }, [
			{ event: 'started_trial' },
			{ event: 'viewed_product' },
		]);
		expect(standIn.requests.map((request) => request.query.event)).toEqual([
			'started_trial',
			'viewed_product',
		]);
		expect(result.output.map((item) => [item.json.event, item.pairedItem])).toEqual([
			['started_trial', { item: 0 }],
			['viewed_product', { item: 1 }],
		]);
	});

	describe('refused before any request', () => {
		it.each([
			[{ event: '={{ "" }}' }, 'Event Name is required'],
			[{ length: 150 }, 'Length is 150; Braze accepts 1 to 100'],
			[{ unit: '={{ "week" }}' }, 'Unit cannot be "week"'],
			[{ endingAt: '2026-02-30' }, 'Ending At must be a date and time, but it is "2026-02-30"'],
			[
				{ filters: { segmentId: 'seg vip' } },
				'Filters › Segment "seg vip" is not a Braze API identifier',
			],
		])('%j', async (parameters, message) => {
			const result = await getAnalytics({ event: 'added_to_cart', length: 7, ...parameters });
			expect(result.error?.message).toBe(message);
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await getAnalytics({ event: 'added_to_cart', length: 2 });
		expect(standIn.requests.map((request) => request.status)).toEqual([503, 200]);
		expect(result.output).toHaveLength(2);
	});

	it('403: names the events.data_series permission', async () => {
		await expectPermissionNamed('events.data_series', {
			resource: 'customEvent',
			operation: 'getAnalytics',
			event: 'added_to_cart',
			length: 7,
		});
	});
});
