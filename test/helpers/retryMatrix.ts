import type { IDataObject } from 'n8n-workflow';

import { RESENT_FIELD } from '../../nodes/Braze/transport/itemOutput';
import { runBrazeNode } from './engine';
import type { RunOptions, RunResult } from './engine';
import { emailSend, smsMessage } from './fixtures';
import { standInCredentials, useStandIn } from './standIn';
import { virtualTime } from './virtualTime';

/**
 * The retry-safety matrix (test/Braze/transport/retrySafety/): every operation, every unclear
 * answer (dropped after Braze accepted, a timeout after Braze accepted, a 500), every way of trying
 * again (Retry Server Errors off or on, n8n's Retry On Fail, n8n's Retry of the failed execution),
 * and what the stand-in applied for each.
 */

/**
 * The stand-in of the test file that imports this module: jest loads the module once per test
 * file, so each file gets its own, started before its first test and reset before each.
 */
export const standIn = useStandIn();

/** What a retry of an unclear answer may do: the rule each operation declares. */
export type Rule =
	/** Never sent again: the item fails and says what may have happened. */
	| 'report'
	/** Sent again with Retry Server Errors on (the change comes out the same). */
	| 'resend'
	/** Sent again under its idempotency key, whatever the option. */
	| 'key'
	/** A read: asked again whatever the option. */
	| 'read';

export interface Operation {
	name: string;
	rule: Rule;
	parameters: IDataObject;
	/** Two items for the operations whose items share a request: both must say they were resent. */
	ids: string[];
	path: string;
	/** How many times the stand-in applied each item's change. */
	applied: (ids: string[]) => number[];
	/** Made before the run (the schedule an update names): parameters it adds. */
	before?: () => Promise<IDataObject>;
	/** The stand-in refuses the same change twice (a schedule already deleted). */
	refusesRepeat?: boolean;
	/** The node's version (1 unless set): version 2 batches the items of a send (Batch Items). */
	typeVersion?: number;
}

export interface Failure {
	name: string;
	/** Whether Braze (the stand-in) acted on the request before its answer was lost. */
	accepted: boolean;
	fault: (path: string) => IDataObject;
	options?: IDataObject;
}

export interface RetryMode {
	name: string;
	retryServerErrors: boolean;
	settings?: RunOptions['settings'];
	/** Run again as n8n's Retry of the failed execution. */
	executionRetry?: boolean;
}

const YEAR = new Date().getUTCFullYear() + 1;
const FUTURE = `${YEAR}-12-01T09:00:00`;
const LATER = `${YEAR}-12-02T10:00:00`;
const DAY = 86400000;
/** Options › Timeout for the timeout cells, in seconds: Braze's answer is held far longer. */
const TIMEOUT_S = 0.1;

const quoted = (text: string) => JSON.stringify(text);
/** Requests at `path` the stand-in accepted (acted on) that carry `marker`. */
const acceptedWith = (path: string, marker: string) =>
	standIn.accepted().filter((request) => request.path === path && request.rawBody.includes(marker))
		.length;
const delivered = (ids: string[]) => ids.map((id) => standIn.deliveries.get(`external:${id}`) ?? 0);
const acceptedPerId =
	(path: string, marker = (id: string) => quoted(id)) =>
	(ids: string[]) =>
		ids.map((id) => acceptedWith(path, marker(id)));
const profileCount = (list: 'events' | 'purchases') => (ids: string[]) =>
	ids.map((id) => standIn.profiles.get(`external:${id}`)?.[list].length ?? 0);

async function created(parameters: IDataObject): Promise<IDataObject> {
	const result = await runBrazeNode({ parameters: parameters as never, credentials: creds() });
	expect(result.error).toBeUndefined();
	return { scheduleId: result.output[0].json.schedule_id };
}
export const creds = () => standInCredentials(standIn);

const messageSchedule = {
	resource: 'message',
	operation: 'schedule',
	externalUserIds: 'u1',
	scheduleTime: FUTURE,
	...smsMessage,
};
const liveActivity = {
	resource: 'liveActivity',
	liveActivityAppId: 'app-ios',
	activityId: 'match-7',
	contentState: '{"score": "0-0", "minute": 0}',
};
const byId = '={{ $json.id }}';

