import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

const contacts = (count: number, prefix = 'crm-') =>
	Array.from({ length: count }, (_, index) => ({
		id: `${prefix}${index + 1}`,
		email: `user${index + 1}@example.com`,
		first: `Name${index + 1}`,
	}));

async function upsert(
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	extra: IDataObject = {},
) {
	return await runBrazeNode({
		parameters: { resource: 'user', operation: 'upsert', ...parameters } as never,
		items,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

const fromItem = {
	externalId: '={{ $json.id }}',
	profile: { email: '={{ $json.email }}', firstName: '={{ $json.first }}' },
};

describe('User › Create or Update', () => {
	it('sends one attributes object: identifier, update mode, profile fields; outputs the user', async () => {
		const result = await upsert({
			externalId: 'crm-7',
			profile: {
				email: ' lin@example.com ',
				firstName: 'Lin',
				country: 'de',
				language: 'EN',
				timeZone: 'Europe/Berlin',
				dob: '1980-12-21',
				phone: '+49 30 1234567',
				gender: 'F',
				emailSubscribe: 'opted_in',
			},
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].path).toBe('/users/track');
		expect(standIn.requests[0].body).toEqual({
			attributes: [
				{
					external_id: 'crm-7',
					_update_existing_only: false,
					email: 'lin@example.com',
					first_name: 'Lin',
					country: 'DE',
					language: 'en',
					time_zone: 'Europe/Berlin',
					dob: '1980-12-21',
					phone: '+49301234567',
					gender: 'F',
					email_subscribe: 'opted_in',
				},
			],
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			message: 'success',
			external_id: 'crm-7',
			processed: true,
			request: { number: 1, of: 1, items: 1, attributes_processed: 1 },
		});
		expect(standIn.profiles.get('external:crm-7')?.attributes.first_name).toBe('Lin');
	});

	it('1,000 items make 14 requests of at most 75, each user once, one output per item in order', async () => {
		const items = contacts(1000);
		const result = await upsert(fromItem, items);
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => (request.body?.attributes as unknown[]).length),
		).toEqual([...Array<number>(13).fill(75), 25]);
		const sent = standIn.requests.flatMap((request) =>
			(request.body?.attributes as IDataObject[]).map((object) => object.external_id),
		);
		expect(sent).toEqual(items.map((item) => item.id));
		expect(standIn.profiles.size).toBe(1000);
		expect(result.output).toHaveLength(1000);
		expect(result.output.map((item) => item.pairedItem)).toEqual(
			items.map((_, index) => ({ item: index })),
		);
		expect(result.output.map((item) => item.json.external_id)).toEqual(
			items.map((item) => item.id),
		);
		expect(result.output[999].json.request).toEqual({
			number: 14,
			of: 14,
			items: 25,
			attributes_processed: 25,
		});
	});

	it('Options › Objects per Request lowers the batch size (50 for MAU plans)', async () => {
		standIn.setUsersTrackCap('mau');
		const result = await upsert({ ...fromItem, options: { objectsPerRequest: 50 } }, contacts(120));
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => (request.body?.attributes as unknown[]).length),
		).toEqual([50, 50, 20]);
	});

	it("maps Braze's per-object errors back to their item; the others are processed", async () => {
		const items = [{ id: 'ok-1' }, { id: 'blocked-2' }, { id: 'ok-3' }];
		const result = await upsert({ externalId: '={{ $json.id }}' }, items);
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(result.output.map((item) => item.json.processed)).toEqual([true, false, true]);
		expect(result.output[1].json.errors).toEqual([
			{
				type: 'provided external_id is blacklisted and disallowed',
				input_array: 'attributes',
				index: 1,
			},
		]);
		expect(result.output[0].json.errors).toBeUndefined();
		expect(result.output[0].json.request).toEqual({
			number: 1,
			of: 1,
			items: 3,
			attributes_processed: 2,
		});
	});

	it('a fatal answer fails exactly the items of that request (Continue On Fail: one error item each)', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const items = contacts(160);
		const result = await upsert(fromItem, items, { onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(3);
		expect(result.output).toHaveLength(85);
		expect(result.errorOutput).toHaveLength(75);
		// n8n's routing links error items to no input item; the successful ones are linked.
		expect(result.output.map((item) => item.pairedItem)).toEqual(
			items.map((_, item) => ({ item })).filter(({ item }) => item < 75 || item >= 150),
		);
		expect(result.errorOutput[0].json.error).toMatch(/may or may not/);
	});

	it('Stop on Error: the requests after a failed one are not sent, and the error lists what was sent', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const result = await upsert(fromItem, contacts(200));
		expect(result.error).toBeDefined();
		expect(standIn.requests).toHaveLength(2);
		expect(String(result.error?.description)).toContain('Already sent in this run');
	});

	it('Retry On Fail never sends a user twice: confirmed requests replayed, uncertain ones reported, held-back ones sent', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const result = await upsert(fromItem, contacts(160), {
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
		});
		expect(result.error).toBeDefined();
		// Try 1: request 1 confirmed, request 2 answered 500 (may have been processed), request 3 held
		// back. Try 2: request 1's items are replayed, request 2's reported, request 3 sent.
		expect(standIn.requests).toHaveLength(3);
		expect(
			(standIn.requests[2].body?.attributes as IDataObject[]).map((object) => object.external_id),
		).toEqual(
			contacts(160)
				.slice(150)
				.map((contact) => contact.id),
		);
		expect(result.error?.message).toBe(
			'This item may or may not have reached Braze in an earlier try of this node: it is not sent again',
		);
		const sent = standIn
			.accepted()
			.flatMap((request) =>
				(request.body?.attributes as IDataObject[]).map((object) => object.external_id),
			);
		expect(new Set(sent).size).toBe(sent.length);
	});

	it('a 429 is waited out and the request sent again: every user once', async () => {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 0 });
		const result = await upsert(fromItem, contacts(80));
		expect(result.error).toBeUndefined();
		const accepted = standIn
			.accepted()
			.flatMap((request) => request.body?.attributes as IDataObject[]);
		expect(accepted.map((object) => object.external_id)).toEqual(
			contacts(80).map((contact) => contact.id),
		);
	});

	it('custom attributes by type, nested JSON and subscription groups', async () => {
		const result = await upsert({
			externalId: 'crm-1',
			subscriptionGroups: { group: [{ id: 'sg-news', state: 'subscribed' }] },
			customAttributes: {
				attribute: [
					{ name: 'tier', type: 'text', value: 'gold' },
					{ name: 'score', type: 'number', value: '9.5' },
					{ name: 'vip', type: 'boolean', value: 'true' },
					{ name: 'renewal', type: 'date', value: '2026-12-01' },
					{ name: 'visits', type: 'inc', value: '1' },
					{ name: 'tags', type: 'array', value: 'a, b' },
					{ name: 'pets', type: 'add', value: '["dog"]' },
					{ name: 'old', type: 'remove', value: 'x' },
					{ name: 'legacy', type: 'unset', value: '' },
				],
			},
			nestedAttributes: '{"car": {"make": "Volvo", "bought": {"$time": "2020-01-01T00:00:00Z"}}}',
			mergeObjects: true,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			attributes: [
				{
					external_id: 'crm-1',
					_update_existing_only: false,
					subscription_groups: [
						{ subscription_group_id: 'sg-news', subscription_state: 'subscribed' },
					],
					tier: 'gold',
					score: 9.5,
					vip: true,
					renewal: '2026-12-01T00:00:00.000Z',
					visits: { inc: 1 },
					tags: ['a', 'b'],
					pets: { add: ['dog'] },
					old: { remove: ['x'] },
					legacy: null,
					car: { make: 'Volvo', bought: { $time: '2020-01-01T00:00:00Z' } },
					_merge_objects: true,
				},
			],
		});
	});

	it('identifies by alias, email, phone or Braze ID', async () => {
		await upsert({ identifyBy: 'userAlias', aliasName: 'lead-1', aliasLabel: 'crm' });
		await upsert({ identifyBy: 'email', email: 'a@example.com' });
		await upsert({ identifyBy: 'phone', phone: '+1 (415) 555-2671' });
		await upsert({ identifyBy: 'brazeId', brazeId: 'b-1' });
		expect(
			standIn.requests.map((request) => (request.body?.attributes as IDataObject[])[0]),
		).toEqual([
			{ user_alias: { alias_name: 'lead-1', alias_label: 'crm' }, _update_existing_only: false },
			{ email: 'a@example.com', _update_existing_only: false },
			{ phone: '+14155552671', _update_existing_only: false },
			{ braze_id: 'b-1', _update_existing_only: false },
		]);
	});

	it('works with a key that has only the user permissions', async () => {
		const result = await runBrazeNode({
			parameters: { resource: 'user', operation: 'upsert', externalId: 'crm-1' } as never,
			credentials: standInCredentials(standIn, 'users-only-key'),
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].status).toBe(201);
	});

	it('Dry Run: checks and shows the object, sends nothing', async () => {
		const result = await upsert({ externalId: 'crm-1', options: { dryRun: true } });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(0);
		expect(result.output[0].json).toEqual({
			dry_run: true,
			method: 'POST',
			url: '/users/track',
			request_count: 1,
			requests: [
				{ body: { attributes: [{ external_id: 'crm-1', _update_existing_only: false }] } },
			],
			note: 'Items are grouped into requests of up to 75 objects when sent.',
		});
	});
});

