import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// Issue 20 § 3: values that reached Braze inside a shared /users/track request, where one bad
// row made Braze refuse all 75 objects. Each item is checked on its own before the items are
// grouped, so one bad row out of 80 fails only its own item; the other 79 are written.

const standIn = useStandIn();

const COUNT = 80;
const BAD = 37;
const contacts = (bad: IDataObject, good: IDataObject) =>
	Array.from({ length: COUNT }, (_, index) => ({
		id: `crm-${index}`,
		...(index === BAD ? bad : good),
	}));

const list = (count: number) => Array.from({ length: count }, (_, index) => `tag-${index}`);

describe('User › Create or Update: one bad row out of 80 costs only its own item', () => {
	it.each<[string, IDataObject, IDataObject, IDataObject, string]>([
		[
			'Gender from an expression outside the list',
			{ profile: { gender: '={{ $json.gender }}' } },
			{ gender: 'X' },
			{ gender: 'F' },
			'Profile Fields › Gender cannot be "X"',
		],
		[
			'Email Subscription from an expression outside the list',
			{ profile: { emailSubscribe: '={{ $json.subscription }}' } },
			{ subscription: 'yes please' },
			{ subscription: 'opted_in' },
			'Profile Fields › Email Subscription cannot be "yes please"',
		],
		[
			'nested JSON text over 255 characters',
			{ nestedAttributes: '={{ $json.nested }}' },
			{ nested: { car: { model: 'm'.repeat(256) } } },
			{ nested: { car: { model: 'Solea' } } },
			'Nested Custom Attributes (JSON) › car has a text of 256 characters (at model)',
		],
		[
			'a nested JSON list over 100 values',
			{ nestedAttributes: '={{ $json.nested }}' },
			{ nested: { tags: list(101) } },
			{ nested: { tags: list(3) } },
			'Nested Custom Attributes (JSON) › tags has a list of 101 values',
		],
	])('%s', async (_name, parameters, bad, good, message) => {
		const result = await runBrazeNode({
			parameters: {
				resource: 'user',
				operation: 'upsert',
				externalId: '={{ $json.id }}',
				...parameters,
			} as never,
			items: contacts(bad, good),
			credentials: standInCredentials(standIn),
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(COUNT);
		// Only the bad item fails, naming the field; every other item is Braze's success.
		expect(result.output[BAD].json.error).toBe(message);
		const others = result.output.filter((_, index) => index !== BAD);
		expect(others.every((item) => item.json.message === 'success')).toBe(true);
		// The 79 good rows reached Braze (75 + 4 objects) and were written; the bad one was not sent.
		expect(standIn.requests.every((request) => request.status === 201)).toBe(true);
		expect(
			standIn.requests.map((request) => (request.body?.attributes as unknown[]).length),
		).toEqual([75, 4]);
		const written = Array.from({ length: COUNT }, (_, index) =>
			standIn.profiles.has(`external:crm-${index}`),
		);
		expect(written.filter(Boolean)).toHaveLength(COUNT - 1);
		expect(written[BAD]).toBe(false);
	});
});

describe('values within the lists are still taken', () => {
	it('Gender and Email Subscription from an expression: the value, or its name as the list shows it', async () => {
		const result = await runBrazeNode({
			parameters: {
				resource: 'user',
				operation: 'upsert',
				externalId: '={{ $json.id }}',
				profile: { gender: '={{ $json.gender }}', emailSubscribe: '={{ $json.subscription }}' },
			} as never,
			items: [
				{ id: 'a', gender: 'M', subscription: 'unsubscribed' },
				{ id: 'b', gender: 'Prefer Not to Say', subscription: 'Opted In' },
			],
			credentials: standInCredentials(standIn),
		});
		expect(result.error).toBeUndefined();
		const sent = standIn.requests[0].body?.attributes as IDataObject[];
		expect(sent.map((object) => [object.gender, object.email_subscribe])).toEqual([
			['M', 'unsubscribed'],
			['P', 'opted_in'],
		]);
	});
});
