import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function run(operation: string, parameters: IDataObject, items: IDataObject[] = [{}]) {
	return await runBrazeNode({
		parameters: { resource: 'user', operation, ...parameters } as never,
		items,
		credentials: standInCredentials(standIn),
	});
}
const sentObjects = (array: string) =>
	standIn.requests.flatMap((request) => (request.body?.[array] as IDataObject[] | undefined) ?? []);

describe('User › Track Event', () => {
	it('sends name, time, app_id and properties; 200 items make 3 requests', async () => {
		const items = Array.from({ length: 200 }, (_, index) => ({
			id: `u${index}`,
			plan: index % 2 ? 'pro' : 'free',
		}));
		const result = await run(
			'trackEvent',
			{
				externalId: '={{ $json.id }}',
				eventName: 'signed_up',
				time: '2026-11-01T10:00:00Z',
				appId: 'app-1',
				properties: '={{ JSON.stringify({ plan: $json.plan }) }}',
			},
			items,
		);
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.path)).toEqual(Array(3).fill('/users/track'));
		expect(sentObjects('events')[1]).toEqual({
			external_id: 'u1',
			name: 'signed_up',
			time: '2026-11-01T10:00:00.000Z',
			app_id: 'app-1',
			properties: { plan: 'pro' },
			_update_existing_only: false,
		});
		expect(result.output[199].json).toEqual({
			message: 'success',
			external_id: 'u199',
			processed: true,
			request: { number: 3, of: 3, items: 50, events_processed: 50 },
		});
	});

	it('an empty Time means now', async () => {
		const before = Date.now();
		const result = await run('trackEvent', { externalId: 'u', eventName: 'e' });
		expect(result.error).toBeUndefined();
		const after = Date.now();
		// The time the item was prepared: inside the run, whatever the run took.
		const time = Date.parse(String(sentObjects('events')[0].time));
		expect(time).toBeGreaterThanOrEqual(before);
		expect(time).toBeLessThanOrEqual(after);
	});

	it.each([
		[{ externalId: 'u', eventName: '={{ "" }}' }, 'Event Name is empty'],
		[{ externalId: 'u', eventName: 'e', time: 'last week' }, /^Time is not a date/],
		[
			{ externalId: 'u', eventName: 'e', properties: '{"time": 1}' },
			/"time" is a name Braze reserves/,
		],
		[{ externalId: 'u', eventName: 'e', properties: '{"$plan": 1}' }, /starts with "\$"/],
		[
			{ externalId: 'u', eventName: 'e', properties: `{"note": "${'n'.repeat(256)}"}` },
			/is 256 characters long/,
		],
		[{ externalId: 'u', eventName: 'e', properties: '[1, 2]' }, 'Properties must be a JSON object'],
		[
			{
				externalId: 'u',
				eventName: 'e',
				properties: JSON.stringify(
					Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`p${i}`, i])),
				),
			},
			/has 257 properties/,
		],
	])('refuses %# before sending', async (parameters, message) => {
		const result = await run('trackEvent', parameters);
		expect(result.error?.message).toEqual(
			typeof message === 'string' ? message : expect.stringMatching(message),
		);
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('User › Track Purchase', () => {
	it('sends product_id, currency, price, quantity and time', async () => {
		const result = await run('trackPurchase', {
			externalId: 'u1',
			productId: 'sku-1',
			currency: 'eur',
			price: 19.99,
			quantity: 2,
			time: '2026-11-01T10:00:00Z',
		});
		expect(result.error).toBeUndefined();
		expect(sentObjects('purchases')).toEqual([
			{
				external_id: 'u1',
				product_id: 'sku-1',
				currency: 'EUR',
				price: 19.99,
				quantity: 2,
				time: '2026-11-01T10:00:00.000Z',
				_update_existing_only: false,
			},
		]);
		expect(result.output[0].json.request).toEqual({
			number: 1,
			of: 1,
			items: 1,
			purchases_processed: 1,
		});
	});

	it.each([
		[{ productId: '={{ "" }}' }, 'Product ID is empty'],
		[{ productId: 'p'.repeat(256) }, /^Product ID is 256 characters long/],
		[{ productId: 'p', currency: 'EURO' }, /^Currency: "EURO" is not an ISO 4217 currency code/],
		[{ productId: 'p', currency: 'XYZ' }, /ISO 4217/],
		[{ productId: 'p', quantity: 101 }, /^Quantity: 101 is not a whole number from 1 to 100/],
		[{ productId: 'p', quantity: 0 }, /^Quantity/],
		[{ productId: 'p', price: '={{ "free" }}' }, /^Price is "free", not a number/],
		[
			{ productId: 'p', properties: `{"a": [${'"x",'.repeat(13000)}"x"]}` },
			/^Properties of the purchase are 51 KB with lists or objects inside/,
		],
	])('refuses %# before sending', async (parameters, message) => {
		const result = await run('trackPurchase', {
			externalId: 'u',
			currency: 'USD',
			price: 1,
			...parameters,
		});
		expect(result.error?.message).toEqual(
			typeof message === 'string' ? message : expect.stringMatching(message),
		);
		expect(standIn.requests).toHaveLength(0);
	});
});
