import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { smsMessage, smsWire } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

/** Next year: a future Send At within the node's five-year bound. */
const YEAR = new Date().getUTCFullYear() + 1;

const aliases = { alias: [{ aliasName: 'crm-9', aliasLabel: 'crm_id' }] };
const segmentId = { __rl: true, mode: 'id', value: 'seg-vip' };
const pushOptedIn = {
	filter: [{ filterType: 'pushSubscription', comparison: 'is', value: 'opted_in' }],
};
const pushOptedInWire = {
	AND: [{ push_subscription_status: { comparison: 'is', value: 'opted_in' } }],
};

/** Every recipient control of both versions filled in: each version reads only its own. */
const everything = {
	externalUserIds: 'u1, u2',
	userAliases: aliases,
	segmentId,
	broadcast: true,
	audienceMode: 'form',
	audienceFilters: pushOptedIn,
};

async function run(
	typeVersion: number,
	parameters: IDataObject,
	items?: IDataObject[],
	onError?: 'continueErrorOutput',
) {
	return await runBrazeNode({
		parameters: { resource: 'message', operation: 'send', ...smsMessage, ...parameters } as never,
		items,
		typeVersion,
		credentials: standInCredentials(standIn),
		onError,
	});
}

const bodies = () => standIn.requests.map((request) => request.body);

