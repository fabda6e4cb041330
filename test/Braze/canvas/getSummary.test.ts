import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';

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

describe('Canvas Journey › Get Summary', () => {
	it('GET /canvas/data_summary: one item with the period, name and totals', async () => {
		const result = await run('getSummary', { length: 14, endingAt: '2026-03-10T23:59:59Z' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.path, request.query])).toEqual([
			[
				'/canvas/data_summary',
				{ canvas_id: 'cnv-cart-0002', length: '14', ending_at: '2026-03-10T23:59:59Z' },
			],
		]);
		const { data } = standIn.requests[0].response as { data: IDataObject };
		expect(result.output.map((item) => item.json)).toEqual([
			{ canvas_id: 'cnv-cart-0002', length: 14, ending_at: '2026-03-10T23:59:59Z', ...data },
		]);
		expect(result.output[0].json).not.toHaveProperty('message');
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('from a start time, with the variant breakdown', async () => {
		const result = await run('getSummary', {
			rangeBy: 'startingAt',
			startingAt: '2026-03-01',
			endingAt: '2026-03-08',
			breakdown: { variants: true },
		});
		expect(standIn.requests[0].query).toEqual({
			canvas_id: 'cnv-cart-0002',
			starting_at: '2026-03-01T00:00:00Z',
			ending_at: '2026-03-08T00:00:00Z',
			include_variant_breakdown: 'true',
		});
		expect(result.output[0].json).toMatchObject({
			canvas_id: 'cnv-cart-0002',
			starting_at: '2026-03-01T00:00:00Z',
			ending_at: '2026-03-08T00:00:00Z',
			name: 'Abandoned Cart',
		});
		expect(Object.keys(result.output[0].json.variant_stats as IDataObject)).toHaveLength(2);
	});

	it('Length out of range is refused before any request', async () => {
		const result = await run('getSummary', { length: 30 });
		expect(result.error?.message).toBe('Length is 30; Braze accepts 1 to 14');
		expect(standIn.requests).toHaveLength(0);
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 504 });
		const result = await run('getSummary', {});
		expect(standIn.requests.map((request) => request.status)).toEqual([504, 200]);
		expect(result.output).toHaveLength(1);
	});

	it('403: names the canvas.data_summary permission', async () => {
		await expectPermissionNamed('canvas.data_summary', {
			resource: 'canvas',
			operation: 'getSummary',
			canvasId: rl('cnv-cart-0002'),
		});
	});
});