function triggerOperations(resource: 'campaign' | 'canvas', id: IDataObject): Operation[] {
	const base = { resource, ...id };
	const path = resource === 'campaign' ? '/campaigns/trigger' : '/canvas/trigger';
	const schedule = { ...base, operation: 'schedule', externalUserIds: 'u1', scheduleTime: FUTURE };
	const label = resource === 'campaign' ? 'Campaign' : 'Canvas';
	return [
		{
			name: `${label} › Trigger`,
			rule: 'report',
			parameters: { ...base, operation: 'trigger', externalUserIds: byId },
			ids: ['u1'],
			path: `${path}/send`,
			applied: delivered,
		},
		{
			name: `${label} › Trigger (two items in one request, Batch Items)`,
			rule: 'report',
			parameters: { ...base, operation: 'trigger', externalUserIds: byId },
			ids: ['u1', 'u2'],
			path: `${path}/send`,
			applied: delivered,
			typeVersion: 2,
		},
		{
			name: `${label} › Schedule`,
			rule: 'report',
			parameters: { ...schedule, externalUserIds: byId },
			ids: ['u1'],
			path: `${path}/schedule/create`,
			applied: acceptedPerId(`${path}/schedule/create`),
		},
		{
			name: `${label} › Update Schedule`,
			rule: 'resend',
			parameters: { ...base, operation: 'updateSchedule', scheduleTime: LATER },
			ids: ['u1'],
			path: `${path}/schedule/update`,
			before: async () => await created(schedule),
			applied: () => [acceptedWith(`${path}/schedule/update`, '')],
		},
		{
			name: `${label} › Delete Schedule`,
			rule: 'resend',
			parameters: { ...base, operation: 'deleteSchedule' },
			ids: ['u1'],
			path: `${path}/schedule/delete`,
			before: async () => await created(schedule),
			applied: () => [acceptedWith(`${path}/schedule/delete`, '')],
			refusesRepeat: true,
		},
	];
}

