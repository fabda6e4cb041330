import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';
import { EXPORT, userGetHarness } from './getSupport';

// User › Get (POST /users/export/ids) through n8n's engine against the stand-in: what went over
// the wire, and what each item gets back.

const standIn = useStandIn();
const { profile, contact, get, exportRequests } = userGetHarness(standIn);
const byId = { externalId: '={{ $json.id }}' };

describe('User › Get: one item', () => {
	it('sends the external ID with Fields to Export (the defaults, IDs included) and outputs the user, simplified', async () => {
		contact(1);
		const result = await get({ externalId: 'crm-1' });
		expect(result.error).toBeUndefined();
		expect(exportRequests()).toHaveLength(1);
		expect(exportRequests()[0].body).toEqual({
			external_ids: ['crm-1'],
			fields_to_export: [
				'braze_id',
				'country',
				'custom_attributes',
				'email',
				'email_subscribe',
				'external_id',
				'first_name',
				'language',
				'last_name',
				'phone',
				'push_subscribe',
				'time_zone',
				'user_aliases',
			],
		});
		expect(result.output).toHaveLength(1);
		const [{ json, pairedItem }] = result.output;
		expect(pairedItem).toEqual({ item: 0 });
		expect(json).toEqual({
			found: true,
			external_id: 'crm-1',
			braze_id: expect.any(String),
			email: 'user1@example.com',
			first_name: 'Name1',
			email_subscribe: 'opted_in',
			custom_attributes: { plan: 'pro' },
		});
	});

	it('version 2 gives the same output (Output, not Simplify, shapes it)', async () => {
		contact(1);
		const result = await get({ externalId: 'crm-1' }, [{}], { typeVersion: 2 });
		expect(result.error).toBeUndefined();
		expect(result.output[0].json).toMatchObject({ found: true, first_name: 'Name1' });
		expect(result.output[0].json).not.toHaveProperty('request');
	});
});

describe('User › Get: items share requests', () => {
	it('120 items by external ID make 3 requests of 50, 50 and 20; each item gets its own user', async () => {
		for (let index = 0; index < 120; index++) contact(index);
		const items = Array.from({ length: 120 }, (_, index) => ({ id: `crm-${index}` }));
		const result = await get(byId, items);
		expect(result.error).toBeUndefined();
		expect(
			exportRequests().map((request) => (request.body?.external_ids as string[]).length),
		).toEqual([50, 50, 20]);
		expect(exportRequests().every((request) => request.status === 200)).toBe(true);
		expect(result.output).toHaveLength(120);
		result.output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.external_id).toBe(`crm-${index}`);
			expect(item.json.first_name).toBe(`Name${index}`);
		});
	});

	it('two items asking for the same user both get it; an unknown one beside them gets nobody else', async () => {
		contact(1);
		const items = [{ id: 'crm-1' }, { id: 'crm-404' }, { id: 'crm-1' }];
		const result = await get({ ...byId, options: { ifNotFound: 'returnNotFound' } }, items);
		expect(result.error).toBeUndefined();
		expect(exportRequests()).toHaveLength(1);
		expect(result.output.map((item) => [item.json.found, item.json.external_id])).toEqual([
			[true, 'crm-1'],
			[false, 'crm-404'],
			[true, 'crm-1'],
		]);
	});

	it('Options › Lookups per Request 1: one request per item', async () => {
		for (let index = 0; index < 3; index++) contact(index);
		const items = [0, 1, 2].map((index) => ({ id: `crm-${index}` }));
		const result = await get({ ...byId, options: { lookupsPerRequest: 1 } }, items);
		expect(result.error).toBeUndefined();
		expect(exportRequests().map((request) => request.body?.external_ids)).toEqual([
			['crm-0'],
			['crm-1'],
			['crm-2'],
		]);
	});

	it('items whose Fields to Export differ never share a request', async () => {
		for (let index = 0; index < 4; index++) contact(index);
		const items = [
			{ id: 'crm-0', fields: ['first_name'] },
			{ id: 'crm-1', fields: ['email'] },
			{ id: 'crm-2', fields: ['first_name'] },
			{ id: 'crm-3', fields: 'email' },
		];
		const result = await get({ ...byId, fieldsToExport: '={{ $json.fields }}' }, items);
		expect(result.error).toBeUndefined();
		expect(
			exportRequests().map((request) => [
				request.body?.external_ids,
				request.body?.fields_to_export,
			]),
		).toEqual([
			[
				['crm-0', 'crm-2'],
				['braze_id', 'external_id', 'first_name', 'user_aliases'],
			],
			[
				['crm-1', 'crm-3'],
				['braze_id', 'email', 'external_id', 'user_aliases'],
			],
		]);
		expect(result.output.map((item) => item.json.first_name ?? item.json.email)).toEqual([
			'Name0',
			'user1@example.com',
			'Name2',
			'user3@example.com',
		]);
	});

	it('by User Alias: the aliases share a request, and each item gets the user with its alias', async () => {
		profile('alias:crm_lead_id:lead-1', { first_name: 'Lead One' });
		profile(
			'external:crm-9',
			{ external_id: 'crm-9', first_name: 'Nine' },
			{
				aliases: [{ alias_name: 'lead-9', alias_label: 'crm_lead_id' }],
			},
		);
		const result = await get(
			{ identifyBy: 'userAlias', aliasName: '={{ $json.lead }}', aliasLabel: 'crm_lead_id' },
			[{ lead: 'lead-9' }, { lead: 'lead-1' }],
		);
		expect(result.error).toBeUndefined();
		expect(exportRequests()).toHaveLength(1);
		expect(exportRequests()[0].body?.user_aliases).toEqual([
			{ alias_name: 'lead-9', alias_label: 'crm_lead_id' },
			{ alias_name: 'lead-1', alias_label: 'crm_lead_id' },
		]);
		expect(result.output.map((item) => [item.pairedItem, item.json.first_name])).toEqual([
			[{ item: 0 }, 'Nine'],
			[{ item: 1 }, 'Lead One'],
		]);
		expect(result.output[0].json.external_id).toBe('crm-9');
	});
});

