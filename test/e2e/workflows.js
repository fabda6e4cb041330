'use strict';
// Workflows used only by the end-to-end tests (the user-facing ones live in examples/).
const { NODE_TYPE } = require('../../scripts/lib/n8n');

const manual = { parameters: {}, id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };

function setRaw(name, obj, x = 200) {
	return {
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(obj), options: {} },
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [x, 0],
	};
}

function splitOut(field, x = 400) {
	return {
		parameters: { fieldToSplitOut: field, options: {} },
		id: 'split-out',
		name: 'One item per user',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [x, 0],
	};
}

/** A Set node named `name` that adds `fields` ({ name: expression }) and keeps the item's own. */
function setFields(name, fields, x = 800) {
	return {
		parameters: {
			assignments: {
				assignments: Object.entries(fields).map(([field, value], i) => ({ id: `f${i}`, name: field, value, type: 'string' })),
			},
			includeOtherFields: true,
			options: {},
		},
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [x, 0],
	};
}

function next(x = 800) {
	return setFields('Next', { dispatchId: '={{ $json.dispatch_id }}', errorText: '={{ $json.error }}' }, x);
}

/** A Braze node (Message › Send unless `params` names another); `name` when a workflow has two. */
function braze(params, { credentialId, onError, x = 600, name = 'Braze', typeVersion = 1 } = {}) {
	return {
		parameters: { resource: 'message', operation: 'send', ...params },
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: NODE_TYPE,
		typeVersion,
		position: [x, 0],
		credentials: { brazeApi: { id: credentialId, name: credentialId } },
		...(onError ? { onError } : {}),
	};
}