describe('Message › Send: Send To (version 2), one way at a time', () => {
	it.each<[string, IDataObject]>([
		[
			'users',
			{
				external_user_ids: ['u1', 'u2'],
				user_aliases: [{ alias_name: 'crm-9', alias_label: 'crm_id' }],
				broadcast: false,
			},
		],
		[
			'usersInSegment',
			{
				external_user_ids: ['u1', 'u2'],
				user_aliases: [{ alias_name: 'crm-9', alias_label: 'crm_id' }],
				segment_id: 'seg-vip',
				broadcast: false,
			},
		],
		['segment', { segment_id: 'seg-vip', broadcast: true }],
		['audience', { audience: pushOptedInWire, broadcast: true }],
		['segmentAndAudience', { segment_id: 'seg-vip', audience: pushOptedInWire, broadcast: true }],
	])(
		'%s: sends that way’s keys only, with broadcast set from the way',
		async (sendTo, recipients) => {
			const result = await run(2, { ...everything, sendTo });
			expect(result.error).toBeUndefined();
			expect(bodies()).toEqual([{ ...recipients, messages: { sms: smsWire } }]);
		},
	);

	it('version 1 reads its five controls as before: the same settings send the same body', async () => {
		const result = await run(1, { ...everything, broadcast: false });
		expect(result.error).toBeUndefined();
		expect(bodies()).toEqual([
			{
				external_user_ids: ['u1', 'u2'],
				user_aliases: [{ alias_name: 'crm-9', alias_label: 'crm_id' }],
				segment_id: 'seg-vip',
				broadcast: false,
				audience: pushOptedInWire,
				messages: { sms: smsWire },
			},
		]);
		// A version 1 workflow knows no Send To: a leftover value changes nothing.
		standIn.reset();
		const segmentSend = await run(1, { segmentId, broadcast: true, sendTo: 'users' });
		expect(segmentSend.error).toBeUndefined();
		expect(bodies()).toEqual([
			{ segment_id: 'seg-vip', broadcast: true, messages: { sms: smsWire } },
		]);
	});

	it('version 1 keeps its rules and words: a segment without Broadcast is refused', async () => {
		const result = await run(1, { segmentId });
		expect(result.error?.message).toBe('Broadcast must be on to message a whole segment');
		expect(standIn.requests).toHaveLength(0);
	});

	it('a new node (no Send To saved) sends to Users', async () => {
		const result = await run(2, { externalUserIds: 'u1' });
		expect(result.error).toBeUndefined();
		expect(bodies()).toEqual([
			{ external_user_ids: ['u1'], broadcast: false, messages: { sms: smsWire } },
		]);
	});

	it('an expression picks the way per item, and only that way’s fields are read', async () => {
		const result = await run(2, { ...everything, sendTo: '={{ $json.way }}' }, [
			{ way: 'users' },
			{ way: 'segment' },
			{ way: 'audience' },
		]);
		expect(result.error).toBeUndefined();
		// Batch Items sends the users item in a request it could share, after the others.
		expect(bodies()).toHaveLength(3);
		expect(bodies()).toEqual(
			expect.arrayContaining([
				{
					external_user_ids: ['u1', 'u2'],
					user_aliases: [{ alias_name: 'crm-9', alias_label: 'crm_id' }],
					broadcast: false,
					messages: { sms: smsWire },
				},
				{ segment_id: 'seg-vip', broadcast: true, messages: { sms: smsWire } },
				{ audience: pushOptedInWire, broadcast: true, messages: { sms: smsWire } },
			]),
		);
	});

	it('Schedule takes the same ways: a segment broadcast at a time', async () => {
		const result = await run(2, {
			operation: 'schedule',
			sendTo: 'segment',
			segmentId,
			scheduleTime: `${YEAR}-12-01T09:00:00`,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].path).toBe('/messages/schedule/create');
		expect(bodies()).toEqual([
			{
				segment_id: 'seg-vip',
				broadcast: true,
				messages: { sms: smsWire },
				schedule: { time: `${YEAR}-12-01T09:00:00Z` },
			},
		]);
	});

	it('Schedule at version 1 sends the body it always did', async () => {
		const result = await run(1, {
			operation: 'schedule',
			externalUserIds: 'u1',
			scheduleTime: `${YEAR}-12-01T09:00:00`,
		});
		expect(result.error).toBeUndefined();
		expect(bodies()).toEqual([
			{
				external_user_ids: ['u1'],
				broadcast: false,
				messages: { sms: smsWire },
				schedule: { time: `${YEAR}-12-01T09:00:00Z` },
			},
		]);
	});

	it('Audience Filter in JSON mode sends the pasted object', async () => {
		const json = { email_subscription_status: { comparison: 'is', value: 'subscribed' } };
		const result = await run(2, {
			sendTo: 'audience',
			audienceMode: 'json',
			audienceJson: JSON.stringify(json),
		});
		expect(result.error).toBeUndefined();
		expect(bodies()).toEqual([{ audience: json, broadcast: true, messages: { sms: smsWire } }]);
	});

	describe('bad input: a sentence naming Send To or the missing part, and nothing sent', () => {
		it.each<[string, IDataObject, IDataObject[] | undefined, RegExp, RegExp]>([
			[
				'an expression giving an unknown way',
				{ ...everything, sendTo: '={{ $json.way }}' },
				[{ way: 'everyone' }],
				/^Send To is "everyone", which is not a way to send$/,
				/users \(Users\), usersInSegment \(Users in a Segment\), segment \(Segment\), audience \(Audience Filter\), segmentAndAudience \(Segment and Audience Filter\)/,
			],
			[
				'an expression giving a way’s label instead of its value',
				{ ...everything, sendTo: '={{ "Users" }}' },
				undefined,
				/^Send To is "Users", which is not a way to send$/,
				/make the expression give one of: users \(Users\)/,
			],
			[
				'an expression giving nothing',
				{ ...everything, sendTo: '={{ $json.missing }}' },
				undefined,
				/^Send To is empty, which is not a way to send$/,
				/Pick one from the list/,
			],
			[
				'an expression giving a list',
				{ ...everything, sendTo: '={{ ["users"] }}' },
				undefined,
				/^Send To is a list, which is not a way to send$/,
				/Pick one from the list/,
			],
			[
				'Users with nobody named',
				{ sendTo: 'users', externalUserIds: ' , ' },
				undefined,
				/^Send To is Users, but no user is named$/,
				/Fill in External User IDs .* or add User Aliases, or pick another way in Send To/,
			],
			[
				'Users in a Segment without a segment',
				{ sendTo: 'usersInSegment', externalUserIds: 'u1' },
				undefined,
				/^Send To is Users in a Segment, but Segment ID is empty$/,
				/Pick the segment from the list/,
			],
			[
				'Segment without a segment',
				{ sendTo: 'segment' },
				undefined,
				/^Send To is Segment, but Segment ID is empty$/,
				/By ID/,
			],
			[
				'Audience Filter without a filter',
				{ sendTo: 'audience' },
				undefined,
				/^Audience has no filters$/,
				/Add a filter under Audience Filters.*pick a way without an audience in Send To/,
			],
			[
				'Audience Filter with empty JSON',
				{ sendTo: 'segmentAndAudience', segmentId, audienceMode: 'json', audienceJson: '' },
				undefined,
				/^Audience JSON is empty$/,
				/Connected Audience object/,
			],
		])('%s', async (_name, parameters, items, message, fix) => {
			const result = await run(2, parameters, items);
			expect(result.error?.message).toMatch(message);
			expect(String(result.error?.description)).toMatch(fix);
			expect(standIn.requests).toHaveLength(0);
		});

		it('with Continue (using error output), only the item with the bad way fails', async () => {
			const result = await run(
				2,
				{ ...everything, sendTo: '={{ $json.way }}' },
				[{ way: 'segment' }, { way: 'broadcast' }],
				'continueErrorOutput',
			);
			expect(result.output).toHaveLength(1);
			expect(result.errorOutput).toHaveLength(1);
			expect(String(result.errorOutput[0].json.error)).toMatch(/Send To is "broadcast"/);
			expect(bodies()).toEqual([
				{ segment_id: 'seg-vip', broadcast: true, messages: { sms: smsWire } },
			]);
		});
	});
});
