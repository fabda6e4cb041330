import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { users } from '../../helpers/fixtures';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { liveActivityFieldRows, readFieldDoc } = require('../../../scripts/field-table.js') as {
	liveActivityFieldRows(): Array<[string, string, string | undefined]>;
	readFieldDoc(): string;
};

const standIn = useStandIn();

const START_PATH = '/messages/live_activity/start';
const UPDATE_PATH = '/messages/live_activity/update';

/** A Start naming one user, with every required field. */
const start: IDataObject = {
	resource: 'liveActivity',
	operation: 'start',
	liveActivityAppId: 'app-ios',
	activityId: 'match-7',
	activityAttributesType: 'SportsActivityAttributes',
	activityAttributes: '{"homeTeam": "Lions", "awayTeam": "Tigers"}',
	contentState: '{"score": "0-0", "minute": 0}',
	notificationTitle: 'Kick-off',
	notificationBody: 'Lions vs Tigers has started',
};

/** The body of that Start, without its targeting. */
const startBody = {
	app_id: 'app-ios',
	activity_id: 'match-7',
	activity_attributes_type: 'SportsActivityAttributes',
	activity_attributes: { homeTeam: 'Lions', awayTeam: 'Tigers' },
	content_state: { score: '0-0', minute: 0 },
	notification: { alert: { title: 'Kick-off', body: 'Lions vs Tigers has started' } },
};

const update: IDataObject = {
	resource: 'liveActivity',
	operation: 'update',
	liveActivityAppId: 'app-ios',
	activityId: 'match-7',
	contentState: '{"score": "1-0", "minute": 63}',
};

