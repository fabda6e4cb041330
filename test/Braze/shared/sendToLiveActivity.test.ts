import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// Live Activity › Start shares the recipient fields with Message › Send: at version 2 it gets
// Send To too, with the three ways its endpoint takes (exactly one; no broadcast).

const standIn = useStandIn();

const start: IDataObject = {
	resource: 'liveActivity',
	operation: 'start',
	liveActivityAppId: 'app-ios',
	activityId: 'match-7',
	activityAttributesType: 'SportsActivityAttributes',
	activityAttributes: '{"homeTeam": "Lions"}',
	contentState: '{"score": "0-0"}',
	notificationTitle: 'Kick-off',
	notificationBody: 'Lions vs Tigers has started',
};
const startBody = {
	app_id: 'app-ios',
	activity_id: 'match-7',
	activity_attributes_type: 'SportsActivityAttributes',
	activity_attributes: { homeTeam: 'Lions' },
	content_state: { score: '0-0' },
	notification: { alert: { title: 'Kick-off', body: 'Lions vs Tigers has started' } },
};

const audienceJson = { push_subscription_status: { comparison: 'is', value: 'opted_in' } };
/** Every control filled in: each version and way reads only its own. */
const everything = {
	externalUserIds: 'u1',
	userAliases: { alias: [{ aliasName: 'crm-9', aliasLabel: 'crm_id' }] },
	segmentId: { __rl: true, mode: 'id', value: 'seg-fans' },
	audienceMode: 'json',
	audienceJson: JSON.stringify(audienceJson),
};

async function run(typeVersion: number, parameters: IDataObject, items?: IDataObject[]) {
	return await runBrazeNode({
		parameters: { ...start, ...parameters } as never,
		items,
		typeVersion,
		credentials: standInCredentials(standIn),
	});
}

describe('Live Activity › Start: Send To (version 2)', () => {
	it.each<[string, IDataObject]>([
		[
			'users',
			{
				external_user_ids: ['u1'],
				user_aliases: [{ alias_name: 'crm-9', alias_label: 'crm_id' }],
			},
		],
		['segment', { segment_id: 'seg-fans' }],
		['audience', { custom_audience: audienceJson }],
	])('%s: only that way goes out, with no broadcast', async (sendTo, targeting) => {
		const result = await run(2, { ...everything, sendTo });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.body)).toEqual([
			{ ...startBody, ...targeting },
		]);
	});

	it('version 1 keeps its rule and words: named users with a segment are refused', async () => {
		const result = await run(1, everything);
		expect(result.error?.message).toBe(
			'External User IDs and User Aliases cannot be combined with Segment ID on Live Activity › Start',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it('version 1 sends a segment start as before', async () => {
		const result = await run(1, { segmentId: everything.segmentId });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({ ...startBody, segment_id: 'seg-fans' });
	});

	it("refuses a way Message has but Live Activity's endpoint does not take, naming the three", async () => {
		const result = await run(2, { ...everything, sendTo: '={{ $json.way }}' }, [
			{ way: 'usersInSegment' },
		]);
		expect(result.error?.message).toBe('Send To is "usersInSegment", which is not a way to send');
		expect(String(result.error?.description)).toMatch(
			/one of: users \(Users\), segment \(Segment\), audience \(Audience Filter\)\.$/,
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it('refuses Segment without a segment', async () => {
		const result = await run(2, { sendTo: 'segment' });
		expect(result.error?.message).toBe('Send To is Segment, but Segment ID is empty');
		expect(standIn.requests).toHaveLength(0);
	});
});
