import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function status(parameters: IDataObject, items: IDataObject[] = [{}]) {
	return await runBrazeNode({
		parameters: {
			resource: 'subscriptionGroup',
			operation: 'setStatus',
			subscriptionGroupId: 'sg-news',
			...parameters,
		} as never,
		items,
		credentials: standInCredentials(standIn),
		onError: 'continueErrorOutput',
	});
}

describe('Subscription Group › Set Status', () => {
	it('groups items into requests of at most 50 users', async () => {
		const items = Array.from({ length: 30 }, (_, index) => ({ ids: [`u${index}a`, `u${index}b`] }));
		const result = await status({ subscriptionUsers: '={{ $json.ids }}' }, items);
		expect(result.errorOutput).toHaveLength(0);
		const sizes = standIn.requests.map((request) =>
			(request.body?.subscription_groups as IDataObject[]).reduce(
				(sum, group) => sum + (group.external_ids as unknown[]).length,
				0,
			),
		);
		expect(sizes).toEqual([50, 10]);
		expect((standIn.requests[0].body?.subscription_groups as IDataObject[])[0]).toEqual({
			subscription_group_id: 'sg-news',
			subscription_state: 'subscribed',
			external_ids: ['u0a', 'u0b'],
		});
		expect(standIn.subscriptions.get('sg-news|external:u29b')).toBe('subscribed');
	});

	it('phones in E.164 with double opt-in for an SMS group', async () => {
		await status({
			subscriptionGroupId: 'sms-alerts',
			usersBy: 'phones',
			subscriptionUsers: '+1 415 555 2671; +4915112345678',
			useDoubleOptIn: true,
		});
		expect(standIn.requests[0].body).toEqual({
			subscription_groups: [
				{
					subscription_group_id: 'sms-alerts',
					subscription_state: 'subscribed',
					phones: ['+14155552671', '+4915112345678'],
					use_double_opt_in_logic: true,
				},
			],
		});
	});

	it.each([
		[
			{ subscriptionGroupId: '={{ "" }}', subscriptionUsers: 'u' },
			'Subscription Group ID is empty',
		],
		[{ subscriptionUsers: '={{ "" }}' }, 'Users is empty'],
		[{ usersBy: 'emails', subscriptionUsers: 'nope' }, /^Users: "nope" is not an email address/],
		[{ usersBy: 'phones', subscriptionUsers: '0611' }, /E\.164/],
		[
			{ subscriptionUsers: Array.from({ length: 51 }, (_, i) => `u${i}`).join(';') },
			/^Users holds 51 users/,
		],
	])('refuses %# before sending', async (parameters, message) => {
		const result = await status(parameters);
		expect(result.errorOutput[0].json.error).toEqual(
			typeof message === 'string' ? message : expect.stringMatching(message),
		);
		expect(standIn.requests).toHaveLength(0);
	});
});
