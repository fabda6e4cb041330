import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

async function get(parameters: Record<string, unknown>, typeVersion = 2) {
	return await runBrazeNode({
		parameters: {
			resource: 'campaign',
			operation: 'get',
			campaignId: rl('cmp-welcome-0001'),
			...parameters,
		} as never,
		credentials: standInCredentials(standIn),
		typeVersion,
	});
}

describe('Campaign › Get', () => {
	it('GET /campaigns/details?campaign_id=…; Simplified (the default): campaign_id and nine fields', async () => {
		const result = await get({});
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/campaigns/details', { campaign_id: 'cmp-welcome-0001' }]]);
		const answer = standIn.requests[0].response;
		expect(result.output).toHaveLength(1);
		const [item] = result.output.map((output) => output.json);
		expect(Object.keys(item)).toEqual([
			'campaign_id',
			'name',
			'description',
			'channels',
			'tags',
			'enabled',
			'archived',
			'schedule_type',
			'first_sent',
			'last_sent',
		]);
		expect(item).toMatchObject({
			campaign_id: 'cmp-welcome-0001',
			name: answer.name,
			channels: ['email', 'ios_push'],
		});
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it("Raw: Braze's answer with campaign_id, without the success envelope, messages included", async () => {
		const result = await get({ output: 'raw' }, 1);
		const answer = { ...standIn.requests[0].response };
		delete answer.message;
		expect(result.output.map((item) => item.json)).toEqual([
			{ campaign_id: 'cmp-welcome-0001', ...answer },
		]);
		expect(Object.keys(result.output[0].json.messages as IDataObject)).toEqual([
			'cmp-welcome-0001-var-email',
			'cmp-welcome-0001-var-ios_push',
		]);
	});

	it('Selected Fields: the ID and the named paths', async () => {
		const result = await get({
			output: 'selected',
			outputFields: 'name, messages.cmp-welcome-0001-var-email',
		});
		expect(Object.keys(result.output[0].json)).toEqual(['campaign_id', 'name', 'messages']);
		expect(Object.keys(result.output[0].json.messages as IDataObject)).toEqual([
			'cmp-welcome-0001-var-email',
		]);
	});

	it('Options › Post-Launch Draft Version sends post_launch_draft_version=true', async () => {
		const live = await get({ output: 'raw' });
		const draft = await get({ output: 'raw', options: { postLaunchDraftVersion: true } });
		expect(standIn.requests.map((request) => request.query)).toEqual([
			{ campaign_id: 'cmp-welcome-0001' },
			{ campaign_id: 'cmp-welcome-0001', post_launch_draft_version: 'true' },
		]);
		const subject = (json: IDataObject) =>
			((json.messages as IDataObject)['cmp-welcome-0001-var-email'] as IDataObject).subject;
		expect(subject(live.output[0].json)).toBe('Welcome Series');
		expect(subject(draft.output[0].json)).toBe('Welcome Series (draft)');
		expect(draft.output[0].json.has_post_launch_draft).toBe(true);
	});

	it('By ID from the input item', async () => {
		const result = await runBrazeNode({
			parameters: {
				resource: 'campaign',
				operation: 'get',
				campaignId: rl('={{ $json.campaign }}', 'id'),
			} as never,
			credentials: standInCredentials(standIn),
			typeVersion: 2,
			items: [{ campaign: 'cmp-order-0002' }],
		});
		expect(result.output[0].json).toMatchObject({
			campaign_id: 'cmp-order-0002',
			name: 'Order Shipped',
		});
	});

	it('refuses before calling Braze: no campaign, an ID that is not one, Fields empty with Selected Fields', async () => {
		const none = await get({ campaignId: rl('={{ "" }}', 'id') });
		expect(none.error?.message).toBe('Campaign ID is required');
		const bad = await get({ campaignId: rl('Welcome Series', 'id') });
		expect(bad.error?.message).toBe('Campaign ID "Welcome Series" is not a Braze API identifier');
		const fields = await get({ output: 'selected', outputFields: ' ' });
		expect(fields.error?.message).toBe('Fields is empty while Output is Selected Fields');
		expect(standIn.requests).toHaveLength(0);
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await get({});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([503, 200]);
	});

	it('403: names the campaigns.details permission', async () => {
		await expectPermissionNamed('campaigns.details', {
			resource: 'campaign',
			operation: 'get',
			campaignId: rl('cmp-welcome-0001'),
		});
	});
});
