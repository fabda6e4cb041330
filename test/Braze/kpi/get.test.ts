import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';

const standIn = useStandIn();

async function get(parameters: IDataObject, items?: IDataObject[]) {
	return await runBrazeNode({
		parameters: { resource: 'kpi', operation: 'get', ...parameters } as never,
		typeVersion: 2,
		items,
		credentials: standInCredentials(standIn),
	});
}

describe('KPI › Get', () => {
	it.each([
		['dau', '/kpi/dau/data_series'],
		['mau', '/kpi/mau/data_series'],
		['new_users', '/kpi/new_users/data_series'],
		['uninstalls', '/kpi/uninstalls/data_series'],
	])('Metric %s: GET %s, one output item per day with its date and count', async (metric, path) => {
		const result = await get({ metric, length: 3, endingAt: '2026-03-10T12:00:00Z' });
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', path, { length: '3', ending_at: '2026-03-10T12:00:00Z' }]]);
		expect(result.output.map((item) => item.json.time)).toEqual([
			'2026-03-08',
			'2026-03-09',
			'2026-03-10',
		]);
		expect(result.output.every((item) => typeof item.json[metric] === 'number')).toBe(true);
		expect(Object.keys(result.output[0].json).sort()).toEqual([metric, 'time'].sort());
	});

	it('Ending At empty: the time of the run, in UTC; App ID goes out and comes back on each day', async () => {
		const result = await get({ length: 1, filters: { appId: 'app-ios-0001' } });
		expect(standIn.requests[0].query).toEqual({
			length: '1',
			app_id: 'app-ios-0001',
			ending_at: new Date(Math.floor(virtualTime.now() / 1000) * 1000)
				.toISOString()
				.replace('.000Z', 'Z'),
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.app_id).toBe('app-ios-0001');
	});

	it('a date without an offset is UTC; one item per input item, each its own metric', async () => {
		const result = await get({ metric: '={{ $json.metric }}', length: 1, endingAt: '2026-03-10' }, [
			{ metric: 'dau' },
			{ metric: 'uninstalls' },
		]);
		expect(standIn.requests.map((request) => [request.path, request.query.ending_at])).toEqual([
			['/kpi/dau/data_series', '2026-03-10T00:00:00Z'],
			['/kpi/uninstalls/data_series', '2026-03-10T00:00:00Z'],
		]);
		expect(result.output.map((item) => [Object.keys(item.json), item.pairedItem])).toEqual([
			[['time', 'dau'], { item: 0 }],
			[['time', 'uninstalls'], { item: 1 }],
		]);
	});

	it('the same on a node saved with version 1 (the resource is new on both versions)', async () => {
		const result = await runBrazeNode({
			parameters: {
				resource: 'kpi',
				operation: 'get',
				metric: 'mau',
				length: 2,
				endingAt: '2026-03-10',
			} as never,
			typeVersion: 1,
			credentials: standInCredentials(standIn),
		});
		expect(standIn.requests.map((request) => request.path)).toEqual(['/kpi/mau/data_series']);
		expect(result.output.map((item) => item.json.time)).toEqual(['2026-03-09', '2026-03-10']);
	});

	it('the longest series Braze gives: 100 days', async () => {
		const result = await get({ length: 100, endingAt: '2026-03-10T00:00:00Z' });
		expect(result.output).toHaveLength(100);
		expect(result.output[0].json.time).toBe('2025-12-01');
	});

	describe('refused before any request', () => {
		it.each([
			[{ length: 101 }, 'Length is 101; Braze accepts 1 to 100'],
			[{ length: 0 }, 'Length is 0; Braze accepts 1 to 100'],
			[{ length: 2.5 }, 'Length must be a whole number, but it is 2.5'],
			[{ metric: '={{ "sessions" }}' }, 'Metric cannot be "sessions"'],
			[{ endingAt: 'yesterday' }, 'Ending At must be a date and time, but it is "yesterday"'],
		])('%j', async (parameters, message) => {
			const result = await get({ length: 7, ...parameters });
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toBeTruthy();
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 500 });
		const result = await get({ length: 2 });
		expect(standIn.requests.map((request) => request.status)).toEqual([500, 200]);
		expect(result.output).toHaveLength(2);
	});

	it.each(['dau', 'mau', 'new_users', 'uninstalls'])(
		'403: names the permission of the Metric chosen (%s)',
		async (metric) => {
			await expectPermissionNamed(`kpi.${metric}.data_series`, {
				resource: 'kpi',
				operation: 'get',
				metric,
				length: 7,
			});
		},
	);
});
