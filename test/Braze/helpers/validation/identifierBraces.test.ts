import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../../helpers/engine';
import { standInCredentials, useStandIn } from '../../../helpers/standIn';

// Issue 20 § 2: `{{ $json.id ` typed into External ID in Fixed mode was sent as written for
// every item, and wrote every row into one profile. An identifier that still holds expression
// braces is refused before anything is sent, with a sentence that says what happened.

const standIn = useStandIn();

const TYPED = '{{ $json.id ';
const SENTENCE = 'it looks like an expression typed as fixed text';
const contacts = [{ id: 'crm-1' }, { id: 'crm-2' }, { id: 'crm-3' }];

async function run(parameters: IDataObject, extra: IDataObject = {}) {
	return await runBrazeNode({
		parameters: parameters as never,
		items: contacts,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

const UPSERT = { resource: 'user', operation: 'upsert', externalId: TYPED };

describe('an identifier typed as fixed text with expression braces', () => {
	it('Create or Update: 3 items with External ID "{{ $json.id " are refused, nothing is sent', async () => {
		const result = await run(UPSERT);
		expect(result.error?.message).toBe(`External ID contains "{{": ${SENTENCE}`);
		expect(result.error?.description).toMatch(
			/^Switch the field to Expression \(or remove the braces\)\./,
		);
		expect(standIn.requests).toHaveLength(0);
		expect(standIn.profiles.size).toBe(0);
	});

	it('with Continue On Fail every item fails on its own, and still nothing is sent', async () => {
		const result = await run(UPSERT, { onError: 'continueRegularOutput' });
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(3);
		for (const item of result.output) expect(String(item.json.error)).toContain(SENTENCE);
		expect(standIn.requests).toHaveLength(0);
	});

	it('the same field as an expression writes each item to its own profile', async () => {
		const result = await run({ ...UPSERT, externalId: '={{ $json.id }}' });
		expect(result.error).toBeUndefined();
		expect([...standIn.profiles.keys()].sort()).toEqual([
			'external:crm-1',
			'external:crm-2',
			'external:crm-3',
		]);
	});

	// Each kind of identifier, in each place one enters a body: the message names the field and
	// says the expression was typed as fixed text (emails and phones were refused before, but as
	// "not an email address", which does not say what to do).
	const sendTo = { resource: 'message', operation: 'send', channels: ['webhook'] };
	const webhook = { webhookUrl: 'https://example.com/hook' };
	const aliasRow = (aliasName: string, aliasLabel: string) => ({
		userAliases: { alias: [{ aliasName, aliasLabel }] },
	});
	it.each<[string, IDataObject, string]>([
		[
			'User › Track Event',
			{ resource: 'user', operation: 'trackEvent', externalId: TYPED, eventName: 'e' },
			'External ID',
		],
		[
			'User › Create or Update by alias',
			{
				resource: 'user',
				operation: 'upsert',
				identifyBy: 'userAlias',
				aliasName: 'lead }}',
				aliasLabel: 'crm',
			},
			'Alias Name',
		],
		[
			'User › Create or Update by email',
			{ resource: 'user', operation: 'upsert', identifyBy: 'email', email: '{{ $json.email }}' },
			'Email',
		],
		[
			'User › Track Purchase by phone',
			{
				resource: 'user',
				operation: 'trackPurchase',
				identifyBy: 'phone',
				phone: '{{ $json.phone }}',
				productId: 'p',
				currency: 'USD',
				price: 1,
			},
			'Phone',
		],
		[
			'User › Delete by Braze ID',
			{
				resource: 'user',
				operation: 'delete',
				confirmDelete: true,
				identifyBy: 'brazeId',
				brazeId: TYPED,
			},
			'Braze ID',
		],
		[
			'User › Identify',
			{
				resource: 'user',
				operation: 'identify',
				identifyExternalId: TYPED,
				newAliasName: 'a',
				newAliasLabel: 'l',
			},
			'External ID',
		],
		[
			'User › Add Alias',
			{
				resource: 'user',
				operation: 'addAlias',
				newAliasName: '{{ $json.lead }}',
				newAliasLabel: 'l',
			},
			'Alias Name',
		],
		[
			'Subscription Group › Set Status by email',
			{
				resource: 'subscriptionGroup',
				operation: 'setStatus',
				subscriptionGroupId: 'g-1',
				usersBy: 'emails',
				subscriptionUsers: '{{ $json.email }}',
			},
			'Users',
		],
		[
			'Transactional Email › Send',
			{
				resource: 'transactional',
				operation: 'send',
				transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-1' },
				externalId: TYPED,
			},
			'External ID',
		],
		[
			'Message › Send, External User IDs',
			{ ...sendTo, ...webhook, externalUserIds: 'u1, {{ $json.id }}' },
			'External User IDs: entry 2',
		],
		[
			'Message › Send, User Aliases',
			{ ...sendTo, ...webhook, ...aliasRow('a', '{{ $json.label }}') },
			'User alias 1: Alias Label',
		],
		[
			'Campaign › Trigger recipient',
			{
				resource: 'campaign',
				operation: 'trigger',
				campaignId: 'cmp-1',
				recipients: { recipient: [{ externalUserId: TYPED }] },
			},
			'Recipient 1: External User ID',
		],
		[
			'Canvas › Trigger recipient by email',
			{
				resource: 'canvas',
				operation: 'trigger',
				canvasId: 'cnv-1',
				recipients: {
					recipient: [
						{ identifyBy: 'email', email: '{{ $json.email }}', prioritization: ['identified'] },
					],
				},
			},
			'Recipient 1: Email',
		],
	])('%s', async (_place, parameters, field) => {
		const result = await run(parameters);
		expect(result.error?.message).toMatch(
			new RegExp(
				`^${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*contains "(\\{\\{|\\}\\})": ${SENTENCE}$`,
			),
		);
		expect(standIn.requests).toHaveLength(0);
	});
});
