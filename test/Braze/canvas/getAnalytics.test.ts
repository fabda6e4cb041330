import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';

const standIn = useStandIn();
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

async function run(operation: string, parameters: Record<string, unknown>, typeVersion = 2) {
	return await runBrazeNode({
		parameters: {
			resource: 'canvas',
			operation,
			canvasId: rl('cnv-cart-0002'),
			...parameters,
		} as never,
		credentials: standInCredentials(standIn),
		typeVersion,
	});
}

type Stats = IDataObject & { stats: IDataObject[] };

describe('Canvas Journey › Get Analytics', () => {
	it('GET /canvas/data_series with ending_at and length; one item per day with canvas_id and name', async () => {
		const result = await run('getAnalytics', { length: 3, endingAt: '2026-03-10T12:00:00-05:00' });
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([
			[
				'GET',
				'/canvas/data_series',
				{ canvas_id: 'cnv-cart-0002', length: '3', ending_at: '2026-03-10T17:00:00Z' },
			],
		]);
		const data = standIn.requests[0].response.data as Stats;
		expect(result.output.map((item) => item.json)).toEqual(
			data.stats.map((day) => ({ canvas_id: 'cnv-cart-0002', name: 'Abandoned Cart', ...day })),
		);
		expect(result.output.map((item) => item.json.time)).toEqual([
			'2026-03-08',
			'2026-03-09',
			'2026-03-10',
		]);
		expect(result.output[0].json.total_stats).toEqual({
			revenue: expect.any(Number),
			conversions: expect.any(Number),
			conversions_by_entry_time: expect.any(Number),
			entries: expect.any(Number),
		});
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('ending_at is always sent: empty Ending At is the time of the run, in UTC', async () => {
		const result = await run('getAnalytics', {}, 1);
		expect(result.error).toBeUndefined();
		const now = new Date(Math.floor(virtualTime.now() / 1000) * 1000)
			.toISOString()
			.replace('.000Z', 'Z');
		expect(standIn.requests[0].query).toEqual({
			canvas_id: 'cnv-cart-0002',
			length: '7',
			ending_at: now,
		});
		expect(result.output).toHaveLength(7);
	});

	it('Period › From a Start Time sends starting_at instead of length', async () => {
		const result = await run('getAnalytics', {
			rangeBy: 'startingAt',
			startingAt: '2026-03-01T00:00:00Z',
			endingAt: '2026-03-04T00:00:00Z',
			length: 9,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].query).toEqual({
			canvas_id: 'cnv-cart-0002',
			starting_at: '2026-03-01T00:00:00Z',
			ending_at: '2026-03-04T00:00:00Z',
		});
		expect(result.output.map((item) => item.json.time)).toEqual([
			'2026-03-01',
			'2026-03-02',
			'2026-03-03',
			'2026-03-04',
		]);
	});

	it('Breakdown: variant_stats and step_stats (deleted steps on request) on each day', async () => {
		const result = await run('getAnalytics', {
			length: 1,
			endingAt: '2026-03-10',
			breakdown: { variants: true, steps: true, deletedSteps: true },
		});
		expect(standIn.requests[0].query).toEqual({
			canvas_id: 'cnv-cart-0002',
			length: '1',
			ending_at: '2026-03-10T00:00:00Z',
			include_variant_breakdown: 'true',
			include_step_breakdown: 'true',
			include_deleted_step_data: 'true',
		});
		const [day] = result.output.map((item) => item.json);
		expect(Object.keys(day.variant_stats as IDataObject)).toHaveLength(2);
		expect(Object.keys(day.step_stats as IDataObject)).toContain('cnv-cart-0002-step-0');
	});

	describe('refuses before calling Braze', () => {
		it.each([
			['Length 15', { length: 15 }, 'Length is 15; Braze accepts 1 to 14'],
			['Length 0', { length: 0 }, 'Length is 0; Braze accepts 1 to 14'],
			[
				'a bad Ending At',
				{ endingAt: 'now-ish' },
				'Ending At must be a date and time, but it is "now-ish"',
			],
			[
				'Starting At after Ending At',
				{
					rangeBy: 'startingAt',
					startingAt: '2026-03-05T00:00:00Z',
					endingAt: '2026-03-04T00:00:00Z',
				},
				'Starting At (2026-03-05T00:00:00Z) is not before Ending At (2026-03-04T00:00:00Z)',
			],
			[
				'Starting At equal to Ending At',
				{
					rangeBy: 'startingAt',
					startingAt: '2026-03-04T00:00:00Z',
					endingAt: '2026-03-04T00:00:00+00:00',
				},
				'Starting At (2026-03-04T00:00:00Z) is not before Ending At (2026-03-04T00:00:00Z)',
			],
			[
				'no Starting At (expression)',
				{ rangeBy: 'startingAt', startingAt: '={{ "" }}' },
				'Starting At is required',
			],
			[
				'a bad Starting At',
				{ rangeBy: 'startingAt', startingAt: '2026-13-01' },
				'Starting At must be a date and time, but it is "2026-13-01"',
			],
		])('%s', async (_case, parameters, message) => {
			const result = await run('getAnalytics', parameters);
			expect(result.error?.message).toBe(message);
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 500 });
		const result = await run('getAnalytics', { length: 2, endingAt: '2026-03-10' });
		expect(standIn.requests.map((request) => request.status)).toEqual([500, 200]);
		expect(result.output).toHaveLength(2);
	});

	it('403: names the canvas.data_series permission', async () => {
		await expectPermissionNamed('canvas.data_series', {
			resource: 'canvas',
			operation: 'getAnalytics',
			canvasId: rl('cnv-cart-0002'),
		});
	});
});
