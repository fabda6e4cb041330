import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { smsMessage, smsWire } from '../../helpers/fixtures';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';
import type { BrazeStandIn } from '../../helpers/standIn';

/** Next year: a future Send At that stays within the node's five-year bound. */
const YEAR = new Date().getUTCFullYear() + 1;

const standIn = useStandIn();

const FUTURE = `${YEAR}-12-01T09:00:00`;

async function run(
	parameters: IDataObject,
	items?: IDataObject[],
	target = standIn,
	key = API_KEY,
) {
	return await runBrazeNode({
		parameters: { resource: 'message', ...parameters } as never,
		items,
		credentials: standInCredentials(target, key),
	});
}

async function schedule(extra: IDataObject) {
	return await run({
		operation: 'schedule',
		externalUserIds: 'u1, u2',
		scheduleTime: FUTURE,
		...smsMessage,
		...extra,
	});
}

async function createdScheduleId(): Promise<string> {
	const result = await schedule({});
	expect(result.error).toBeUndefined();
	const id = result.output[0].json.schedule_id as string;
	standIn.requests.length = 0;
	return id;
}

describe('Message › Schedule', () => {
	it('schedules at a UTC time: the Send body plus schedule.time in ISO 8601', async () => {
		const result = await schedule({});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].path).toBe('/messages/schedule/create');
		expect(standIn.requests[0].status).toBe(201);
		expect(standIn.requests[0].body).toEqual({
			external_user_ids: ['u1', 'u2'],
			broadcast: false,
			messages: { sms: smsWire },
			schedule: { time: `${YEAR}-12-01T09:00:00Z` },
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			dispatch_id: expect.any(String),
			schedule_id: expect.any(String),
			message: 'success',
		});
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('converts a time with an offset to UTC', async () => {
		await schedule({ scheduleTime: `${YEAR}-12-01T11:30:00.000+02:00` });
		expect(standIn.requests[0].body?.schedule).toEqual({ time: `${YEAR}-12-01T09:30:00Z` });
	});

	it('In Local Time: the clock time without a time zone, and in_local_time', async () => {
		const result = await schedule({
			scheduleTime: `${YEAR}-12-01T09:00:00+02:00`,
			inLocalTime: true,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.schedule).toEqual({
			time: `${YEAR}-12-01T09:00:00`,
			in_local_time: true,
		});
	});

	it('At Optimal Time: the date and clock time without a time zone, and at_optimal_time', async () => {
		const result = await schedule({ scheduleTime: `${YEAR}-12-01`, atOptimalTime: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.schedule).toEqual({
			time: `${YEAR}-12-01T00:00:00`,
			at_optimal_time: true,
		});
	});

	it('schedules a broadcast to a segment and audience', async () => {
		const audience = {
			custom_attribute: { custom_attribute_name: 'vip', comparison: 'equals', value: true },
		};
		const result = await schedule({
			externalUserIds: '',
			segmentId: 'seg-1',
			broadcast: true,
			audienceMode: 'json',
			audienceJson: JSON.stringify(audience),
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			segment_id: 'seg-1',
			broadcast: true,
			audience,
			messages: { sms: smsWire },
			schedule: { time: `${YEAR}-12-01T09:00:00Z` },
		});
	});

	it('tracks a campaign, with send ID, subscription state and override_messaging_limits', async () => {
		const result = await schedule({
			smsOptions: { messageVariationId: 'sms-var' },
			options: {
				campaignId: 'campaign-1',
				sendId: 'send-1',
				recipientSubscriptionState: 'all',
				overrideMessagingLimits: true,
			},
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			external_user_ids: ['u1', 'u2'],
			broadcast: false,
			campaign_id: 'campaign-1',
			send_id: 'send-1',
			recipient_subscription_state: 'all',
			override_messaging_limits: true,
			messages: { sms: { ...smsWire, message_variation_id: 'sms-var' } },
			schedule: { time: `${YEAR}-12-01T09:00:00Z` },
		});
	});

	it('never sends override_frequency_capping on a schedule, and Send keeps it', async () => {
		await schedule({ options: { overrideFrequencyCapping: true } });
		expect(standIn.requests[0].body).not.toHaveProperty('override_frequency_capping');
		expect(standIn.requests[0].body).not.toHaveProperty('override_messaging_limits');
		await run({
			operation: 'send',
			externalUserIds: 'u1',
			...smsMessage,
			options: { overrideFrequencyCapping: true, overrideMessagingLimits: true },
		});
		expect(standIn.requests[1].path).toBe('/messages/send');
		expect(standIn.requests[1].body?.override_frequency_capping).toBe(true);
		expect(standIn.requests[1].body).not.toHaveProperty('override_messaging_limits');
	});

	it('schedules 120 named users in 3 requests, each with its own schedule_id', async () => {
		const ids = Array.from({ length: 120 }, (_, index) => `user-${index + 1}`);
		const result = await schedule({ externalUserIds: ids.join(',') });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.path)).toEqual([
			'/messages/schedule/create',
			'/messages/schedule/create',
			'/messages/schedule/create',
		]);
		expect(
			standIn.requests.map((request) => (request.body?.external_user_ids as string[]).length),
		).toEqual([50, 50, 20]);
		for (const request of standIn.requests) {
			expect(request.body?.schedule).toEqual({ time: `${YEAR}-12-01T09:00:00Z` });
		}
		expect(result.output).toHaveLength(1);
		const json = result.output[0].json;
		const answered = standIn.requests.map((request) => request.response.schedule_id);
		expect(new Set(answered).size).toBe(3);
		expect(json.schedule_ids).toEqual(answered);
		expect(json.schedule_id).toBe(answered[0]);
		expect(json.dispatch_ids).toEqual(
			standIn.requests.map((request) => request.response.dispatch_id),
		);
		expect(json.message).toBe('success');
		expect((json.requests as IDataObject[]).map((request) => request.schedule_id)).toEqual(
			answered,
		);
	});

	describe('refuses before calling Braze', () => {
		it.each([
			[
				'both local and optimal time',
				{ inLocalTime: true, atOptimalTime: true },
				'In Local Time and At Optimal Time cannot both be on',
			],
			[
				'a UTC time in the past',
				{ scheduleTime: '2020-01-01T09:00:00Z' },
				'Send At (2020-01-01T09:00:00Z) is in the past',
			],
			[
				'a local time passed in every time zone',
				{ scheduleTime: '2020-01-01T09:00:00', inLocalTime: true },
				'Send At (2020-01-01T09:00:00) has already passed in every time zone',
			],
			['no time (expression)', { scheduleTime: '={{ "" }}' }, 'Send At is required'],
			[
				'a time that is not a date',
				{ scheduleTime: 'next monday' },
				'Send At must be a date and time, but it is "next monday"',
			],
			[
				'an impossible date',
				{ scheduleTime: `${YEAR}-02-30T09:00:00` },
				`Send At must be a date and time, but it is "${YEAR}-02-30T09:00:00"`,
			],
			[
				'no recipients',
				{ externalUserIds: '' },
				'No recipients: nobody would receive this message',
			],
		])('%s', async (_case, extra, message) => {
			const result = await schedule(extra);
			expect(result.error?.message).toBe(message);
			expect(standIn.requests).toHaveLength(0);
		});

		it('says plainly that the time has passed and what time it is', async () => {
			const result = await schedule({ scheduleTime: '2020-01-01T09:00:00Z' });
			expect(String(result.error?.description)).toMatch(
				/A schedule needs a future time; it is now \d{4}-/,
			);
		});
	});

	describe('403', () => {
		let limited: BrazeStandIn;
		beforeAll(async () => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const sandbox = require('../../sandbox') as {
				ALL_PERMISSIONS: string[];
				startBrazeStandIn(options: IDataObject): Promise<BrazeStandIn>;
			};
			limited = await sandbox.startBrazeStandIn({
				port: 0,
				apiKeys: {
					'send-only-key': sandbox.ALL_PERMISSIONS.filter(
						(permission) => !permission.startsWith('messages.schedule.'),
					),
				},
			});
		});
		afterAll(async () => await limited.close());

		it.each([
			[
				'schedule',
				'messages.schedule.create',
				{ externalUserIds: 'u1', scheduleTime: FUTURE, ...smsMessage },
			],
			[
				'updateSchedule',
				'messages.schedule.update',
				{ scheduleId: 's1', updateTime: true, scheduleTime: FUTURE },
			],
			['deleteSchedule', 'messages.schedule.delete', { scheduleId: 's1' }],
		])('%s names %s', async (operation, permission, extra) => {
			const result = await run({ operation, ...extra }, undefined, limited, 'send-only-key');
			expect(result.error?.message).toBe(
				`The Braze API key lacks the ${permission} permission (403)`,
			);
			expect(String(result.error?.description)).toContain(
				`create a key with the ${permission} permission`,
			);
		});
	});
});

