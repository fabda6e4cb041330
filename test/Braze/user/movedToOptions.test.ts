import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// Version 2 moved Update Existing Only, Nested Custom Attributes (JSON) and Merge Nested Objects
// from the top of the form into Options. A workflow saved with version 1 keeps them at the top
// and must send exactly as before; a version 2 node reads them from Options.

const standIn = useStandIn();

async function run(
	typeVersion: number,
	parameters: IDataObject,
	items: IDataObject[] = [{ id: 'crm-7' }],
) {
	return await runBrazeNode({
		parameters: { resource: 'user', externalId: '={{ $json.id }}', ...parameters } as never,
		typeVersion,
		items,
		credentials: standInCredentials(standIn),
	});
}
const sentObjects = (array: string) =>
	standIn.requests.flatMap((request) => (request.body?.[array] as IDataObject[] | undefined) ?? []);

const NESTED = '{"car": {"make": "Volvo", "bought": {"$time": "2020-01-01T00:00:00Z"}}}';
const NESTED_SENT = { make: 'Volvo', bought: { $time: '2020-01-01T00:00:00Z' } };

/** Each /users/track operation with what it needs besides the moved fields. */
const TRACKS: Array<[string, string, IDataObject]> = [
	['upsert', 'attributes', { profile: { firstName: 'Lin' } }],
	['trackEvent', 'events', { eventName: 'signed_up' }],
	['trackPurchase', 'purchases', { productId: 'sku-1', currency: 'USD', price: 5 }],
];