function chain(nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

function wf(id, name, nodes) {
	return { id, name, nodes, connections: chain(nodes), active: false, settings: { executionOrder: 'v1' }, pinData: {} };
}

const email = {
	channels: ['email'],
	emailAppId: 'app-e2e',
	emailFrom: 'E2E <e2e@example.com>',
	emailSubject: 'Hello',
	emailBody: '<p>Hello from the e2e test</p>',
	emailOptions: {},
};

const CAMPAIGN = { __rl: true, mode: 'id', value: 'cmp-sched-e2e-01' };
const CANVAS = { __rl: true, mode: 'id', value: 'cnv-sched-e2e-01' };

/** credentials: { good, forbidden, unknown } ids */
function testWorkflows(creds) {
	return {
		multiItem: wf('BrazeE2eMultiItem01', 'e2e: three items, three sends', [
			manual,
			setRaw('Users', { users: ['u-1', 'u-2', 'u-3'] }),
			splitOut('users'),
			braze({ externalUserIds: '={{ $json.users }}', ...email }, { credentialId: creds.good }),
			next(),
		]),
		// The CRM list case of Batch Items (version 2's default): 120 contacts, one welcome email.
		crmBatch: wf('BrazeE2eCrmBatch001', 'e2e: 120 CRM contacts, one welcome email, batched', [
			manual,
			setRaw('CRM contacts', { contacts: Array.from({ length: 120 }, (_, i) => `crm-contact-${i + 1}`) }),
			splitOut('contacts'),
			braze(
				{
					externalUserIds: '={{ $json.contacts }}',
					...email,
					emailSubject: 'Welcome to Acme, {{${first_name}}}!',
				},
				{ credentialId: creds.good, typeVersion: 2 },
			),
			next(),
		]),
		usersBatch: wf('BrazeE2eUsersBatch01', 'e2e: 160 users created in shared requests', [
			manual,
			setRaw('Users', { users: Array.from({ length: 160 }, (_, i) => `crm-${i + 1}`) }),
			splitOut('users'),
			{
				...braze({}, { credentialId: creds.good }),
				parameters: { resource: 'user', operation: 'upsert', externalId: '={{ $json.users }}', options: {} },
			},
			next(),
		]),
		forbidden: wf('BrazeE2eForbidden01', 'e2e: key without messages.send', [
			manual,
			braze({ externalUserIds: 'u-1', ...email }, { credentialId: creds.forbidden }),
			next(),
		]),
		unknownKey: wf('BrazeE2eBadKey0001', 'e2e: unknown key', [
			manual,
			braze({ externalUserIds: 'u-1', ...email }, { credentialId: creds.unknown }),
			next(),
		]),
		forbiddenContinue: wf('BrazeE2eForbidCof01', 'e2e: 403 with Continue On Fail', [
			manual,
			setRaw('Users', { users: ['u-1', 'u-2'] }),
			splitOut('users'),
			braze({ externalUserIds: '={{ $json.users }}', ...email }, { credentialId: creds.forbidden, onError: 'continueRegularOutput' }),
			next(),
		]),
		mixedContinue: wf('BrazeE2eMixedCof001', 'e2e: one good item, one invalid, Continue On Fail', [
			manual,
			setRaw('Users', { users: ['u-ok', ''] }),
			splitOut('users'),
			braze({ externalUserIds: '={{ $json.users }}', ...email }, { credentialId: creds.good, onError: 'continueRegularOutput' }),
			next(),
		]),
		// A campaign id without the email's message variation id: the node must stop it (Braze
		// would answer 400 Message Variant Unspecified). (An empty *required* field is caught by
		// n8n itself before the run; `n8n execute` 2.41 then only says "No active execution found".)
		invalidStops: wf('BrazeE2eInvalid0001', 'e2e: invalid send stops before sending', [
			manual,
			braze({ externalUserIds: 'u-1', ...email, options: { campaignId: 'campaign-e2e' } }, { credentialId: creds.good }),
			next(),
		]),
		// Transactional Email › Send with the automatic key, which the next node receives.
		transactional: wf('BrazeE2eTransact001', 'e2e: transactional email with duplicate protection', [
			manual,
			setRaw('Order', { customer: 'crm-contact-77', order: 'A-1001', first_name: 'Grace' }),
			{
				...braze({}, { credentialId: creds.good }),
				parameters: {
					resource: 'transactional',
					operation: 'send',
					transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
					identifyBy: 'externalId',
					externalId: '={{ $json.customer }}',
					profile: { firstName: '={{ $json.first_name }}' },
					triggerProperties: { pair: [{ key: 'order_id', value: '={{ $json.order }}' }] },
					options: {},
				},
			},
			next(),
		]),
		// Campaign › Schedule for two users, a day ahead; Delete Schedule cancels it by the
		// schedule_id Schedule output.
		campaignScheduleDelete: wf('BrazeE2eCampSched01', 'e2e: campaign Schedule, then Delete Schedule', [
			manual,
			braze(
				{
					resource: 'campaign',
					operation: 'schedule',
					campaignId: CAMPAIGN,
					externalUserIds: 'sched-user-1, sched-user-2',
					triggerProperties: { pair: [{ key: 'coupon', value: 'SPRING' }] },
					scheduleTime: '={{ $now.plus({days: 1}).toISO() }}',
					options: {},
				},
				{ credentialId: creds.good, name: 'Schedule campaign', x: 200 },
			),
			braze(
				{ resource: 'campaign', operation: 'deleteSchedule', campaignId: CAMPAIGN, scheduleId: '={{ $json.schedule_id }}', options: {} },
				{ credentialId: creds.good, name: 'Delete campaign schedule', x: 400 },
			),
		]),
		// Canvas › Schedule with a context; the schedule_id goes through a Set node to Update
		// Schedule, which moves it to the day after at 10:00 in each user's local time.
		canvasScheduleUpdate: wf('BrazeE2eCnvSched001', 'e2e: Canvas Schedule, then Update Schedule', [
			manual,
			braze(
				{
					resource: 'canvas',
					operation: 'schedule',
					canvasId: CANVAS,
					externalUserIds: 'canvas-user-1',
					context: { pair: [{ key: 'plan', value: 'gold' }] },
					scheduleTime: '={{ $now.plus({days: 1}).toISO() }}',
					options: {},
				},
				{ credentialId: creds.good, name: 'Schedule Canvas', x: 200 },
			),
			setFields('Keep schedule id', { scheduleId: '={{ $json.schedule_id }}' }, 400),
			braze(
				{
					resource: 'canvas',
					operation: 'updateSchedule',
					canvasId: CANVAS,
					scheduleId: '={{ $json.scheduleId }}',
					scheduleTime: "={{ $now.plus({days: 2}).set({hour: 10, minute: 0, second: 0, millisecond: 0}).toISO() }}",
					inLocalTime: true,
					options: {},
				},
				{ credentialId: creds.good, name: 'Move Canvas schedule', x: 600 },
			),
		]),
		// Message › List Scheduled up to five days ahead (n8n's time zone), one item per broadcast.
		listScheduled: wf('BrazeE2eListSched01', 'e2e: Message › List Scheduled', [
			manual,
			setFields('Until', { until: '={{ $now.plus({days: 5}).toISO() }}' }, 200),
			braze({ resource: 'message', operation: 'listScheduled', endTime: '={{ $json.until }}', options: {} }, { credentialId: creds.good, x: 400 }),
			setFields('Next', { broadcastId: '={{ $json.id }}' }, 600),
		]),
		// Live Activity › Start for two users, then Update ending it, named by Start's output.
		liveActivity: wf('BrazeE2eLiveAct0001', 'e2e: Live Activity Start, then Update with End Activity', [
			manual,
			braze(
				{
					resource: 'liveActivity',
					operation: 'start',
					liveActivityAppId: 'app-ios-e2e',
					activityId: 'match-e2e-7',
					activityAttributesType: 'SportsActivityAttributes',
					activityAttributes: '{"homeTeam": "Lions", "awayTeam": "Tigers"}',
					contentState: '{"score": "0-0", "minute": 0}',
					notificationTitle: 'Kick-off',
					notificationBody: 'Lions vs Tigers has started',
					externalUserIds: 'fan-1, fan-2',
					options: {},
				},
				{ credentialId: creds.good, name: 'Start live activity', x: 200 },
			),
			braze(
				{
					resource: 'liveActivity',
					operation: 'update',
					liveActivityAppId: '={{ $json.app_id }}',
					activityId: '={{ $json.activity_id }}',
					contentState: '{"score": "2-1", "minute": 90}',
					endActivity: true,
					dismissalDate: '={{ $now.plus({hours: 2}).toISO() }}',
					notificationTitle: 'Full time',
					notificationBody: 'Lions 2-1 Tigers',
					options: {},
				},
				{ credentialId: creds.good, name: 'End live activity', x: 400 },
			),
			setFields('Next', { activityId: '={{ $json.activity_id }}', message: '={{ $json.message }}' }, 600),
		]),
		// The same list with Options › Dry Run: the GET it would make, and no request.
		listScheduledDryRun: wf('BrazeE2eListSchDry1', 'e2e: Message › List Scheduled, Dry Run', [
			manual,
			setFields('Until', { until: '={{ $now.plus({days: 5}).toISO() }}' }, 200),
			braze(
				{ resource: 'message', operation: 'listScheduled', endTime: '={{ $json.until }}', options: { dryRun: true } },
				{ credentialId: creds.good, x: 400 },
			),
		]),
		// Options › Dry Run: the item is checked and the body built, but nothing reaches Braze.
		dryRunSend: wf('BrazeE2eDryRun0001', 'e2e: Send with Options › Dry Run', [
			manual,
			braze({ externalUserIds: 'u-dry-1, u-dry-2', ...email, options: { dryRun: true } }, { credentialId: creds.good }),
			next(),
		]),
	};
}

module.exports = { testWorkflows, setRaw, setFields, splitOut, manual, chain, wf, email, braze };