describe('User › Get: a user Braze does not know', () => {
	const items = ['crm-1', 'crm-404', 'crm-3', 'crm-405'].map((id) => ({ id }));
	beforeEach(() => {
		contact(1);
		contact(3);
	});

	it('fails only its own item (Continue On Fail), naming the ID; the others get their users', async () => {
		const result = await get(byId, items, { onError: 'continueRegularOutput' });
		expect(result.error).toBeUndefined();
		expect(exportRequests()).toHaveLength(1);
		expect(exportRequests()[0].response.invalid_user_ids).toEqual(['crm-404', 'crm-405']);
		expect(result.output.map((item) => item.json.external_id ?? item.json.error)).toEqual([
			'crm-1',
			'No Braze user has the external ID "crm-404"',
			'crm-3',
			'No Braze user has the external ID "crm-405"',
		]);
		expect(result.output.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
	});

	it('goes to the error output with On Error › Continue (using error output)', async () => {
		const result = await get(byId, items, { onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.output.map((item) => item.json.external_id)).toEqual(['crm-1', 'crm-3']);
		// n8n's routing links error items to no input item; the error names the identifier.
		expect(result.errorOutput.map((item) => item.json.error)).toEqual([
			'No Braze user has the external ID "crm-404"',
			'No Braze user has the external ID "crm-405"',
		]);
	});

	it('stops the run with Stop on Error, with the fix and no list of "sent" items', async () => {
		const result = await get(byId, items);
		expect(result.error?.message).toBe('No Braze user has the external ID "crm-404"');
		expect(String(result.error?.description)).toMatch(/If Not Found to Return Found: False/);
		expect(String(result.error?.description)).not.toMatch(/sent/i);
	});

	it('Options › If Not Found › Return Found: False outputs found: false and what the item asked for', async () => {
		const result = await get({ ...byId, options: { ifNotFound: 'returnNotFound' } }, items);
		expect(result.error).toBeUndefined();
		expect(result.output.map((item) => [item.json.found, item.json.external_id])).toEqual([
			[true, 'crm-1'],
			[false, 'crm-404'],
			[true, 'crm-3'],
			[false, 'crm-405'],
		]);
		expect(result.output[1].json).toEqual({ found: false, external_id: 'crm-404' });
	});

	it('an unknown alias says which alias', async () => {
		const result = await get({
			identifyBy: 'userAlias',
			aliasName: 'lead-0',
			aliasLabel: 'crm_lead_id',
			options: { ifNotFound: 'returnNotFound' },
		});
		expect(result.output[0].json).toEqual({
			found: false,
			user_aliases: [{ alias_name: 'lead-0', alias_label: 'crm_lead_id' }],
		});
		const failed = await get({
			identifyBy: 'userAlias',
			aliasName: 'lead-0',
			aliasLabel: 'crm_lead_id',
		});
		expect(failed.error?.message).toBe(
			'No Braze user has the alias "lead-0" (label "crm_lead_id")',
		);
	});
});

describe('User › Get by Braze ID, email or phone: one request per item', () => {
	it('by email: email_address alone in each request; every profile with the address is output on its item', async () => {
		profile('external:crm-a', {
			external_id: 'crm-a',
			email: 'shared@example.com',
			first_name: 'A',
		});
		profile('external:crm-b', {
			external_id: 'crm-b',
			email: 'shared@example.com',
			first_name: 'B',
		});
		profile('email:solo@example.com', { email: 'solo@example.com', first_name: 'Solo' });
		const result = await get({ identifyBy: 'email', email: '={{ $json.email }}' }, [
			{ email: 'shared@example.com' },
			{ email: ' solo@example.com ' },
		]);
		expect(result.error).toBeUndefined();
		expect(exportRequests().map((request) => request.body)).toEqual([
			{ email_address: 'shared@example.com', fields_to_export: expect.any(Array) },
			{ email_address: 'solo@example.com', fields_to_export: expect.any(Array) },
		]);
		expect(result.output.map((item) => [item.pairedItem, item.json.first_name])).toEqual([
			[{ item: 0 }, 'A'],
			[{ item: 0 }, 'B'],
			[{ item: 1 }, 'Solo'],
		]);
	});

	it('by phone: the number in E.164; by Braze ID: braze_id alone', async () => {
		profile('external:crm-p', { external_id: 'crm-p', phone: '+14155552671', first_name: 'Pat' });
		const byPhone = await get({ identifyBy: 'phone', phone: '+1 (415) 555-2671' });
		expect(byPhone.error).toBeUndefined();
		expect(exportRequests()[0].body?.phone).toBe('+14155552671');
		const brazeId = byPhone.output[0].json.braze_id as string;
		expect(brazeId).toEqual(expect.any(String));
		standIn.requests.length = 0;
		const byBrazeId = await get({ identifyBy: 'brazeId', brazeId });
		expect(exportRequests()[0].body).toEqual({
			braze_id: brazeId,
			fields_to_export: expect.any(Array),
		});
		expect(byBrazeId.output[0].json).toMatchObject({ found: true, first_name: 'Pat' });
	});

	it('an unknown email address is not found, on its own item', async () => {
		const result = await get({ identifyBy: 'email', email: 'nobody@example.com' });
		expect(result.error?.message).toBe('No Braze user has the email address "nobody@example.com"');
		expect(exportRequests()[0].response.invalid_user_ids).toEqual(['nobody@example.com']);
	});
});

describe('User › Get: bad input is refused before any request', () => {
	it.each<[string, IDataObject, string | RegExp]>([
		[
			'an unknown field to export',
			{ externalId: 'crm-1', fieldsToExport: '={{ ["first_name", "frist_name"] }}' },
			'Fields to Export: "frist_name" is not a field Braze exports',
		],
		[
			'one custom attribute alone',
			{ externalId: 'crm-1', fieldsToExport: 'first_name, custom_attributes.plan' },
			'Fields to Export: "custom_attributes.plan" cannot be exported alone',
		],
		['an empty external ID', { externalId: '={{ $json.empty }}' }, 'External ID is empty'],
		['an external ID left as typed braces', { externalId: '{{ $json.id }}' }, /External ID/],
		[
			'an empty alias name',
			{ identifyBy: 'userAlias', aliasName: '={{ $json.empty }}', aliasLabel: 'crm_lead_id' },
			'Alias Name is empty',
		],
		[
			'a malformed email address',
			{ identifyBy: 'email', email: 'Ada <ada@example>' },
			'Email: "Ada <ada@example>" is not an email address',
		],
		[
			'a malformed phone number',
			{ identifyBy: 'phone', phone: '0415 555' },
			'Phone: "0415 555" is not a phone number in E.164 form',
		],
		[
			'an empty Braze ID',
			{ identifyBy: 'brazeId', brazeId: '={{ $json.empty }}' },
			'Braze ID is empty',
		],
		[
			'If Not Found from an expression outside the list',
			{ externalId: 'crm-1', options: { ifNotFound: '={{ "skip" }}' } },
			'Options › If Not Found cannot be "skip"',
		],
	])('%s', async (_name, parameters, message) => {
		// An empty field typed in fails n8n's own required check; an expression can still give one.
		const result = await get(parameters, [{ empty: '' }]);
		expect(result.error?.message).toEqual(
			typeof message === 'string' ? message : expect.stringMatching(message),
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it('the fix names the way out: "Look Up By" for an empty identifier', async () => {
		const result = await get({ externalId: '={{ $json.empty }}' }, [{ empty: '' }]);
		expect(result.error?.description).toBe(
			'Fill in "External ID", or pick another way in "Look Up By".',
		);
	});

	it('field labels as the list shows them are taken ("First Name"), in Braze\'s words', async () => {
		contact(1);
		const result = await get({ externalId: 'crm-1', fieldsToExport: '={{ "First Name, Email" }}' });
		expect(result.error).toBeUndefined();
		expect(exportRequests()[0].body?.fields_to_export).toEqual([
			'braze_id',
			'email',
			'external_id',
			'first_name',
			'user_aliases',
		]);
	});
});

describe('User › Get: Output', () => {
	beforeEach(() =>
		profile('external:crm-1', {
			external_id: 'crm-1',
			first_name: 'Ada',
			country: 'GB',
			language: 'en',
			plan: 'pro',
			seats: 3,
		}),
	);

	it('Raw: everything Braze returned', async () => {
		const result = await get({ externalId: 'crm-1', output: 'raw' });
		expect(result.output[0].json).toEqual({
			found: true,
			external_id: 'crm-1',
			braze_id: expect.any(String),
			first_name: 'Ada',
			country: 'GB',
			language: 'en',
			custom_attributes: { plan: 'pro', seats: 3 },
		});
	});

	it('Selected Fields: the IDs, found, and the fields named (a dot reaches into custom attributes)', async () => {
		const result = await get({
			externalId: 'crm-1',
			output: 'selected',
			outputFields: 'country, custom_attributes.plan',
		});
		expect(result.output[0].json).toEqual({
			found: true,
			external_id: 'crm-1',
			braze_id: expect.any(String),
			country: 'GB',
			custom_attributes: { plan: 'pro' },
		});
	});
});

describe('User › Get: Dry Run', () => {
	it('shows each item its planned shared request, and sends nothing', async () => {
		const result = await get({ ...byId, options: { dryRun: true } }, [{ id: 'a' }, { id: 'b' }]);
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(0);
		expect(result.output).toHaveLength(2);
		expect(result.output[1].json).toMatchObject({
			dry_run: true,
			method: 'POST',
			url: EXPORT,
			request_count: 1,
			requests: [{ body: { external_ids: ['a', 'b'], fields_to_export: expect.any(Array) } }],
			request: { number: 1, of: 1, items: [0, 1] },
			note: expect.stringMatching(/share requests of up to 50 users/),
		});
	});

	it('an email lookup shows its own request', async () => {
		const result = await get({
			identifyBy: 'email',
			email: 'ada@example.com',
			options: { dryRun: true },
		});
		expect(standIn.requests).toHaveLength(0);
		expect(result.output[0].json).toMatchObject({
			dry_run: true,
			request_count: 1,
			requests: [{ body: { email_address: 'ada@example.com' } }],
		});
	});
});

describe('User › Get: permission', () => {
	it('a key without users.export.ids is told which permission it lacks', async () => {
		const result = await runBrazeNode({
			parameters: { resource: 'user', operation: 'get', externalId: 'crm-1' } as never,
			credentials: standInCredentials(standIn, 'users-only-key'),
		});
		expect(result.error?.message).toBe(
			'The Braze API key lacks the users.export.ids permission (403)',
		);
	});
});
