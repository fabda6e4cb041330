import type { INodeProperties } from 'n8n-workflow';

import { Braze } from '../../../nodes/Braze/Braze.node';
import { runBrazeNode } from '../../helpers/engine';
import { smsSend } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

type Row = Record<string, unknown>;

async function send(parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) {
	return await runBrazeNode({
		parameters: { ...smsSend, broadcast: true, ...parameters } as never,
		items: items as never,
		credentials: standInCredentials(standIn),
	});
}

function form(
	filters: Row[],
	groups: Array<{ combinator?: string; filters: Row[] }> = [],
	combinator = 'AND',
) {
	return {
		audienceMode: 'form',
		audienceCombinator: combinator,
		audienceFilters: { filter: filters },
		audienceGroups: {
			group: groups.map((group) => ({
				combinator: group.combinator ?? 'OR',
				filters: { filter: group.filters },
			})),
		},
	};
}

const attribute = (
	customAttributeName: string,
	dataType: string,
	comparison: string,
	value = '',
) => ({
	filterType: 'customAttribute',
	customAttributeName,
	dataType,
	comparison,
	value,
});
const push = (comparison: string, value: string) => ({
	filterType: 'pushSubscription',
	comparison,
	value,
});
const email = (comparison: string, value: string) => ({
	filterType: 'emailSubscription',
	comparison,
	value,
});
const lastUsedApp = (comparison: string, value: string) => ({
	filterType: 'lastUsedApp',
	comparison,
	value,
});
const nestedGroup = { filterType: 'group' };

/** Sends and expects Braze (the stand-in) to accept exactly this audience. */
async function expectAudience(
	parameters: Record<string, unknown>,
	audience: unknown,
	items?: Array<Record<string, unknown>>,
) {
	const result = await send(parameters, items);
	expect(result.error).toBeUndefined();
	expect(standIn.requests).toHaveLength(1);
	expect(standIn.requests[0].status).toBe(201);
	expect(standIn.requests[0].body?.audience).toEqual(audience);
	expect(standIn.requests[0].body?.broadcast).toBe(true);
	expect(result.output[0].json.dispatch_id).toBeTruthy();
}

async function expectRefused(
	parameters: Record<string, unknown>,
	message: string,
	fix: RegExp,
	items?: Array<Record<string, unknown>>,
) {
	const result = await send(parameters, items);
	expect(result.error?.message).toBe(message);
	expect(String(result.error?.description)).toMatch(fix);
	expect(standIn.requests).toHaveLength(0);
}

// Braze's page (reference §4): {"AND": [filter, {"OR": [filter, filter]}, filter]}, filled with
// the page's own example filters.
const documentedAudience = {
	AND: [
		{
			custom_attribute: { custom_attribute_name: 'eye_color', comparison: 'equals', value: 'blue' },
		},
		{
			OR: [
				{
					custom_attribute: {
						custom_attribute_name: 'favorite_foods',
						comparison: 'includes_value',
						value: 'pizza',
					},
				},
				{
					custom_attribute: {
						custom_attribute_name: 'last_purchase_time',
						comparison: 'less_than_x_days_ago',
						value: 2,
					},
				},
			],
		},
		{ push_subscription_status: { comparison: 'is', value: 'opted_in' } },
		{ email_subscription_status: { comparison: 'is_not', value: 'subscribed' } },
		{ last_used_app: { comparison: 'after', value: '2019-07-22T13:17:55+0000' } },
	],
};

