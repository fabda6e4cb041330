import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { TRIGGER_RESOURCES } from '../../helpers/fixtures';
import type { TriggerResource } from '../../helpers/fixtures';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// The scheduled triggers of Campaign and Canvas (Schedule, Update Schedule, Delete Schedule)
// share their form and their steps: one suite runs over both, and what only one of them has is
// tested for that one, in the blocks after it.

/** Next year: a future Send At that stays within the node's five-year bound. */
const YEAR = new Date().getUTCFullYear() + 1;
const FUTURE = `${YEAR}-12-01T09:00:00`;

const standIn = useStandIn();
const [CAMPAIGN, CANVAS] = TRIGGER_RESOURCES;
/** The schedules the stand-in keeps, by schedule_id. */
const kept = () =>
	(standIn as unknown as { triggerSchedules: Map<string, { body: IDataObject }> }).triggerSchedules;

/** The operations of `resource`, run with its ID and `parameters`. */
function operationsOf(resource: TriggerResource) {
	const run = async (parameters: IDataObject, items?: IDataObject[]) =>
		await runBrazeNode({
			parameters: {
				resource: resource.resource,
				[resource.idField]: resource.id,
				...parameters,
			} as never,
			items,
			credentials: standInCredentials(standIn),
		});
	const schedule = async (extra: IDataObject, items?: IDataObject[]) =>
		await run({ operation: 'schedule', scheduleTime: FUTURE, ...extra }, items);
	/** Schedules a send to u1 and returns its schedule_id, with the request log cleared. */
	const createdScheduleId = async (extra: IDataObject = {}): Promise<string> => {
		const result = await schedule({ externalUserIds: 'u1', ...extra });
		expect(result.error).toBeUndefined();
		standIn.requests.length = 0;
		return result.output[0].json.schedule_id as string;
	};
	/** Schedules with `extra` and expects the error `message` and no request. */
	const expectRefused = async (_case: string, extra: IDataObject, message: string) => {
		const result = await schedule(extra);
		expect(result.error?.message).toBe(message);
		expect(standIn.requests).toHaveLength(0);
	};
	return { run, schedule, createdScheduleId, expectRefused };
}

/** Refusals of Schedule both resources make: the case, the parameters, the message. */
const sharedScheduleRefusals = (
	resource: TriggerResource,
): Array<[string, IDataObject, string]> => [
	[
		'both local and optimal time',
		{ broadcast: true, inLocalTime: true, atOptimalTime: true },
		'In Local Time and At Optimal Time cannot both be on',
	],
	[
		'a UTC time in the past',
		{ broadcast: true, scheduleTime: '2020-01-01T09:00:00Z' },
		'Send At (2020-01-01T09:00:00Z) is in the past',
	],
	[
		'a local time passed in every time zone',
		{ broadcast: true, scheduleTime: '2020-01-01T09:00:00', inLocalTime: true },
		'Send At (2020-01-01T09:00:00) has already passed in every time zone',
	],
	['no time (expression)', { broadcast: true, scheduleTime: '={{ "" }}' }, 'Send At is required'],
	[
		'a time that is not a date',
		{ broadcast: true, scheduleTime: 'next monday' },
		'Send At must be a date and time, but it is "next monday"',
	],
	['no recipients and no broadcast', {}, 'Broadcast must be on when no recipients are given'],
	[
		'recipients and broadcast',
		{ externalUserIds: 'u1', broadcast: true },
		'Broadcast is on, but recipients are named too',
	],
	[
		'an email recipient without prioritization',
		{ recipients: { recipient: [{ identifyBy: 'email', email: 'ada@example.com' }] } },
		'Recipient 1: Prioritization is required with an email',
	],
	[
		`${resource.propertiesNoun} over 50 KB`,
		{
			broadcast: true,
			[resource.propertiesField]: { pair: [{ key: 'blob', value: 'x'.repeat(51 * 1024) }] },
		},
		resource.propertiesTooLarge,
	],
	[
		`no ${resource.noun} ID (expression)`,
		{ broadcast: true, [resource.idField]: '={{ $json.none }}' },
		`${resource.idName} is required`,
	],
];

