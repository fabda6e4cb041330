import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';

const standIn = useStandIn();
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

async function analytics(parameters: Record<string, unknown>, typeVersion = 1) {
	return await runBrazeNode({
		parameters: {
			resource: 'segment',
			operation: 'getAnalytics',
			segmentId: rl('seg-vip-0002'),
			...parameters,
		} as never,
		credentials: standInCredentials(standIn),
		typeVersion,
	});
}

describe('Segment › Get Analytics', () => {
	it('GET /segments/data_series with length and ending_at in UTC; one item per day, oldest first', async () => {
		const result = await analytics({ length: 3, endingAt: '2026-03-10T18:30:00+02:00' });
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([
			[
				'GET',
				'/segments/data_series',
				{ segment_id: 'seg-vip-0002', length: '3', ending_at: '2026-03-10T16:30:00Z' },
			],
		]);
		const data = standIn.requests[0].response.data as Array<{ time: string; size: number }>;
		expect(result.output.map((item) => item.json)).toEqual(
			data.map((point) => ({ segment_id: 'seg-vip-0002', time: point.time, size: point.size })),
		);
		expect(result.output.map((item) => item.json.time)).toEqual([
			'2026-03-08',
			'2026-03-09',
			'2026-03-10',
		]);
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('empty Ending At: the time of the run, to the second, in UTC (the default Length is 7)', async () => {
		const result = await analytics({}, 2);
		expect(result.error).toBeUndefined();
		const now = new Date(Math.floor(virtualTime.now() / 1000) * 1000)
			.toISOString()
			.replace('.000Z', 'Z');
		expect(standIn.requests[0].query).toEqual({
			segment_id: 'seg-vip-0002',
			length: '7',
			ending_at: now,
		});
		expect(result.output).toHaveLength(7);
	});

	it('a segment without analytics tracking has no history: no item (Always Output Data gives one empty)', async () => {
		const result = await analytics({ segmentId: rl('seg-lapsed-0003'), length: 5 });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].response).toEqual({ message: 'success', data: [] });
		expect(result.output).toEqual([]);
	});

	describe('refuses before calling Braze', () => {
		it.each([
			['Length 0', { length: 0 }, 'Length is 0; Braze accepts 1 to 100'],
			['Length 101', { length: 101 }, 'Length is 101; Braze accepts 1 to 100'],
			['Length 2.5', { length: 2.5 }, 'Length must be a whole number, but it is 2.5'],
			[
				'a bad date',
				{ endingAt: 'last tuesday' },
				'Ending At must be a date and time, but it is "last tuesday"',
			],
			[
				'an impossible date',
				{ endingAt: '2026-02-30' },
				'Ending At must be a date and time, but it is "2026-02-30"',
			],
		])('%s', async (_case, parameters, message) => {
			const result = await analytics(parameters);
			expect(result.error?.message).toBe(message);
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('a server error is asked again, once answered nothing is resent', async () => {
		standIn.queueFaults({ type: 'serverError', status: 500 });
		const result = await analytics({ length: 2, endingAt: '2026-03-10' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([500, 200]);
		expect(result.output).toHaveLength(2);
	});

	it('403: names the segments.data_series permission', async () => {
		await expectPermissionNamed('segments.data_series', {
			resource: 'segment',
			operation: 'getAnalytics',
			segmentId: rl('seg-vip-0002'),
			length: 2,
		});
	});
});