describe('Audience: form', () => {
	it("builds Braze's documented example exactly, the OR group in its place", async () => {
		await expectAudience(
			form(
				[
					attribute('eye_color', 'string', 'equals', 'blue'),
					nestedGroup,
					push('is', 'opted_in'),
					email('is_not', 'subscribed'),
					lastUsedApp('after', '2019-07-22T13:17:55+0000'),
				],
				[
					{
						combinator: 'OR',
						filters: [
							attribute('favorite_foods', 'array', 'includes_value', 'pizza'),
							attribute('last_purchase_time', 'time', 'less_than_x_days_ago', '2'),
						],
					},
				],
			),
			documentedAudience,
		);
	});

	it('builds "plan is pro, used the app after 1 June, push opted in or email subscribed"', async () => {
		await expectAudience(
			form(
				[attribute('plan', 'string', 'equals', 'pro'), lastUsedApp('after', '2026-06-01')],
				[{ combinator: 'OR', filters: [push('is', 'opted_in'), email('is', 'subscribed')] }],
			),
			{
				AND: [
					{
						custom_attribute: { custom_attribute_name: 'plan', comparison: 'equals', value: 'pro' },
					},
					{ last_used_app: { comparison: 'after', value: '2026-06-01T00:00:00Z' } },
					{
						OR: [
							{ push_subscription_status: { comparison: 'is', value: 'opted_in' } },
							{ email_subscription_status: { comparison: 'is', value: 'subscribed' } },
						],
					},
				],
			},
		);
	});

	describe('every comparison of every data type', () => {
		// [data type, comparison, typed value, value sent]; undefined: no value is sent.
		const cases: Array<[string, string, string, unknown]> = [
			['string', 'equals', 'pro', 'pro'],
			['string', 'not_equal', 'free', 'free'],
			['string', 'matches_regex', '^pro', '^pro'],
			['string', 'does_not_match_regex', '^trial', '^trial'],
			['string', 'exists', '', undefined],
			['string', 'does_not_exist', '', undefined],
			['number', 'equals', '3', 3],
			['number', 'not_equal', '-1', -1],
			['number', 'greater_than', '2.5', 2.5],
			['number', 'greater_than_or_equal_to', '10', 10],
			['number', 'less_than', '100', 100],
			['number', 'less_than_or_equal_to', '0', 0],
			['number', 'exists', '', undefined],
			['number', 'does_not_exist', '', undefined],
			['boolean', 'equals', 'true', true],
			['boolean', 'does_not_equal', 'False', false],
			['boolean', 'exists', '', undefined],
			['boolean', 'does_not_exist', '', undefined],
			['time', 'less_than_x_days_ago', '2', 2],
			['time', 'greater_than_x_days_ago', '30', 30],
			['time', 'less_than_x_days_in_the_future', '7', 7],
			['time', 'greater_than_x_days_in_the_future', '0', 0],
			['time', 'after', '2026-06-01T09:30:00Z', '2026-06-01T09:30:00Z'],
			['time', 'before', '2026-06-01', '2026-06-01T00:00:00Z'],
			['time', 'exists', '', undefined],
			['time', 'does_not_exist', '', undefined],
			['array', 'includes_value', 'pizza', 'pizza'],
			['array', 'does_not_include_value', 'kale', 'kale'],
			['array', 'exists', '', undefined],
			['array', 'does_not_exist', '', undefined],
		];
		it.each(cases)('%s %s %j', async (dataType, comparison, typed, sent) => {
			const filter: Record<string, unknown> = { custom_attribute_name: 'attr', comparison };
			if (sent !== undefined) filter.value = sent;
			await expectAudience(form([attribute('attr', dataType, comparison, typed)]), {
				AND: [{ custom_attribute: filter }],
			});
		});

		it('drops a leftover value for exists', async () => {
			await expectAudience(form([attribute('vip', 'boolean', 'exists', 'true')]), {
				AND: [{ custom_attribute: { custom_attribute_name: 'vip', comparison: 'exists' } }],
			});
		});

		const statuses: Array<[string, string, string]> = [];
		for (const type of ['push', 'email']) {
			for (const comparison of ['is', 'is_not']) {
				for (const state of ['opted_in', 'subscribed', 'unsubscribed'])
					statuses.push([type, comparison, state]);
			}
		}
		it.each(statuses)('%s subscription status %s %s', async (type, comparison, state) => {
			const row = type === 'push' ? push(comparison, state) : email(comparison, state);
			await expectAudience(form([row]), {
				AND: [{ [`${type}_subscription_status`]: { comparison, value: state } }],
			});
		});

		it.each([['after'], ['before']])('last used app %s', async (comparison) => {
			await expectAudience(form([lastUsedApp(comparison, '2026-06-01T08:00:00+0200')]), {
				AND: [{ last_used_app: { comparison, value: '2026-06-01T08:00:00+0200' } }],
			});
		});
	});

	describe('values from expressions are typed and checked', () => {
		it('takes numbers, booleans and dates from the item', async () => {
			await expectAudience(
				form([
					attribute('last_purchase_time', 'time', 'less_than_x_days_ago', '={{ $json.days }}'),
					attribute('orders', 'number', 'greater_than', '={{ $json.orders }}'),
					attribute('vip', 'boolean', 'equals', '={{ $json.vip }}'),
					attribute('plan', 'string', 'equals', '={{ $json.plan }}'),
					lastUsedApp('before', '={{ $json.seen }}'),
				]),
				{
					AND: [
						{
							custom_attribute: {
								custom_attribute_name: 'last_purchase_time',
								comparison: 'less_than_x_days_ago',
								value: 14,
							},
						},
						{
							custom_attribute: {
								custom_attribute_name: 'orders',
								comparison: 'greater_than',
								value: 5,
							},
						},
						{
							custom_attribute: { custom_attribute_name: 'vip', comparison: 'equals', value: true },
						},
						{
							custom_attribute: {
								custom_attribute_name: 'plan',
								comparison: 'equals',
								value: 'pro',
							},
						},
						{ last_used_app: { comparison: 'before', value: '2026-05-31T23:00:00Z' } },
					],
				},
				[{ days: 14, orders: 5, vip: true, plan: 'pro', seen: '2026-05-31T23:00:00Z' }],
			);
		});

		it.each([
			[
				'time',
				'less_than_x_days_ago',
				'abc',
				'the value "abc" is not a whole number of days (0 or more)',
			],
			[
				'time',
				'greater_than_x_days_ago',
				-3,
				'the value -3 is not a whole number of days (0 or more)',
			],
			[
				'time',
				'less_than_x_days_ago',
				1.5,
				'the value 1.5 is not a whole number of days (0 or more)',
			],
			['number', 'greater_than', 'ten', 'the value "ten" is not a number'],
			['boolean', 'equals', 'yes', 'the value "yes" is not true or false'],
			[
				'time',
				'after',
				'yesterday',
				'the value "yesterday" is not an ISO 8601 date-time such as 2026-06-01T00:00:00Z',
			],
			['string', 'equals', { a: 1 }, 'the value an object is not text'],
		])('%s %s refuses %j', async (dataType, comparison, given, problem) => {
			await expectRefused(
				form([attribute('a', dataType, comparison, '={{ $json.v }}')]),
				`Audience filter 1: ${problem}`,
				/compares with/,
				[{ v: given }],
			);
		});
	});

	describe('nesting', () => {
		it('places groups where Nested Group rows stand, the rest after the filters', async () => {
			await expectAudience(
				form(
					[nestedGroup, attribute('plan', 'string', 'equals', 'pro')],
					[
						{
							combinator: 'AND',
							filters: [push('is', 'opted_in'), attribute('vip', 'boolean', 'equals', 'true')],
						},
						{ combinator: 'OR', filters: [email('is', 'opted_in'), email('is', 'subscribed')] },
					],
					'OR',
				),
				{
					OR: [
						{
							AND: [
								{ push_subscription_status: { comparison: 'is', value: 'opted_in' } },
								{
									custom_attribute: {
										custom_attribute_name: 'vip',
										comparison: 'equals',
										value: true,
									},
								},
							],
						},
						{
							custom_attribute: {
								custom_attribute_name: 'plan',
								comparison: 'equals',
								value: 'pro',
							},
						},
						{
							OR: [
								{ email_subscription_status: { comparison: 'is', value: 'opted_in' } },
								{ email_subscription_status: { comparison: 'is', value: 'subscribed' } },
							],
						},
					],
				},
			);
		});

		it('accepts groups alone, without top-level filters', async () => {
			await expectAudience(form([], [{ combinator: 'OR', filters: [push('is', 'opted_in')] }]), {
				AND: [{ OR: [{ push_subscription_status: { comparison: 'is', value: 'opted_in' } }] }],
			});
		});
	});

	it('sends no audience when Audience is None', async () => {
		const result = await send({
			broadcast: false,
			externalUserIds: 'u1',
			audienceMode: 'none',
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.audience).toBeUndefined();
	});
});

describe('Audience: JSON', () => {
	it('sends the documented example as pasted', async () => {
		await expectAudience(
			{ audienceMode: 'json', audienceJson: JSON.stringify(documentedAudience, null, 2) },
			documentedAudience,
		);
	});

	it('takes an object from an expression, a single filter and deep nesting', async () => {
		const deep = {
			OR: [
				{ custom_attribute: { custom_attribute_name: 'vip', comparison: 'exists' } },
				{
					AND: [
						{ last_used_app: { comparison: 'before', value: '2026-01-01T00:00:00Z' } },
						{ OR: [{ push_subscription_status: { comparison: 'is_not', value: 'unsubscribed' } }] },
					],
				},
			],
		};
		await expectAudience({ audienceMode: 'json', audienceJson: '={{ $json.audience }}' }, deep, [
			{ audience: deep },
		]);
		standIn.reset();
		const single = { email_subscription_status: { comparison: 'is', value: 'opted_in' } };
		await expectAudience({ audienceMode: 'json', audienceJson: JSON.stringify(single) }, single);
	});

	describe('is checked like the form: a clear error and zero requests', () => {
		const json = (audience: unknown) => ({
			audienceMode: 'json',
			audienceJson: typeof audience === 'string' ? audience : JSON.stringify(audience),
		});
		const blue = {
			custom_attribute: { custom_attribute_name: 'eye_color', comparison: 'equals', value: 'blue' },
		};
		it.each<[string, unknown, string, RegExp]>([
			['empty', '', 'Audience JSON is empty', /Paste a Connected Audience object/],
			['not JSON', '{"AND": [', 'Audience JSON is not valid JSON', /brackets/],
			[
				'two keys',
				{ AND: [blue], OR: [blue] },
				'Audience must be one filter, or {"AND": [...]} / {"OR": [...]}',
				/exactly one key/,
			],
			['empty AND', { AND: [] }, 'Audience: AND holds no filters', /at least one filter/],
			[
				'empty nested group',
				{ AND: [blue, { OR: [] }] },
				'Audience group 1: OR holds no filters',
				/at least one filter/,
			],
			[
				'unknown filter',
				{ AND: [blue, { interacted_with_campaign: { campaign_id: 'c' } }] },
				'Audience filter 2: unknown filter "interacted_with_campaign"',
				/belong in a segment/,
			],
			[
				'unknown comparison',
				{ custom_attribute: { custom_attribute_name: 'a', comparison: 'contains', value: 'x' } },
				'Audience filter: comparison "contains" is not a custom attribute comparison',
				/includes_value/,
			],
			[
				'mistyped value, deep',
				{
					AND: [
						blue,
						{
							OR: [
								blue,
								{
									AND: [
										blue,
										{
											custom_attribute: {
												custom_attribute_name: 'a',
												comparison: 'greater_than',
												value: '5',
											},
										},
									],
								},
							],
						},
					],
				},
				'Audience group 1.1, filter 2: the value "5" is not a number',
				/greater_than/,
			],
			[
				'days given as a date',
				{
					AND: [
						{
							custom_attribute: {
								custom_attribute_name: 'a',
								comparison: 'less_than_x_days_ago',
								value: '2020-01-01',
							},
						},
					],
				},
				'Audience filter 1: the value "2020-01-01" is not a whole number of days (0 or more)',
				/compares with/,
			],
			[
				'missing value',
				{ AND: [{ custom_attribute: { custom_attribute_name: 'a', comparison: 'equals' } }] },
				'Audience filter 1: "equals" needs a value',
				/text, a number or true or false/,
			],
			[
				'boolean comparison with text',
				{
					AND: [
						{
							custom_attribute: {
								custom_attribute_name: 'a',
								comparison: 'does_not_equal',
								value: 'x',
							},
						},
					],
				},
				'Audience filter 1: the value "x" is not true or false',
				/does_not_equal/,
			],
			[
				'unknown field',
				{ AND: [{ custom_attribute: { name: 'a', comparison: 'exists' } }] },
				'Audience filter 1: custom_attribute has an unknown field "name"',
				/custom_attribute_name/,
			],
			[
				'bad subscription status',
				{ OR: [{ push_subscription_status: { comparison: 'is', value: 'yes' } }] },
				'Audience filter 1: "yes" is not a subscription status',
				/opted_in, subscribed, unsubscribed/,
			],
			[
				'bad last used app comparison',
				{ OR: [{ last_used_app: { comparison: 'equals', value: '2020-01-01T00:00:00Z' } }] },
				'Audience filter 1: comparison "equals" does not fit a last_used_app filter',
				/after, before/,
			],
			[
				'last used app without a date',
				{ OR: [{ last_used_app: { comparison: 'after', value: 'last week' } }] },
				'Audience filter 1: the value "last week" is not an ISO 8601 date-time such as 2026-06-01T00:00:00Z',
				/compares with/,
			],
			[
				'a date without a time',
				{ OR: [{ last_used_app: { comparison: 'after', value: '2026-06-01' } }] },
				'Audience filter 1: the value "2026-06-01" is not an ISO 8601 date-time such as 2026-06-01T00:00:00Z',
				/compares with/,
			],
			[
				'a list',
				[blue],
				'Audience must be one filter, or {"AND": [...]} / {"OR": [...]}',
				/exactly one key/,
			],
		])('%s', async (_title, audience, message, fix) => {
			await expectRefused(json(audience), message, fix);
		});
	});
});

describe('Audience: form mistakes are named by position, and nothing is sent', () => {
	it.each<[string, Record<string, unknown>, string, RegExp]>([
		[
			'comparison not fitting the data type',
			form([
				attribute('plan', 'string', 'equals', 'pro'),
				attribute('orders', 'number', 'matches_regex', '^1'),
			]),
			'Audience filter 2: comparison "matches_regex" does not fit data type Number (custom attribute "orders")',
			/A Number attribute allows: equals, not_equal, greater_than/,
		],
		[
			'boolean with not_equal',
			form([attribute('vip', 'boolean', 'not_equal', 'true')]),
			'Audience filter 1: comparison "not_equal" does not fit data type Boolean (custom attribute "vip")',
			/equals, does_not_equal, exists, does_not_exist/,
		],
		[
			'a subscription comparison on an attribute',
			form([attribute('plan', 'string', 'is', 'pro')]),
			'Audience filter 1: comparison "is" does not fit data type String (custom attribute "plan")',
			/Change the Comparison/,
		],
		[
			'missing value in a group',
			form(
				[attribute('plan', 'string', 'equals', 'pro')],
				[
					{
						filters: [
							push('is', 'opted_in'),
							email('is', 'subscribed'),
							attribute('last_purchase_time', 'time', 'less_than_x_days_ago', ''),
						],
					},
				],
			),
			'Audience group 1, filter 3: "less_than_x_days_ago" needs a value',
			/Enter a whole number of days/,
		],
		[
			'mistyped number in the second group',
			form(
				[],
				[
					{ filters: [push('is', 'opted_in')] },
					{ filters: [attribute('orders', 'number', 'less_than', 'many')] },
				],
			),
			'Audience group 2, filter 1: the value "many" is not a number',
			/Fix the Value/,
		],
		[
			'days as text',
			form([attribute('last_purchase_time', 'time', 'greater_than_x_days_ago', 'abc')]),
			'Audience filter 1: the value "abc" is not a whole number of days (0 or more)',
			/compares with a whole number of days/,
		],
		[
			'empty group',
			form([attribute('plan', 'string', 'equals', 'pro')], [{ filters: [] }]),
			'Audience group 1 has no filters',
			/Add at least one filter to the group/,
		],
		['empty form', form([]), 'Audience has no filters', /set Audience to None/],
		[
			'unknown filter type from an expression',
			form([
				attribute('plan', 'string', 'equals', 'pro'),
				{ filterType: 'interactedWithCampaign' },
			]),
			'Audience filter 2: unknown filter type "interactedWithCampaign"',
			/Choose Custom Attribute/,
		],
		[
			'a Nested Group row without a group',
			form([nestedGroup]),
			'Audience filter 1 is a Nested Group, but Nested Groups has no group 1',
			/Add a group under Nested Groups/,
		],
		[
			'a custom attribute without a name',
			form([attribute(' ', 'string', 'exists')]),
			'Audience filter 1: the custom attribute has no name',
			/Custom Attribute Name/,
		],
		[
			'a subscription status that is not one',
			form([push('is', 'yes')]),
			'Audience filter 1: "yes" is not a subscription status',
			/opted_in, subscribed, unsubscribed/,
		],
		[
			'a subscription status without a value',
			form([], [{ filters: [push('is', 'opted_in'), email('is_not', '')] }]),
			'Audience group 1, filter 2: the email subscription status needs a value',
			/opted_in, subscribed, unsubscribed/,
		],
		[
			'a subscription filter with an attribute comparison',
			form([email('equals', 'subscribed')]),
			'Audience filter 1: comparison "equals" does not fit a email subscription status filter',
			/Is or Is Not/,
		],
		[
			'last used app with an X days comparison',
			form([lastUsedApp('less_than_x_days_ago', '3')]),
			'Audience filter 1: comparison "less_than_x_days_ago" does not fit a Last Used App filter',
			/After or Before/,
		],
		[
			'last used app without a date',
			form([lastUsedApp('after', '')]),
			'Audience filter 1: "after" needs a value',
			/ISO 8601/,
		],
		[
			'a combinator that is neither AND nor OR',
			form([push('is', 'opted_in')], [], 'XOR'),
			'Audience: Audience Match must be AND or OR, but it is "XOR"',
			/Choose AND or OR/,
		],
	])('%s', async (_title, parameters, message, fix) => {
		await expectRefused(parameters, message, fix);
	});
});

describe('Audience and Broadcast (§2.1)', () => {
	it('refuses an audience-only send with Broadcast off, saying why', async () => {
		await expectRefused(
			{ ...form([push('is', 'opted_in')]), broadcast: false },
			'Broadcast must be on to message an audience',
			/every user who matches the Audience filters. Turn Broadcast on/,
		);
	});

	it('names segment and audience together when both are set', async () => {
		await expectRefused(
			{ ...form([push('is', 'opted_in')]), segmentId: 'seg-1', broadcast: false },
			'Broadcast must be on to message a segment and audience',
			/within the segment/,
		);
	});

	it('counts an audience as a target: no "No recipients" error', async () => {
		await expectAudience(form([push('is', 'opted_in')]), {
			AND: [{ push_subscription_status: { comparison: 'is', value: 'opted_in' } }],
		});
	});

	it('says in the form that an audience send needs Broadcast and falls under the broadcast rate limit', () => {
		const property = new Braze().description.properties.find(
			(candidate: INodeProperties) => candidate.name === 'audienceMode',
		);
		expect(property?.description).toMatch(/turn Broadcast on/);
		expect(property?.description).toMatch(
			/250 requests per minute, and 10 per minute for the same audience/,
		);
	});
});