describe.each(TRIGGER_RESOURCES)('$label › Schedule', (resource) => {
	const { schedule, expectRefused } = operationsOf(resource);
	const { idKey, id } = resource;

	it('converts a time with an offset to UTC', async () => {
		await schedule({ broadcast: true, scheduleTime: `${YEAR}-12-01T11:30:00+02:00` });
		expect(standIn.requests[0].body).toEqual({
			[idKey]: id,
			broadcast: true,
			schedule: { time: `${YEAR}-12-01T09:30:00Z` },
		});
	});

	it.each([
		[
			'In Local Time: the clock time without a time zone, and in_local_time',
			{ scheduleTime: `${YEAR}-12-01T09:00:00+02:00`, inLocalTime: true },
			{ time: `${YEAR}-12-01T09:00:00`, in_local_time: true },
		],
		[
			'At Optimal Time: the date without a time zone, and at_optimal_time',
			{ scheduleTime: `${YEAR}-12-01`, atOptimalTime: true },
			{ time: `${YEAR}-12-01T00:00:00`, at_optimal_time: true },
		],
	])('%s', async (_mode, extra, sent) => {
		const result = await schedule({ broadcast: true, ...extra });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.schedule).toEqual(sent);
	});

	it("a broadcast at each user's optimal time", async () => {
		const result = await schedule({ broadcast: true, atOptimalTime: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			[idKey]: id,
			broadcast: true,
			schedule: { time: FUTURE, at_optimal_time: true },
		});
	});

	it('schedules 120 recipients in 3 requests, each with its own schedule_id', async () => {
		const ids = Array.from({ length: 120 }, (_, index) => `user-${index + 1}`);
		const result = await schedule({ externalUserIds: '={{ $json.ids }}' }, [{ ids }]);
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.path)).toEqual(
			Array(3).fill(`${resource.path}/schedule/create`),
		);
		expect(standIn.requests.map((request) => request.body?.recipients)).toEqual([
			ids.slice(0, 50).map((id) => ({ external_user_id: id })),
			ids.slice(50, 100).map((id) => ({ external_user_id: id })),
			ids.slice(100).map((id) => ({ external_user_id: id })),
		]);
		for (const request of standIn.requests) {
			expect(request.body?.schedule).toEqual({ time: `${YEAR}-12-01T09:00:00Z` });
		}
		expect(result.output).toHaveLength(1);
		const json = result.output[0].json;
		const answered = standIn.requests.map((request) => request.response.schedule_id);
		expect(new Set(answered).size).toBe(3);
		expect(json.schedule_id).toBe(answered[0]);
		expect(json.schedule_ids).toEqual(answered);
		expect(json.dispatch_ids).toEqual(
			standIn.requests.map((request) => request.response.dispatch_id),
		);
		expect(kept().size).toBe(3);
	});

	describe('refuses before calling Braze', () => {
		it.each(sharedScheduleRefusals(resource))('%s', expectRefused);
	});
});