describe('Message › Update Schedule', () => {
	it('changes the time only', async () => {
		const id = await createdScheduleId();
		const result = await run({
			operation: 'updateSchedule',
			scheduleId: ` ${id} `,
			updateTime: true,
			scheduleTime: `${YEAR}-12-02T10:00:00`,
			inLocalTime: true,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].path).toBe('/messages/schedule/update');
		expect(standIn.requests[0].body).toEqual({
			schedule_id: id,
			schedule: { time: `${YEAR}-12-02T10:00:00`, in_local_time: true },
		});
		expect(result.output[0].json).toEqual({ schedule_id: id, message: 'success' });
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('changes the messages only', async () => {
		const id = await createdScheduleId();
		const result = await run({
			operation: 'updateSchedule',
			scheduleId: id,
			updateMessages: true,
			...smsMessage,
			smsBody: 'New text',
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			schedule_id: id,
			messages: { sms: { ...smsWire, body: 'New text' } },
		});
	});

	it('changes both', async () => {
		const id = await createdScheduleId();
		const result = await run({
			operation: 'updateSchedule',
			scheduleId: id,
			updateTime: true,
			scheduleTime: `${YEAR}-12-03T08:00:00Z`,
			updateMessages: true,
			...smsMessage,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			schedule_id: id,
			schedule: { time: `${YEAR}-12-03T08:00:00Z` },
			messages: { sms: smsWire },
		});
	});

	it('ignores channel fields while Update Messages is off', async () => {
		const id = await createdScheduleId();
		await run({
			operation: 'updateSchedule',
			scheduleId: id,
			updateTime: true,
			scheduleTime: FUTURE,
			...smsMessage,
		});
		expect(standIn.requests[0].body).toEqual({
			schedule_id: id,
			schedule: { time: `${YEAR}-12-01T09:00:00Z` },
		});
	});

	it.each([
		[
			'nothing to update',
			{ scheduleId: 's1' },
			'Nothing to update: turn on Update Send At or Update Messages (or both)',
		],
		[
			'no schedule ID',
			{ scheduleId: '  ', updateTime: true, scheduleTime: FUTURE },
			'Schedule ID is required',
		],
		[
			'a past time',
			{ scheduleId: 's1', updateTime: true, scheduleTime: '2001-01-01T00:00:00Z' },
			'Send At (2001-01-01T00:00:00Z) is in the past',
		],
		[
			'both modes',
			{
				scheduleId: 's1',
				updateTime: true,
				scheduleTime: FUTURE,
				inLocalTime: true,
				atOptimalTime: true,
			},
			'In Local Time and At Optimal Time cannot both be on',
		],
	])('refuses %s without calling Braze', async (_case, extra, message) => {
		const result = await run({ operation: 'updateSchedule', ...extra });
		expect(result.error?.message).toBe(message);
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('Message › Delete Schedule', () => {
	it('sends only schedule_id and outputs { schedule_id, message }', async () => {
		const id = await createdScheduleId();
		const result = await run({ operation: 'deleteSchedule', scheduleId: id });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].path).toBe('/messages/schedule/delete');
		expect(standIn.requests[0].body).toEqual({ schedule_id: id });
		expect(result.output[0].json).toEqual({ schedule_id: id, message: 'success' });
		expect(Object.keys(result.output[0].json)).toEqual(['schedule_id', 'message']);
	});

	it('takes the id from the incoming item', async () => {
		const id = await createdScheduleId();
		const result = await run(
			{ operation: 'deleteSchedule', scheduleId: '={{ $json.schedule_id }}' },
			[{ schedule_id: id }],
		);
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({ schedule_id: id });
	});

	it('refuses an empty Schedule ID without calling Braze', async () => {
		await expect(run({ operation: 'deleteSchedule', scheduleId: '' })).rejects.toThrow(
			'Parameter "Schedule ID" is required',
		);
		const result = await run({ operation: 'deleteSchedule', scheduleId: '={{ $json.id }}' });
		expect(result.error?.message).toBe('Schedule ID is required');
		expect(standIn.requests).toHaveLength(0);
	});

	it('Send At and Channels are required by the editor where they show', async () => {
		await expect(
			run({ operation: 'schedule', externalUserIds: 'u1', ...smsMessage, scheduleTime: '' }),
		).rejects.toThrow('Parameter "Send At" is required');
		await expect(
			run({ operation: 'updateSchedule', scheduleId: 's1', updateTime: true, scheduleTime: '' }),
		).rejects.toThrow('Parameter "Send At" is required');
		await expect(
			run({ operation: 'updateSchedule', scheduleId: 's1', updateMessages: true }),
		).rejects.toThrow('Parameter "Channels" is required');
		expect(standIn.requests).toHaveLength(0);
	});

	it("reports Braze's refusal of an unknown id", async () => {
		const result = await run({ operation: 'deleteSchedule', scheduleId: 'no-such-schedule' });
		expect(result.error?.message).toMatch(/^Braze rejected the request \(400\)/);
	});
});