export const OPERATIONS: Operation[] = [
	{
		name: 'Message › Send',
		rule: 'report',
		parameters: { ...emailSend, externalUserIds: byId },
		ids: ['u1'],
		path: '/messages/send',
		applied: delivered,
	},
	{
		name: 'Message › Send (two items in one request, Batch Items)',
		rule: 'report',
		parameters: { ...emailSend, externalUserIds: byId },
		ids: ['u1', 'u2'],
		path: '/messages/send',
		applied: delivered,
		typeVersion: 2,
	},
	{
		name: 'Message › Schedule',
		rule: 'report',
		parameters: { ...messageSchedule, externalUserIds: byId },
		ids: ['u1'],
		path: '/messages/schedule/create',
		applied: acceptedPerId('/messages/schedule/create'),
	},
	{
		name: 'Message › Update Schedule',
		rule: 'resend',
		parameters: {
			resource: 'message',
			operation: 'updateSchedule',
			updateTime: true,
			scheduleTime: LATER,
		},
		ids: ['u1'],
		path: '/messages/schedule/update',
		before: async () => await created(messageSchedule),
		applied: () => [acceptedWith('/messages/schedule/update', '')],
	},
	{
		name: 'Message › Delete Schedule',
		rule: 'resend',
		parameters: { resource: 'message', operation: 'deleteSchedule' },
		ids: ['u1'],
		path: '/messages/schedule/delete',
		before: async () => await created(messageSchedule),
		applied: () => [acceptedWith('/messages/schedule/delete', '')],
		refusesRepeat: true,
	},
	{
		name: 'Message › List Scheduled',
		rule: 'read',
		parameters: {
			resource: 'message',
			operation: 'listScheduled',
			endTime: new Date(Math.floor(virtualTime.now() / DAY) * DAY + 5 * DAY)
				.toISOString()
				.slice(0, 10),
		},
		ids: ['u1'],
		path: '/messages/scheduled_broadcasts',
		applied: () => [0],
	},
	...triggerOperations('campaign', { campaignId: 'camp-1' }),
	...triggerOperations('canvas', { canvasId: 'canvas-1' }),
	{
		name: 'Live Activity › Start',
		rule: 'report',
		parameters: {
			...liveActivity,
			operation: 'start',
			activityAttributesType: 'SportsActivityAttributes',
			activityAttributes: '{"homeTeam": "Lions"}',
			notificationTitle: 'Kick-off',
			notificationBody: 'Lions vs Tigers has started',
			externalUserIds: byId,
		},
		ids: ['u1'],
		path: '/messages/live_activity/start',
		applied: acceptedPerId('/messages/live_activity/start'),
	},
	{
		name: 'Live Activity › Update',
		rule: 'report',
		parameters: { ...liveActivity, operation: 'update' },
		ids: ['u1'],
		path: '/messages/live_activity/update',
		applied: () => [acceptedWith('/messages/live_activity/update', '')],
	},
	...(['automatic', 'off'] as const).map((protection): Operation => ({
		name: `Transactional Email › Send (Duplicate Protection ${protection === 'off' ? 'Off' : 'Automatic'})`,
		rule: protection === 'off' ? 'report' : 'key',
		parameters: {
			resource: 'transactional',
			operation: 'send',
			transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
			externalId: byId,
			duplicateProtection: protection,
		},
		ids: ['u1'],
		path: '/transactional/v1/campaigns/cmp-order-0002/send',
		applied: delivered,
	})),
	...(
		[
			['values set', 'resend', { name: 'plan', type: 'text', value: 'pro' }],
			['Increment By', 'report', { name: 'visits', type: 'inc', value: '1' }],
		] as const
	).map(([kind, rule, attribute]): Operation => ({
		name: `User › Create or Update (${kind})`,
		rule,
		parameters: {
			resource: 'user',
			operation: 'upsert',
			externalId: byId,
			customAttributes: { attribute: [attribute] },
		},
		ids: ['u1', 'u2'],
		path: '/users/track',
		applied: acceptedPerId('/users/track'),
	})),
	{
		name: 'User › Track Event',
		rule: 'report',
		parameters: {
			resource: 'user',
			operation: 'trackEvent',
			externalId: byId,
			eventName: 'signed_up',
		},
		ids: ['u1', 'u2'],
		path: '/users/track',
		applied: profileCount('events'),
	},
	{
		name: 'User › Track Purchase',
		rule: 'report',
		parameters: {
			resource: 'user',
			operation: 'trackPurchase',
			externalId: byId,
			productId: 'sku-1',
			currency: 'EUR',
			price: 10,
		},
		ids: ['u1', 'u2'],
		path: '/users/track',
		applied: profileCount('purchases'),
	},
	{
		name: 'User › Identify',
		rule: 'resend',
		parameters: {
			resource: 'user',
			operation: 'identify',
			identifyExternalId: byId,
			newAliasName: '={{ "lead-" + $json.id }}',
			newAliasLabel: 'crm',
		},
		ids: ['u1', 'u2'],
		path: '/users/identify',
		applied: acceptedPerId('/users/identify'),
	},
	{
		name: 'User › Add Alias',
		rule: 'resend',
		parameters: {
			resource: 'user',
			operation: 'addAlias',
			newAliasName: '={{ "lead-" + $json.id }}',
			newAliasLabel: 'crm',
		},
		ids: ['u1', 'u2'],
		path: '/users/alias/new',
		applied: acceptedPerId('/users/alias/new', (id) => quoted(`lead-${id}`)),
	},
	{
		name: 'User › Delete',
		rule: 'resend',
		parameters: { resource: 'user', operation: 'delete', confirmDelete: true, externalId: byId },
		ids: ['u1', 'u2'],
		path: '/users/delete',
		applied: acceptedPerId('/users/delete'),
	},
	{
		name: 'Subscription Group › Set Status',
		rule: 'resend',
		parameters: {
			resource: 'subscriptionGroup',
			operation: 'setStatus',
			subscriptionGroupId: 'sg-news',
			subscriptionUsers: byId,
		},
		ids: ['u1', 'u2'],
		path: '/v2/subscription/status/set',
		applied: acceptedPerId('/v2/subscription/status/set'),
	},
	{
		name: 'Send ID › Create (with a Send ID)',
		rule: 'resend',
		parameters: { resource: 'sendId', operation: 'create', campaignId: 'c', sendId: 'spring-1' },
		ids: ['u1'],
		path: '/sends/id/create',
		applied: () => [acceptedWith('/sends/id/create', '')],
	},
	{
		name: 'Send ID › Create (generated by Braze)',
		rule: 'report',
		parameters: { resource: 'sendId', operation: 'create', campaignId: 'c' },
		ids: ['u1'],
		path: '/sends/id/create',
		applied: () => [acceptedWith('/sends/id/create', '')],
	},
];