describe.each(TRIGGER_RESOURCES)('$label › Update Schedule', (resource) => {
	const { run, createdScheduleId } = operationsOf(resource);
	const { idKey, id } = resource;

	it(`sends only ${idKey}, schedule_id and the new schedule, and outputs schedule_id`, async () => {
		const scheduleId = await createdScheduleId();
		const result = await run({
			operation: 'updateSchedule',
			scheduleId: ` ${scheduleId} `,
			scheduleTime: `${YEAR}-12-02T10:00:00`,
			inLocalTime: true,
			// Fields of Schedule that Update Schedule does not show are never sent.
			externalUserIds: 'u9',
			[resource.propertiesField]: { pair: [{ key: 'coupon', value: 'X' }] },
			broadcast: true,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].path).toBe(`${resource.path}/schedule/update`);
		expect(standIn.requests[0].body).toEqual({
			[idKey]: id,
			schedule_id: scheduleId,
			schedule: { time: `${YEAR}-12-02T10:00:00`, in_local_time: true },
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({ schedule_id: scheduleId, message: 'success' });
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('replaces the whole schedule: a local-time schedule updated with a UTC time is a UTC send', async () => {
		const scheduleId = await createdScheduleId({ inLocalTime: true });
		expect(kept().get(scheduleId)?.body.schedule).toEqual({ time: FUTURE, in_local_time: true });
		const result = await run({
			operation: 'updateSchedule',
			scheduleId,
			scheduleTime: `${YEAR}-12-03T08:00:00Z`,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.schedule).toEqual({ time: `${YEAR}-12-03T08:00:00Z` });
		expect(kept().get(scheduleId)?.body.schedule).toEqual({ time: `${YEAR}-12-03T08:00:00Z` });
	});

	it.each([
		['no schedule ID', { scheduleId: '={{ $json.none }}' }, 'Schedule ID is required'],
		[
			'a past time',
			{ scheduleId: 's1', scheduleTime: '2001-01-01T00:00:00Z' },
			'Send At (2001-01-01T00:00:00Z) is in the past',
		],
		[
			'both modes',
			{ scheduleId: 's1', inLocalTime: true, atOptimalTime: true },
			'In Local Time and At Optimal Time cannot both be on',
		],
	])('refuses %s without calling Braze', async (_case, extra, message) => {
		const result = await run({ operation: 'updateSchedule', scheduleTime: FUTURE, ...extra });
		expect(result.error?.message).toBe(message);
		expect(standIn.requests).toHaveLength(0);
	});

	it('Schedule ID and Send At are required by the editor', async () => {
		await expect(
			run({ operation: 'updateSchedule', scheduleId: '', scheduleTime: FUTURE }),
		).rejects.toThrow('Parameter "Schedule ID" is required');
		await expect(
			run({ operation: 'updateSchedule', scheduleId: 's1', scheduleTime: '' }),
		).rejects.toThrow('Parameter "Send At" is required');
		expect(standIn.requests).toHaveLength(0);
	});
});

describe.each(TRIGGER_RESOURCES)('$label › Delete Schedule', (resource) => {
	const { run, createdScheduleId } = operationsOf(resource);
	const { idKey, id } = resource;

	it(`sends ${idKey} and schedule_id only; the id can come from the incoming item`, async () => {
		const scheduleId = await createdScheduleId();
		const result = await run(
			{
				operation: 'deleteSchedule',
				scheduleId: '={{ $json.schedule_id }}',
				scheduleTime: FUTURE,
				externalUserIds: 'u1',
			},
			[{ schedule_id: scheduleId }],
		);
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].path).toBe(`${resource.path}/schedule/delete`);
		expect(standIn.requests[0].body).toEqual({ [idKey]: id, schedule_id: scheduleId });
		expect(result.output[0].json).toEqual({ schedule_id: scheduleId, message: 'success' });
		expect(Object.keys(result.output[0].json)).toEqual(['schedule_id', 'message']);
		expect(kept().size).toBe(0);
	});

	it('refuses an empty Schedule ID without calling Braze', async () => {
		const result = await run({ operation: 'deleteSchedule', scheduleId: '={{ "  " }}' });
		expect(result.error?.message).toBe('Schedule ID is required');
		expect(standIn.requests).toHaveLength(0);
	});

	it(`reports Braze's refusal of a schedule of another ${resource.noun}`, async () => {
		const scheduleId = await createdScheduleId();
		const result = await run({
			operation: 'deleteSchedule',
			[resource.idField]: `${id}-other`,
			scheduleId,
		});
		expect(result.error?.message).toMatch(/^Braze rejected the request \(400\)/);
		expect(kept().size).toBe(1);
	});
});

describe.each(TRIGGER_RESOURCES)('$label schedules: Dry Run', (resource) => {
	const { run } = operationsOf(resource);
	const { idKey, id } = resource;

	it.each([
		[
			'schedule',
			{ externalUserIds: 'u1' },
			`${resource.path}/schedule/create`,
			{
				[idKey]: id,
				broadcast: false,
				recipients: [{ external_user_id: 'u1' }],
				schedule: { time: `${YEAR}-12-01T09:00:00Z` },
			},
		],
		[
			'updateSchedule',
			{ scheduleId: 's1' },
			`${resource.path}/schedule/update`,
			{ [idKey]: id, schedule_id: 's1', schedule: { time: `${YEAR}-12-01T09:00:00Z` } },
		],
		[
			'deleteSchedule',
			{ scheduleId: 's1' },
			`${resource.path}/schedule/delete`,
			{ [idKey]: id, schedule_id: 's1' },
		],
	])('%s: outputs the request, sends nothing', async (operation, extra, url, body) => {
		const result = await run({
			operation,
			scheduleTime: FUTURE,
			...extra,
			options: { dryRun: true },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(0);
		expect(result.output[0].json).toEqual({
			dry_run: true,
			method: 'POST',
			url,
			request_count: 1,
			requests: [{ body }],
		});
	});

	it('updateSchedule At Optimal Time: the request, nothing sent', async () => {
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
			url: `${resource.path}/schedule/update`,
			request_count: 1,
			requests: [
				{
					body: {
						[idKey]: id,
						schedule_id: 's1',
						schedule: { time: FUTURE, at_optimal_time: true },
					},
				},
			],
		});
	});
});

describe.each(TRIGGER_RESOURCES)('$label schedules: 403', (resource) => {
	it.each([
		['schedule', `${resource.permission}.schedule.create`, { broadcast: true }],
		['updateSchedule', `${resource.permission}.schedule.update`, { scheduleId: 's1' }],
		['deleteSchedule', `${resource.permission}.schedule.delete`, { scheduleId: 's1' }],
	])('%s names %s', async (operation, permission, extra) => {
		await expectPermissionNamed(permission, {
			resource: resource.resource,
			operation,
			[resource.idField]: resource.id,
			scheduleTime: FUTURE,
			...extra,
		});
	});
});

describe('Campaign › Schedule', () => {
	const { schedule, expectRefused } = operationsOf(CAMPAIGN);

	it("sends Trigger's recipients and properties plus schedule, and outputs schedule_id", async () => {
		const result = await schedule({
			externalUserIds: 'u2',
			recipients: {
				recipient: [
					{
						identifyBy: 'externalUserId',
						externalUserId: 'u1',
						properties: { pair: [{ key: 'order', value: '42' }] },
					},
				],
			},
			triggerProperties: { pair: [{ key: 'coupon', value: 'SPRING' }] },
			audienceMode: 'json',
			audienceJson: '{"push_subscription_status": {"comparison": "is", "value": "opted_in"}}',
			options: { sendId: 'send-1' },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].path).toBe('/campaigns/trigger/schedule/create');
		expect(standIn.requests[0].status).toBe(201);
		expect(standIn.requests[0].body).toEqual({
			campaign_id: 'camp-1',
			broadcast: false,
			recipients: [
				{ external_user_id: 'u1', trigger_properties: { order: '42' } },
				{ external_user_id: 'u2' },
			],
			trigger_properties: { coupon: 'SPRING' },
			audience: { push_subscription_status: { comparison: 'is', value: 'opted_in' } },
			send_id: 'send-1',
			schedule: { time: `${YEAR}-12-01T09:00:00Z` },
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			dispatch_id: standIn.requests[0].response.dispatch_id,
			schedule_id: standIn.requests[0].response.schedule_id,
			message: 'success',
		});
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('never sends attachments (Trigger only), even if the parameters hold some', async () => {
		const result = await schedule({
			externalUserIds: 'u1',
			attachments: {
				attachment: [{ fileName: 'invoice.pdf', url: 'https://example.com/invoice.pdf' }],
			},
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).not.toHaveProperty('attachments');
	});

	describe('refuses before calling Braze', () => {
		it.each([
			[
				'a send ID too long',
				{ externalUserIds: 'u1', options: { sendId: 'x'.repeat(65) } },
				'Options › Send ID is 65 characters long; Braze accepts at most 64',
			],
		])('%s', expectRefused);
	});
});

describe('Canvas › Schedule', () => {
	const { schedule, expectRefused } = operationsOf(CANVAS);

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

	describe('refuses before calling Braze', () => {
		it.each([
			[
				'a Braze ID recipient (Canvases take none)',
				{ recipients: { recipient: [{ identifyBy: 'brazeId', brazeId: 'b-1' }] } },
				'Recipient 1: Identify By cannot be "brazeId"',
			],
		])('%s', expectRefused);
	});
});