describe('User › Create or Update: checks before sending (a clear error, nothing sent)', () => {
	it.each([
		[{ externalId: '={{ "" }}' }, 'External ID is empty'],
		[
			{ externalId: 'x', profile: { country: 'Germany' } },
			/^Profile Fields › Country: "Germany" is not a two-letter ISO 3166-1 country code/,
		],
		[{ externalId: 'x', profile: { language: 'english' } }, /^Profile Fields › Language/],
		[{ externalId: 'x', profile: { timeZone: 'CET+1' } }, /^Profile Fields › Time Zone/],
		[{ externalId: 'x', profile: { dob: '21/12/1980' } }, /^Profile Fields › Date of Birth/],
		[{ externalId: 'x', profile: { phone: '030 1234567' } }, /^Profile Fields › Phone: .* E\.164/],
		[{ externalId: 'x', profile: { email: 'not-an-email' } }, /^Profile Fields › Email/],
		[{ identifyBy: 'phone', phone: '0611' }, /^Phone: "0611" is not a phone number in E\.164 form/],
		[{ identifyBy: 'userAlias', aliasName: 'a', aliasLabel: '={{ "" }}' }, 'Alias Label is empty'],
		[
			{
				externalId: 'x',
				customAttributes: { attribute: [{ name: 'email', type: 'text', value: 'a' }] },
			},
			/is a standard Braze profile field/,
		],
		[
			{
				externalId: 'x',
				customAttributes: { attribute: [{ name: '$x', type: 'text', value: 'a' }] },
			},
			/starts with "\$"/,
		],
		[
			{
				externalId: 'x',
				customAttributes: { attribute: [{ name: 'n', type: 'text', value: 'y'.repeat(256) }] },
			},
			/is 256 characters long/,
		],
		[
			{
				externalId: 'x',
				customAttributes: { attribute: [{ name: 'n', type: 'number', value: 'ten' }] },
			},
			/is not a number/,
		],
		[
			{
				externalId: 'x',
				customAttributes: { attribute: [{ name: 'n', type: 'inc', value: '1.5' }] },
			},
			/is not a whole number/,
		],
		[
			{
				externalId: 'x',
				customAttributes: { attribute: [{ name: 'n', type: 'date', value: 'tomorrow' }] },
			},
			/is not an ISO 8601 date/,
		],
		[
			{
				externalId: 'x',
				customAttributes: {
					attribute: [
						{
							name: 'n',
							type: 'array',
							value: JSON.stringify(Array.from({ length: 101 }, (_, i) => i)),
						},
					],
				},
			},
			/has 101 values/,
		],
		[
			{ externalId: 'x', nestedAttributes: '{"$car": {}}' },
			/"\$car" is not a custom attribute name/,
		],
		[
			{ externalId: 'x', nestedAttributes: '{"car": {"top speed": 200}}' },
			/has the key "top speed"/,
		],
		[
			{ externalId: 'x', nestedAttributes: '[1]' },
			'Nested Custom Attributes (JSON) must be a JSON object',
		],
	])('%j', async (parameters, message) => {
		const result = await upsert(parameters);
		expect(result.error?.message).toEqual(
			typeof message === 'string' ? message : expect.stringMatching(message),
		);
		expect(standIn.requests).toHaveLength(0);
	});
});
