import type { IDataObject } from 'n8n-workflow';

import { runCredentialTest } from '../../../helpers/credentialTest';
import { runBrazeNode } from '../../../helpers/engine';
import { emailSend } from '../../../helpers/fixtures';
import { searchList } from '../../../helpers/loadOptions';
import type { ListSearchMethod } from '../../../helpers/loadOptions';
import { API_KEY, standInCredentials, useStandIn } from '../../../helpers/standIn';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pathsHolding } = require('../../../support/secretSearch') as {
	pathsHolding(root: unknown, secret: string): string[];
};

/**
 * Every error the package can raise, walked property by property (non-enumerable ones,
 * symbols, causes and sockets included): none may hold the API key.
 */
const standIn = useStandIn();

const OPERATIONS: Array<[string, IDataObject]> = [
	['Message › Send', { ...emailSend, externalUserIds: 'u1' }],
	[
		'Message › Schedule',
		{
			resource: 'message',
			operation: 'schedule',
			externalUserIds: 'u1',
			scheduleTime: '2099-12-01T09:00:00',
			channels: ['sms'],
			smsAppId: 'app-1',
			smsSubscriptionGroupId: 'group-1',
			smsBody: 'Sale',
		},
	],
	[
		'Campaign › Trigger',
		{ resource: 'campaign', operation: 'trigger', campaignId: 'camp-1', externalUserIds: 'u1' },
	],
	[
		'Canvas › Trigger',
		{ resource: 'canvas', operation: 'trigger', canvasId: 'canvas-1', externalUserIds: 'u1' },
	],
	...(['campaign', 'canvas'] as const).flatMap((resource): Array<[string, IDataObject]> => {
		const id = resource === 'campaign' ? { campaignId: 'camp-1' } : { canvasId: 'canvas-1' };
		// Within the node's five-year bound, so that the request goes out.
		const at = { scheduleTime: `${new Date().getUTCFullYear() + 1}-12-01T09:00:00` };
		return [
			[
				`${resource} › Schedule`,
				{ resource, operation: 'schedule', ...id, ...at, broadcast: true },
			],
			[
				`${resource} › Update Schedule`,
				{ resource, operation: 'updateSchedule', ...id, ...at, scheduleId: 's1' },
			],
			[
				`${resource} › Delete Schedule`,
				{ resource, operation: 'deleteSchedule', ...id, scheduleId: 's1' },
			],
		];
	}),
	[
		'Message › List Scheduled',
		{
			resource: 'message',
			operation: 'listScheduled',
			endTime: `${new Date().getUTCFullYear() + 1}-12-01`,
		},
	],
	['Send ID › Create', { resource: 'sendId', operation: 'create', campaignId: 'camp-1' }],
	[
		'Live Activity › Start',
		{
			resource: 'liveActivity',
			operation: 'start',
			liveActivityAppId: 'app-1',
			activityId: 'match-7',
			activityAttributesType: 'SportsActivityAttributes',
			activityAttributes: '{"homeTeam": "Lions"}',
			contentState: '{"score": "0-0"}',
			notificationTitle: 'Kick-off',
			notificationBody: 'Lions vs Tigers',
			externalUserIds: 'u1',
		},
	],
	[
		'Live Activity › Update',
		{
			resource: 'liveActivity',
			operation: 'update',
			liveActivityAppId: 'app-1',
			activityId: 'match-7',
			contentState: '{"score": "1-0"}',
		},
	],
	['User › Create or Update', { resource: 'user', operation: 'upsert', externalId: 'u1' }],
	[
		'Transactional Email › Send',
		{
			resource: 'transactional',
			operation: 'send',
			transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
			externalId: 'u1',
			duplicateProtection: 'off',
		},
	],
	[
		'Subscription Group › Set Status',
		{
			resource: 'subscriptionGroup',
			operation: 'setStatus',
			subscriptionGroupId: 'g',
			subscriptionUsers: 'u1',
		},
	],
];

type Failure = [string, () => IDataObject];
const FAILURES: Failure[] = [
	['a 500', () => ({ fault: { type: 'serverError', status: 500 } })],
	['a 401', () => ({ apiKey: ['wrong', 'key', '0123456789'].join('-') })],
	['a 404', () => ({ url: `${standIn.url}/no-such-prefix` })],
	[
		'a redirect',
		() => ({ fault: { type: 'redirect', status: 307, location: 'http://127.0.0.2:9/x' } }),
	],
	['a dropped connection', () => ({ fault: { type: 'acceptThenDrop' } })],
	['connection refused', () => ({ url: 'http://127.0.0.1:1' })],
	['a DNS failure', () => ({ url: 'https://no-such-host.invalid' })],
];

function credentialsFor(setup: IDataObject): IDataObject {
	const apiKey = (setup.apiKey as string | undefined) ?? API_KEY;
	if (setup.url) return { apiKey, instance: 'custom', customUrl: setup.url };
	return standInCredentials(standIn, apiKey);
}

describe.each(OPERATIONS)('%s', (_name, parameters) => {
	it.each(FAILURES)('%s: no error, cause or output holds the key', async (_failure, make) => {
		const setup = make();
		// A read is asked again after an unclear answer (3 tries in all): every try gets the fault.
		const tries = parameters.operation === 'listScheduled' ? 3 : 1;
		const queueFault = () => {
			for (let count = 0; count < tries; count++) standIn.queueFaults(setup.fault as IDataObject);
		};
		if (setup.fault) queueFault();
		const credentials = credentialsFor(setup);
		const key = credentials.apiKey as string;
		for (const onError of [undefined, 'continueErrorOutput'] as const) {
			const result = await runBrazeNode({
				parameters: parameters as never,
				credentials: credentials as never,
				...(onError ? { onError } : {}),
			});
			const failed = result.error ?? result.errorOutput[0]?.error ?? result.errorOutput[0]?.json;
			expect(failed).toBeDefined();
			expect(pathsHolding(result.error, key)).toEqual([]);
			expect(pathsHolding(result.errorOutput, key)).toEqual([]);
			expect(pathsHolding(result.run.data, key)).toEqual([]);
			if (setup.fault) queueFault();
		}
	});
});

const LISTS: ListSearchMethod[] = [
	'searchCampaigns',
	'searchCanvases',
	'searchSegments',
	'searchEmailTemplates',
];
const LIST_PATHS: Record<string, string> = {
	searchCampaigns: '/campaigns/list',
	searchCanvases: '/canvas/list',
	searchSegments: '/segments/list',
	searchEmailTemplates: '/templates/email/list',
};

describe.each(LISTS)('list search %s', (method) => {
	it.each(FAILURES)('%s: the error holds no key, in any property', async (_failure, make) => {
		const setup = make();
		if (setup.fault)
			standIn.queueFaults({ ...(setup.fault as IDataObject), path: LIST_PATHS[method] });
		const credentials = credentialsFor(setup);
		let caught: unknown;
		try {
			await searchList(method, credentials as never);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(Error);
		expect(pathsHolding(caught, credentials.apiKey as string)).toEqual([]);
	});
});

describe('the credential test', () => {
	it.each(FAILURES)('%s: the result holds no key', async (_failure, make) => {
		const setup = make();
		if (setup.fault) standIn.queueFaults(setup.fault as IDataObject);
		const credentials = credentialsFor(setup);
		const result = await runCredentialTest(credentials as never);
		expect(result.status).toBe('Error');
		expect(pathsHolding(result, credentials.apiKey as string)).toEqual([]);
	});
});