export const FAILURES: Failure[] = [
	{
		name: 'dropped after accept',
		accepted: true,
		fault: (path) => ({ type: 'acceptThenDrop', path }),
	},
	{
		name: 'timeout after accept',
		accepted: true,
		// Held far longer than the Timeout, so the node times out however loaded the machine is.
		fault: (path) => ({ type: 'acceptThenSlow', delayMs: 120_000, path }),
		options: { timeout: TIMEOUT_S },
	},
	{
		name: '500',
		accepted: false,
		fault: (path) => ({ type: 'serverError', status: 500, path }),
	},
];

export const MODES: RetryMode[] = [
	{ name: 'Retry Server Errors off', retryServerErrors: false },
	{ name: 'Retry Server Errors on', retryServerErrors: true },
	{
		name: 'Retry On Fail (and Retry Server Errors on)',
		retryServerErrors: true,
		settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 },
	},
	{
		name: "n8n's Retry of the execution (and Retry Server Errors on)",
		retryServerErrors: true,
		executionRetry: true,
	},
];

/**
 * In the modes where n8n tries again, every try of the first run gets an unclear answer: the
 * failure first, then 500s, so that the node's own tries are used up before n8n's begin.
 */
function queueFaults(operation: Operation, failure: Failure, mode: RetryMode): void {
	standIn.queueFaults(failure.fault(operation.path));
	if (!mode.settings && !mode.executionRetry) return;
	const fiveHundred = { type: 'serverError', status: 500, path: operation.path };
	standIn.queueFaults(fiveHundred, fiveHundred);
}

export async function runCell(operation: Operation, failure: Failure, mode: RetryMode) {
	const extra = operation.before ? await operation.before() : {};
	const first = standIn.requests.length;
	queueFaults(operation, failure, mode);
	const run = async (retryOf?: RunResult['run']) =>
		await runBrazeNode({
			parameters: {
				...operation.parameters,
				...extra,
				options: { ...failure.options, retryServerErrors: mode.retryServerErrors },
			} as never,
			items: operation.ids.map((id) => ({ id })),
			typeVersion: operation.typeVersion,
			credentials: creds(),
			...(mode.settings ? { settings: mode.settings } : {}),
			...(retryOf ? { retryOf } : {}),
		});
	let result = await run();
	if (mode.executionRetry && result.error) result = await run(result.run);
	const requests = standIn.requests
		.slice(first)
		.filter((request) => request.path === operation.path);
	return { result, requests };
}

/** The output of an item sent again says so: a flag and a warning, on every item of the request. */
function expectSaysResent(result: RunResult, ids: string[]) {
	expect(result.error).toBeUndefined();
	expect(result.output).toHaveLength(ids.length);
	for (const item of result.output) {
		expect(item.json[RESENT_FIELD]).toBe(true);
		expect(String(item.json.warning)).toMatch(/was sent again after an unclear answer from Braze/);
	}
}

/** The matrix's cells for these operations, one test each. */
export function describeRetryMatrix(operations: Operation[]): void {
	describe.each(operations)('$name', (operation) => {
		describe.each(FAILURES)('$name', (failure) => {
			it.each(MODES)('$name', async (mode) => {
				const { result, requests } = await runCell(operation, failure, mode);
				const applied = operation.applied(operation.ids);
				const once = operation.ids.map(() => 1);
				const resends =
					operation.rule === 'key' ||
					operation.rule === 'read' ||
					(operation.rule === 'resend' && mode.retryServerErrors);

				if (operation.rule === 'report') {
					// Applied at most once: by the first try when Braze acted on it, never by a retry.
					expect(applied).toEqual(failure.accepted ? once : operation.ids.map(() => 0));
					expect(requests).toHaveLength(1);
					expect(result.error ?? result.errorOutput[0]).toBeDefined();
					expect(result.output.some((item) => item.json[RESENT_FIELD])).toBe(false);
					return;
				}
				if (operation.rule === 'key') expect(applied).toEqual(once);
				if (!resends) {
					expect(requests).toHaveLength(1);
					expect(result.error).toBeDefined();
					return;
				}
				expect(requests.length).toBeGreaterThanOrEqual(2);
				if (operation.rule === 'read') {
					expect(result.error).toBeUndefined();
					expect(result.output.some((item) => item.json[RESENT_FIELD])).toBe(false);
				} else if (operation.refusesRepeat && failure.accepted) {
					// Done by the first try; the second is refused, and the error says why that may be.
					expect(applied).toEqual(once);
					expect(String(result.error?.description)).toMatch(
						/sent again after an unclear answer from Braze, so the schedule may or may not have been deleted by the first try/,
					);
				} else expectSaysResent(result, operation.ids);
			});
		});
	});
}
