import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from './helpers/engine';
import { expectPermissionNamed } from './helpers/limitedKey';
import { standInCredentials, useStandIn } from './helpers/standIn';

/** Next year: a future Send At that stays within the node's five-year bound. */
const YEAR = new Date().getUTCFullYear() + 1;
const FUTURE = `${YEAR}-12-01T09:00:00`;

const standIn = useStandIn();

async function run(parameters: IDataObject, items?: IDataObject[]) {
	return await runBrazeNode({
		parameters: { resource: 'canvas', canvasId: 'cnv-1', ...parameters } as never,
		items,
		credentials: standInCredentials(standIn),
	});
}

const schedule = async (extra: IDataObject, items?: IDataObject[]) =>
	await run({ operation: 'schedule', scheduleTime: FUTURE, ...extra }, items);

describe('Canvas Journey › Schedule', () => {
	it('sends context (as Canvas › Trigger does), recipients and schedule; outputs schedule_id', async () => {
		const result = await schedule({
			recipients: {
				recipient: [
					{
						identifyBy: 'userAlias',
						aliasName: 'crm-1',
						aliasLabel: 'crm_id',
						properties: { pair: [{ key: 'plan', value: 'gold' }] },
					},
				],
			},
			externalUserIds: 'u2',
			context: { pair: [{ key: 'campaign', value: 'spring' }] },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].path).toBe('/canvas/trigger/schedule/create');
		expect(standIn.requests[0].body).toEqual({
			canvas_id: 'cnv-1',
			broadcast: false,
			recipients: [
				{ user_alias: { alias_name: 'crm-1', alias_label: 'crm_id' }, context: { plan: 'gold' } },
				{ external_user_id: 'u2' },
			],
			context: { campaign: 'spring' },
			schedule: { time: `${YEAR}-12-01T09:00:00Z` },
		});
		expect(result.output[0].json).toEqual({
			dispatch_id: standIn.requests[0].response.dispatch_id,
			schedule_id: standIn.requests[0].response.schedule_id,
			message: 'success',
		});
	});

	it("a broadcast at each user's optimal time", async () => {
		const result = await schedule({ broadcast: true, atOptimalTime: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			canvas_id: 'cnv-1',
			broadcast: true,
			schedule: { time: FUTURE, at_optimal_time: true },
		});
	});

	it('schedules 60 recipients in 2 requests, listing both schedule_ids', async () => {
		const ids = Array.from({ length: 60 }, (_, index) => `user-${index + 1}`);
		const result = await schedule({ externalUserIds: ids.join('\n') });
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => (request.body?.recipients as unknown[]).length),
		).toEqual([50, 10]);
		const answered = standIn.requests.map((request) => request.response.schedule_id);
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.schedule_ids).toEqual(answered);
		expect(result.output[0].json.schedule_id).toBe(answered[0]);
	});

	it.each([
		[
			'a Braze ID recipient (Canvases take none)',
			{ recipients: { recipient: [{ identifyBy: 'brazeId', brazeId: 'b-1' }] } },
			'Recipient 1: Identify By cannot be "brazeId"',
		],
		[
			'a context over 50 KB',
			{ broadcast: true, context: { pair: [{ key: 'blob', value: 'x'.repeat(51 * 1024) }] } },
			'Context is 51.0 KB; Braze accepts at most 50 KB',
		],
		[
			'a UTC time in the past',
			{ broadcast: true, scheduleTime: '2020-01-01T09:00:00Z' },
			'Send At (2020-01-01T09:00:00Z) is in the past',
		],
		['no recipients and no broadcast', {}, 'Broadcast must be on when no recipients are given'],
	])('refuses %s without calling Braze', async (_case, extra, message) => {
		const result = await schedule(extra);
		expect(result.error?.message).toBe(message);
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('Canvas Journey › Update Schedule and Delete Schedule', () => {
	it('update sends canvas_id, schedule_id and the new schedule; delete the two ids', async () => {
		const created = await schedule({ broadcast: true });
		const id = created.output[0].json.schedule_id as string;
		standIn.requests.length = 0;

		const updated = await run({
			operation: 'updateSchedule',
			scheduleId: id,
			scheduleTime: `${YEAR}-12-05T18:00:00`,
			inLocalTime: true,
		});
		expect(updated.error).toBeUndefined();
		expect(standIn.requests[0].path).toBe('/canvas/trigger/schedule/update');
		expect(standIn.requests[0].body).toEqual({
			canvas_id: 'cnv-1',
			schedule_id: id,
			schedule: { time: `${YEAR}-12-05T18:00:00`, in_local_time: true },
		});
		expect(updated.output[0].json).toEqual({ schedule_id: id, message: 'success' });

		const deleted = await run({ operation: 'deleteSchedule', scheduleId: id });
		expect(deleted.error).toBeUndefined();
		expect(standIn.requests[1].path).toBe('/canvas/trigger/schedule/delete');
		expect(standIn.requests[1].body).toEqual({ canvas_id: 'cnv-1', schedule_id: id });
		expect(deleted.output[0].json).toEqual({ schedule_id: id, message: 'success' });
	});

	it('Dry Run of an update: the request, nothing sent', async () => {
		const result = await run({
			operation: 'updateSchedule',
			scheduleId: 's1',
			scheduleTime: FUTURE,
			atOptimalTime: true,
			options: { dryRun: true },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(0);
		expect(result.output[0].json).toEqual({
			dry_run: true,
			method: 'POST',
			url: '/canvas/trigger/schedule/update',
			request_count: 1,
			requests: [
				{
					body: {
						canvas_id: 'cnv-1',
						schedule_id: 's1',
						schedule: { time: FUTURE, at_optimal_time: true },
					},
				},
			],
		});
	});
});

describe('Canvas schedules: 403', () => {
	it.each([
		['schedule', 'canvas.trigger.schedule.create', { broadcast: true }],
		['updateSchedule', 'canvas.trigger.schedule.update', { scheduleId: 's1' }],
		['deleteSchedule', 'canvas.trigger.schedule.delete', { scheduleId: 's1' }],
	])('%s names %s', async (operation, permission, extra) => {
		await expectPermissionNamed(permission, {
			resource: 'canvas',
			operation,
			canvasId: 'cnv-1',
			scheduleTime: FUTURE,
			...extra,
		});
	});
});