async function run(parameters: IDataObject, extra: { onError?: 'continueErrorOutput' } = {}) {
	return await runBrazeNode({
		parameters: parameters as never,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

const audienceJson = JSON.stringify({
	push_subscription_status: { comparison: 'is', value: 'opted_in' },
});

describe('Live Activity › Start: the wire body for each way of reaching users', () => {
	it('External User IDs: one request, the alert, and app_id and activity_id in the output', async () => {
		const result = await run({ ...start, externalUserIds: 'u1, u2' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].path).toBe(START_PATH);
		expect(standIn.requests[0].body).toEqual({ ...startBody, external_user_ids: ['u1', 'u2'] });
		expect(standIn.requests[0].status).toBe(201);
		expect(result.output.map((item) => item.json)).toEqual([
			{ app_id: 'app-ios', activity_id: 'match-7', message: 'success' },
		]);
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('External User IDs and User Aliases together', async () => {
		const result = await run({
			...start,
			externalUserIds: 'u1',
			userAliases: { alias: [{ aliasName: 'crm-9', aliasLabel: 'crm_id' }] },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			...startBody,
			external_user_ids: ['u1'],
			user_aliases: [{ alias_name: 'crm-9', alias_label: 'crm_id' }],
		});
	});

	it('Segment ID: segment_id, and no broadcast (Live Activities have none)', async () => {
		const result = await run({ ...start, segmentId: { mode: 'id', value: 'seg-fans' } });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({ ...startBody, segment_id: 'seg-fans' });
	});

	it('Audience (JSON): sent as custom_audience, not audience', async () => {
		const result = await run({ ...start, audienceMode: 'json', audienceJson });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			...startBody,
			custom_audience: JSON.parse(audienceJson) as IDataObject,
		});
	});

	it('Audience (form): built as on Send, sent as custom_audience', async () => {
		const result = await run({
			...start,
			audienceMode: 'form',
			audienceFilters: {
				filter: [
					{
						filterType: 'customAttribute',
						customAttributeName: 'favorite_team',
						dataType: 'string',
						comparison: 'equals',
						value: 'Lions',
					},
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.custom_audience).toEqual({
			AND: [
				{
					custom_attribute: {
						custom_attribute_name: 'favorite_team',
						comparison: 'equals',
						value: 'Lions',
					},
				},
			],
		});
		expect(standIn.requests[0].body).not.toHaveProperty('audience');
	});

	it('120 named users: requests of 50, 50 and 20 with the same activity, as one output item', async () => {
		const ids = users(120);
		const result = await run({ ...start, externalUserIds: ids.join(',') });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.body)).toEqual([
			{ ...startBody, external_user_ids: ids.slice(0, 50) },
			{ ...startBody, external_user_ids: ids.slice(50, 100) },
			{ ...startBody, external_user_ids: ids.slice(100) },
		]);
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			app_id: 'app-ios',
			activity_id: 'match-7',
			message: 'success',
			requests: [
				{ request: 1, external_user_ids: ids.slice(0, 50) },
				{ request: 2, external_user_ids: ids.slice(50, 100) },
				{ request: 3, external_user_ids: ids.slice(100) },
			],
		});
	});

	it('Stale Date and the Notification Options go out as Braze names them', async () => {
		const result = await run({
			...start,
			externalUserIds: 'u1',
			staleDate: '2026-07-14T21:00:00Z',
			notificationOptions: { alertSound: 'whistle.caf', apnsPriority: 5, relevanceScore: 0.8 },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			...startBody,
			external_user_ids: ['u1'],
			stale_date: '2026-07-14T21:00:00.000Z',
			notification: {
				alert: { title: 'Kick-off', body: 'Lions vs Tigers has started', sound: 'whistle.caf' },
				apns_priority: 5,
				relevance_score: 0.8,
			},
		});
	});
});

describe('Live Activity › Update: the wire body', () => {
	it('content_state alone: no notification, no targeting', async () => {
		const result = await run(update);
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].path).toBe(UPDATE_PATH);
		expect(standIn.requests[0].body).toEqual({
			app_id: 'app-ios',
			activity_id: 'match-7',
			content_state: { score: '1-0', minute: 63 },
			end_activity: false,
		});
		expect(result.output[0].json).toEqual({
			app_id: 'app-ios',
			activity_id: 'match-7',
			message: 'success',
		});
	});

	it('ending it: end_activity, dismissal_date, stale_date and an alert', async () => {
		const result = await run({
			...update,
			endActivity: true,
			dismissalDate: '2026-07-14T20:00:00+02:00',
			// Without an offset: UTC, as Braze reads it.
			staleDate: '2026-07-14T21:00:00',
			notificationTitle: 'Full time',
			notificationBody: 'Lions 2-1 Tigers',
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			app_id: 'app-ios',
			activity_id: 'match-7',
			content_state: { score: '1-0', minute: 63 },
			end_activity: true,
			dismissal_date: '2026-07-14T18:00:00.000Z',
			stale_date: '2026-07-14T21:00:00.000Z',
			notification: { alert: { title: 'Full time', body: 'Lions 2-1 Tigers' } },
		});
	});

	it('priority settings: content-available without an alert, and an explicit APNs priority', async () => {
		const result = await run({
			...update,
			notificationOptions: { contentAvailable: true, apnsPriority: 10 },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.notification).toEqual({
			'content-available': true,
			apns_priority: 10,
		});
	});

	it('takes its fields from expressions, one request per item', async () => {
		const result = await runBrazeNode({
			parameters: {
				...update,
				activityId: '={{ $json.match }}',
				contentState: '={{ $json.state }}',
			} as never,
			items: [
				{ match: 'm1', state: { score: '1-0' } },
				{ match: 'm2', state: { score: '0-3' } },
			],
			credentials: standInCredentials(standIn),
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.body?.activity_id)).toEqual(['m1', 'm2']);
		expect(standIn.requests.map((request) => request.body?.content_state)).toEqual([
			{ score: '1-0' },
			{ score: '0-3' },
		]);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Checks before sending: the field and the fix, and no request', () => {
	const startCases: Array<[string, IDataObject, string | RegExp]> = [
		['no App ID', { liveActivityAppId: '={{ $json.missing }}' }, 'App ID is required'],
		['no Activity ID', { activityId: '  ' }, 'Activity ID is required'],
		[
			'no attributes type',
			{ activityAttributesType: '={{ $json.missing }}' },
			'Activity Attributes Type is required',
		],
		['blank Activity Attributes', { activityAttributes: ' ' }, 'Activity Attributes is required'],
		[
			'Activity Attributes not JSON',
			{ activityAttributes: '{home: 1' },
			'Activity Attributes is not valid JSON',
		],
		['Content State a list', { contentState: '[1, 2]' }, 'Content State must be a JSON object'],
		['Stale Date not a date', { staleDate: 'tomorrow' }, /^Stale Date must be a date/],
		['no Notification Title', { notificationTitle: '' }, 'Notification Title is required'],
		['no Notification Body', { notificationBody: '' }, 'Notification Body is required'],
		[
			'APNs Priority out of range',
			{ notificationOptions: { apnsPriority: '={{ 11 }}' } },
			/^Notification Options › APNs Priority is 11; Braze accepts 1 to 10/,
		],
		[
			'Audience JSON not JSON',
			{ externalUserIds: '', audienceMode: 'json', audienceJson: '{' },
			'Audience JSON is not valid JSON',
		],
	];

	it.each(startCases)('Start, %s', async (_name, parameters, message) => {
		const result = await run({ ...start, externalUserIds: 'u1', ...parameters });
		expect(result.error?.message).toEqual(
			typeof message === 'string' ? message : expect.stringMatching(message),
		);
		expect(String(result.error?.description)).not.toBe('');
		expect(standIn.requests).toHaveLength(0);
	});

	const targetingCases: Array<[string, IDataObject, string]> = [
		['nobody', {}, 'No one to start the Live Activity for'],
		[
			'IDs and a segment',
			{ externalUserIds: 'u1', segmentId: { mode: 'id', value: 'seg-1' } },
			'External User IDs and User Aliases cannot be combined with Segment ID on Live Activity › Start',
		],
		[
			'aliases and an audience',
			{
				userAliases: { alias: [{ aliasName: 'a', aliasLabel: 'crm_id' }] },
				audienceMode: 'json',
				audienceJson,
			},
			'External User IDs and User Aliases cannot be combined with Audience on Live Activity › Start',
		],
		[
			'a segment and an audience',
			{ segmentId: { mode: 'id', value: 'seg-1' }, audienceMode: 'json', audienceJson },
			'Segment ID and Audience cannot be combined on Live Activity › Start',
		],
	];

	it.each(targetingCases)(
		'Start, exactly one way of reaching users: %s',
		async (_n, parameters, message) => {
			const result = await run({ ...start, ...parameters });
			expect(result.error?.message).toBe(message);
			expect(String(result.error?.description)).toMatch(/Clear|Fill in/);
			expect(standIn.requests).toHaveLength(0);
		},
	);

	const updateCases: Array<[string, IDataObject, string | RegExp]> = [
		['no Content State', { contentState: '' }, 'Content State is required'],
		[
			'Dismissal Date not a date',
			{ dismissalDate: '2026-02-30T10:00:00Z' },
			/^Dismissal Date must be a date/,
		],
		[
			'End Activity not a switch',
			{ endActivity: '={{ "maybe" }}' },
			/^End Activity must be true or false/,
		],
		[
			'a Title without a Body',
			{ notificationTitle: 'Goal!' },
			'Notification Body is required to send a notification',
		],
	];

	it.each(updateCases)('Update, %s', async (_name, parameters, message) => {
		const result = await run({ ...update, ...parameters });
		expect(result.error?.message).toEqual(
			typeof message === 'string' ? message : expect.stringMatching(message),
		);
		expect(standIn.requests).toHaveLength(0);
	});
});

describe("Braze's answers", () => {
	// Braze's documented 400 of these endpoints, under "error" rather than "message".
	const formatError = {
		error:
			"\nProblem:\n  message body does not match declared format\nResolution:\n  when specifying application/json as content-type, you must pass valid application/json in the request's 'body' ",
	};

	it.each([
		['Start', { ...start, externalUserIds: 'u1' }, START_PATH],
		['Update', update, UPDATE_PATH],
	])(
		'%s: a 400 {"error": …} becomes an error with Braze\'s words',
		async (_name, parameters, path) => {
			standIn.queueFaults({
				type: 'notBraze',
				status: 400,
				contentType: 'application/json',
				body: JSON.stringify(formatError),
				path,
			});
			const result = await run(parameters);
			expect(result.error?.message).toBe(
				"Braze rejected the request (400): Problem: message body does not match declared format Resolution: when specifying application/json as content-type, you must pass valid application/json in the request's 'body'",
			);
			expect(standIn.requests).toHaveLength(1);
		},
	);

	it('with the error output: one error item carrying the same words', async () => {
		standIn.queueFaults({
			type: 'notBraze',
			status: 400,
			contentType: 'application/json',
			body: JSON.stringify({ error: 'activity_id is invalid' }),
		});
		const result = await run(update, { onError: 'continueErrorOutput' });
		expect(result.output).toEqual([]);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].json.error).toBe(
			'Braze rejected the request (400): activity_id is invalid',
		);
	});

	it.each([
		['start', { ...start, externalUserIds: 'u1' }, 'messages.live_activity.start'],
		['update', update, 'messages.live_activity.update'],
	])('403 on %s: names the permission the key lacks', async (_name, parameters, permission) => {
		await expectPermissionNamed(permission, parameters);
	});

	it('a 429 is waited out and the start is sent once more, not twice', async () => {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 1 });
		const result = await run({ ...start, externalUserIds: 'u1' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([429, 201]);
		expect(virtualTime.waits).toHaveLength(1);
	});

	it('a 500 is not resent (Braze may have started the activity)', async () => {
		standIn.queueFaults({ type: 'serverError', status: 500 });
		const result = await run({
			...start,
			externalUserIds: 'u1',
			options: { retryServerErrors: true },
		});
		expect(result.error?.message).toMatch(/the Live Activity may or may not have been started/);
		expect(standIn.requests).toHaveLength(1);
	});

	it('a redirect is not followed: one request, nothing sent elsewhere', async () => {
		standIn.queueFaults({ type: 'redirect', status: 307, location: 'http://127.0.0.2:9/x' });
		const result = await run(update);
		expect(result.error?.message).toMatch(/answered with a redirect \(307\), so nothing was sent/);
		expect(standIn.requests).toHaveLength(1);
	});
});

describe('Dry Run', () => {
	it('Start for 60 users: the two bodies as they would be sent, and nothing sent', async () => {
		const ids = users(60);
		const parameters = { ...start, externalUserIds: ids.join(',') };
		const dry = await run({ ...parameters, options: { dryRun: true } });
		expect(dry.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(0);
		expect(dry.output[0].json).toEqual({
			dry_run: true,
			method: 'POST',
			url: START_PATH,
			request_count: 2,
			requests: [
				{ body: { ...startBody, external_user_ids: ids.slice(0, 50) } },
				{ body: { ...startBody, external_user_ids: ids.slice(50) } },
			],
		});
		const wet = await run(parameters);
		expect(wet.error).toBeUndefined();
		expect(standIn.requests.map((request) => ({ body: request.body }))).toEqual(
			(dry.output[0].json as { requests: IDataObject[] }).requests,
		);
	});

	it('Update: checked like a real run (a bad field fails the dry run too)', async () => {
		const dry = await run({ ...update, contentState: '', options: { dryRun: true } });
		expect(dry.error?.message).toBe('Content State is required');
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('docs/fields.md: Live Activity', () => {
	it('lists every Live Activity field with its Braze key (npm run fields)', () => {
		const doc = readFieldDoc();
		const rows = liveActivityFieldRows();
		expect(rows.map(([, parameter]) => parameter)).toEqual(
			expect.arrayContaining([
				'liveActivityAppId',
				'contentState',
				'notificationOptions.apnsPriority',
			]),
		);
		for (const [label, parameter, key] of rows) {
			expect(key).toBeTruthy();
			expect(doc).toContain(`| ${label} | \`${parameter}\` | \`${String(key)}\` |`);
		}
	});
});
