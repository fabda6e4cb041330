import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { smsMessage, smsWire } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

/** Next year: a future Send At that stays within the node's five-year bound. */
const YEAR = new Date().getUTCFullYear() + 1;

const standIn = useStandIn();

async function run(parameters: IDataObject, items?: IDataObject[]) {
	return await runBrazeNode({
		parameters: { resource: 'message', ...parameters } as never,
		items,
		credentials: standInCredentials(standIn),
	});
}

/** Runs dry, checks nothing reached Braze, then runs for real and returns both. */
async function dryThenWet(parameters: IDataObject, options: IDataObject = {}) {
	const dry = await run({ ...parameters, options: { ...options, dryRun: true } });
	expect(dry.error).toBeUndefined();
	expect(standIn.requests).toHaveLength(0);
	const wet = await run({ ...parameters, options });
	expect(wet.error).toBeUndefined();
	return { dry: dry.output, wire: standIn.requests.map((request) => ({ body: request.body })) };
}

describe('Dry Run', () => {
	it('Send: same body as on the wire, one entry per request', async () => {
		const { dry, wire } = await dryThenWet(
			{ operation: 'send', externalUserIds: 'u1, u2', ...smsMessage },
			{ sendId: 's1', recipientSubscriptionState: 'all' },
		);
		expect(dry).toHaveLength(1);
		expect(dry[0].json).toEqual({
			dry_run: true,
			method: 'POST',
			url: '/messages/send',
			request_count: 1,
			requests: wire,
		});
		expect(wire[0].body).toEqual({
			external_user_ids: ['u1', 'u2'],
			broadcast: false,
			send_id: 's1',
			recipient_subscription_state: 'all',
			messages: { sms: smsWire },
		});
		expect(dry[0].pairedItem).toEqual({ item: 0 });
	});

	it('Schedule of 120 users: three bodies, as sent', async () => {
		const ids = Array.from({ length: 120 }, (_, index) => `user-${index}`).join('\n');
		const { dry, wire } = await dryThenWet({
			operation: 'schedule',
			externalUserIds: ids,
			scheduleTime: `${YEAR}-06-01T12:00:00Z`,
			...smsMessage,
		});
		expect(wire).toHaveLength(3);
		expect(dry[0].json).toEqual({
			dry_run: true,
			method: 'POST',
			url: '/messages/schedule/create',
			request_count: 3,
			requests: wire,
		});
	});

	it('Update Schedule and Delete Schedule: the body without calling Braze', async () => {
		const update = await run({
			operation: 'updateSchedule',
			scheduleId: 'sched-1',
			updateTime: true,
			scheduleTime: `${YEAR}-06-01T12:00:00`,
			atOptimalTime: true,
			options: { dryRun: true },
		});
		const remove = await run({
			operation: 'deleteSchedule',
			scheduleId: 'sched-1',
			options: { dryRun: true },
		});
		expect(standIn.requests).toHaveLength(0);
		expect(update.output[0].json).toEqual({
			dry_run: true,
			method: 'POST',
			url: '/messages/schedule/update',
			request_count: 1,
			requests: [
				{
					body: {
						schedule_id: 'sched-1',
						schedule: { time: `${YEAR}-06-01T12:00:00`, at_optimal_time: true },
					},
				},
			],
		});
		expect(remove.output[0].json).toEqual({
			dry_run: true,
			method: 'POST',
			url: '/messages/schedule/delete',
			request_count: 1,
			requests: [{ body: { schedule_id: 'sched-1' } }],
		});
	});

	it('one output item per input item, linked back', async () => {
		const result = await run(
			{
				operation: 'send',
				externalUserIds: '={{ $json.id }}',
				...smsMessage,
				options: { dryRun: true },
			},
			[{ id: 'a' }, { id: 'b' }],
		);
		expect(standIn.requests).toHaveLength(0);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(
			result.output
				.map((item) => (item.json.requests as IDataObject[])[0].body as IDataObject)
				.map((body) => body.external_user_ids),
		).toEqual([['a'], ['b']]);
	});

	it('still refuses what Braze would refuse', async () => {
		const result = await run({
			operation: 'schedule',
			externalUserIds: 'u1',
			scheduleTime: '2000-01-01T00:00:00Z',
			...smsMessage,
			options: { dryRun: true },
		});
		expect(result.error?.message).toBe('Send At (2000-01-01T00:00:00Z) is in the past');
		expect(standIn.requests).toHaveLength(0);
	});
});