describe('Version 1 (saved workflows): the advanced fields at the top of the form', () => {
	it.each(TRACKS)(
		'%s: Update Existing Only at the top sends _update_existing_only: true',
		async (operation, array, fields) => {
			const result = await run(1, { operation, ...fields, updateExistingOnly: true });
			expect(result.error).toBeUndefined();
			expect(sentObjects(array)).toEqual([
				expect.objectContaining({ external_id: 'crm-7', _update_existing_only: true }),
			]);
		},
	);

	it('Create or Update: Nested Custom Attributes (JSON) and Merge Nested Objects at the top are sent', async () => {
		const result = await run(1, {
			operation: 'upsert',
			nestedAttributes: NESTED,
			mergeObjects: true,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			attributes: [
				{
					external_id: 'crm-7',
					_update_existing_only: false,
					car: NESTED_SENT,
					_merge_objects: true,
				},
			],
		});
	});

	it('reads only the top: the same values in Options (which version 1 does not show) change nothing', async () => {
		const result = await run(1, {
			operation: 'upsert',
			nestedAttributes: NESTED,
			options: { updateExistingOnly: true, mergeObjects: true, nestedAttributes: '{"x": 1}' },
		});
		expect(result.error).toBeUndefined();
		expect(sentObjects('attributes')).toEqual([
			{ external_id: 'crm-7', _update_existing_only: false, car: NESTED_SENT },
		]);
	});

	it('names the field as version 1 shows it in an error', async () => {
		const result = await run(1, {
			operation: 'upsert',
			nestedAttributes: NESTED,
			mergeObjects: '={{ "sometimes" }}',
		});
		expect(result.error?.message).toBe(
			'Merge Nested Objects must be true or false, but it is "sometimes"',
		);
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('Version 2: the advanced fields in Options', () => {
	it.each(TRACKS)(
		'%s: Options › Update Existing Only sends _update_existing_only: true',
		async (operation, array, fields) => {
			const result = await run(2, { operation, ...fields, options: { updateExistingOnly: true } });
			expect(result.error).toBeUndefined();
			expect(sentObjects(array)).toEqual([
				expect.objectContaining({ external_id: 'crm-7', _update_existing_only: true }),
			]);
		},
	);

	it('Create or Update: Options › Nested Custom Attributes (JSON) and Merge Nested Objects are sent, as on version 1', async () => {
		const result = await run(2, {
			operation: 'upsert',
			options: { nestedAttributes: NESTED, mergeObjects: true },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			attributes: [
				{
					external_id: 'crm-7',
					_update_existing_only: false,
					car: NESTED_SENT,
					_merge_objects: true,
				},
			],
		});
		expect(standIn.profiles.get('external:crm-7')?.attributes.car).toEqual(NESTED_SENT);
	});

	it('the old top-level parameters are not read (n8n drops them: version 2 does not show them)', async () => {
		const result = await run(2, {
			operation: 'upsert',
			updateExistingOnly: true,
			nestedAttributes: NESTED,
			mergeObjects: true,
		});
		expect(result.error).toBeUndefined();
		expect(sentObjects('attributes')).toEqual([
			{ external_id: 'crm-7', _update_existing_only: false },
		]);
	});

	it('items keep their own values: Options › Update Existing Only from an expression', async () => {
		const result = await run(
			2,
			{ operation: 'upsert', options: { updateExistingOnly: '={{ $json.existing }}' } },
			[
				{ id: 'a', existing: true },
				{ id: 'b', existing: false },
			],
		);
		expect(result.error).toBeUndefined();
		expect(sentObjects('attributes').map((object) => object._update_existing_only)).toEqual([
			true,
			false,
		]);
	});
});

describe('Version 2: bad input in the moved fields is named as Options shows it; nothing is sent', () => {
	it.each([
		[
			'Options › Update Existing Only',
			{ operation: 'trackEvent', eventName: 'e', options: { updateExistingOnly: '={{ "yes" }}' } },
			'Options › Update Existing Only must be true or false, but it is "yes"',
		],
		[
			'Options › Merge Nested Objects',
			{ operation: 'upsert', options: { nestedAttributes: NESTED, mergeObjects: '={{ 2 }}' } },
			'Options › Merge Nested Objects must be true or false, but it is 2',
		],
		[
			'Options › Nested Custom Attributes (JSON), not JSON',
			{ operation: 'upsert', options: { nestedAttributes: '{"car": ' } },
			/^Options › Nested Custom Attributes \(JSON\) /,
		],
		[
			'Options › Nested Custom Attributes (JSON), a bad attribute name',
			{ operation: 'upsert', options: { nestedAttributes: '{"$car": {}}' } },
			/^Options › Nested Custom Attributes \(JSON\) › \$car: "\$car" is not a custom attribute name/,
		],
		[
			'Options › Nested Custom Attributes (JSON), a text over 255 characters',
			{
				operation: 'upsert',
				options: { nestedAttributes: JSON.stringify({ note: 'n'.repeat(256) }) },
			},
			/^Options › Nested Custom Attributes \(JSON\) › note /,
		],
	])('%s', async (_name, parameters, message) => {
		const result = await run(2, parameters);
		expect(result.error?.message).toEqual(
			typeof message === 'string' ? message : expect.stringMatching(message),
		);
		expect(String(result.error?.description)).not.toBe('');
		expect(standIn.requests).toHaveLength(0);
	});

	it('a list of objects in a custom attribute row points to the field where version 2 has it', async () => {
		const result = await run(2, {
			operation: 'upsert',
			customAttributes: {
				attribute: [{ name: 'cars', type: 'array', value: '[{"make": "Volvo"}]' }],
			},
		});
		expect(String(result.error?.description)).toContain(
			'use Options › Nested Custom Attributes (JSON) for objects',
		);
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('Transactional Email › Send: Nested Custom Attributes (JSON) moved the same way', () => {
	const transactional = {
		resource: 'transactional',
		operation: 'send',
		transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
		externalId: 'u1',
	};
	const attributesSent = () => (standIn.requests[0].body?.recipient as IDataObject)?.attributes;

	it('version 1: at the top', async () => {
		const result = await runBrazeNode({
			parameters: { ...transactional, nestedAttributes: NESTED } as never,
			typeVersion: 1,
			credentials: standInCredentials(standIn),
		});
		expect(result.error).toBeUndefined();
		expect(attributesSent()).toEqual({ car: NESTED_SENT });
	});

	it('version 2: in Options, named so in an error', async () => {
		const result = await runBrazeNode({
			parameters: { ...transactional, options: { nestedAttributes: NESTED } } as never,
			typeVersion: 2,
			credentials: standInCredentials(standIn),
		});
		expect(result.error).toBeUndefined();
		expect(attributesSent()).toEqual({ car: NESTED_SENT });

		standIn.reset();
		const refused = await runBrazeNode({
			parameters: { ...transactional, options: { nestedAttributes: '{"$car": {}}' } } as never,
			typeVersion: 2,
			credentials: standInCredentials(standIn),
		});
		expect(refused.error?.message).toMatch(/^Options › Nested Custom Attributes \(JSON\) › \$car:/);
		expect(standIn.requests).toHaveLength(0);
	});
});
