import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { emailSend } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

/**
 * What the editor shows for an error: n8n's error view shows "From Braze" with "Error code …"
 * when the error has an HTTP code or raw messages, and appends " [item N]" (n8n's 0-based index,
 * from context.itemIndex) unless the message already names that item.
 */
const standIn = useStandIn();

async function run(parameters: IDataObject, items: IDataObject[], onError?: 'continueErrorOutput') {
	return await runBrazeNode({
		parameters: parameters as never,
		items,
		credentials: standInCredentials(standIn),
		...(onError ? { onError } : {}),
	});
}

/** The fields of n8n's error that its editor reads. */
const shown = (error: unknown) =>
	error as { message: string; httpCode?: string | null; context: IDataObject; messages: string[] };

const upsert = { resource: 'user', operation: 'upsert', externalId: '={{ $json.id }}' };
const contacts = (count: number) =>
	Array.from({ length: count }, (_, index) => ({
		id: `crm-${index}`,
		email: `c${index}@example.com`,
	}));

describe('a check made before sending reads as the node’s own, on its own item', () => {
	it('Message › Send: the bad item’s refusal, with no HTTP code and no raw message, on its index', async () => {
		const items = [{ body: '<p>A</p>' }, { body: '   ' }, { body: '<p>B</p>' }];
		const result = await run(
			{ ...emailSend, emailBody: '={{ $json.body }}', externalUserIds: '={{ $json.body.length }}' },
			items,
		);
		const error = shown(result.error);
		expect(error.message).toBe('Email: Body (HTML) is only spaces');
		expect(error.message).not.toMatch(/^Not sent/);
		expect(error.context.itemIndex).toBe(1);
		expect(error.httpCode ?? null).toBeNull();
		expect(error.messages).toEqual([]);
	});

	it('User › Create or Update: one bad row of 200 is reported on its own index, once', async () => {
		const items = contacts(200);
		items[149].email = 'not an address';
		const result = await run({ ...upsert, profile: { email: '={{ $json.email }}' } }, items);
		const error = shown(result.error);
		expect(error.message).toMatch(/Email/);
		expect(error.message).not.toMatch(/item \d/);
		expect(error.context.itemIndex).toBe(149);
		expect(error.httpCode ?? null).toBeNull();
		expect(error.messages).toEqual([]);
	});

	it('with an error output, every refused item carries its own index', async () => {
		const items = [{ body: '<p>A</p>' }, { body: ' ' }, { body: '  ' }];
		const result = await run(
			{ ...emailSend, emailBody: '={{ $json.body }}', externalUserIds: '={{ $json.body.length }}' },
			items,
			'continueErrorOutput',
		);
		expect(result.output).toHaveLength(1);
		const indexes = result.errorOutput.map(
			(item) => (item.error as unknown as { context: IDataObject }).context.itemIndex,
		);
		expect(indexes).toEqual([1, 2]);
		expect(result.errorOutput.map((item) => item.json.error)).toEqual([
			'Email: Body (HTML) is only spaces',
			'Email: Body (HTML) is only spaces',
		]);
		expect(standIn.accepted()).toHaveLength(1);
	});
});

describe('every item naming the same user', () => {
	const warned = (output: Array<{ json: IDataObject }>) =>
		output.map((item) => /same user/.test(String(item.json.warning ?? '')));

	it('User › Create or Update with a fixed External ID warns on every item, and still writes', async () => {
		const result = await run({ ...upsert, externalId: 'crm-1' }, contacts(3));
		expect(result.error).toBeUndefined();
		expect(warned(result.output)).toEqual([true, true, true]);
		expect(standIn.profiles.size).toBe(1);
	});

	it('no warning when the items name different users, or for a single item', async () => {
		expect(warned((await run(upsert, contacts(3))).output)).toEqual([false, false, false]);
		expect(warned((await run({ ...upsert, externalId: 'crm-1' }, contacts(1))).output)).toEqual([
			false,
		]);
	});

	it('names the user by the identifier, not by a profile field: two phones with one email are two users', async () => {
		const items = [{ phone: '+4930111111' }, { phone: '+4930222222' }];
		const result = await run(
			{
				resource: 'user',
				operation: 'upsert',
				identifyBy: 'phone',
				phone: '={{ $json.phone }}',
				profile: { email: 'shared@example.com' },
			},
			items,
		);
		expect(result.error).toBeUndefined();
		expect(warned(result.output)).toEqual([false, false]);
		expect(result.output.map((item) => item.json.phone)).toEqual(['+4930111111', '+4930222222']);
	});

	it('Track Event and Track Purchase warn too', async () => {
		const event = {
			resource: 'user',
			operation: 'trackEvent',
			externalId: 'crm-1',
			eventName: 'signed_up',
		};
		expect(warned((await run(event, contacts(2))).output)).toEqual([true, true]);
		const purchase = {
			resource: 'user',
			operation: 'trackPurchase',
			externalId: 'crm-1',
			productId: 'sku-1',
			price: 1,
			currency: 'USD',
		};
		expect(warned((await run(purchase, contacts(2))).output)).toEqual([true, true]);
	});

	it('Message › Send to one fixed External User ID on every item warns; one ID per item does not', async () => {
		const fixed = await run({ ...emailSend, externalUserIds: 'u1' }, contacts(2));
		expect(warned(fixed.output)).toEqual([true, true]);
		const perItem = await run({ ...emailSend, externalUserIds: '={{ $json.id }}' }, contacts(2));
		expect(warned(perItem.output)).toEqual([false, false]);
	});

	it('Transactional Email › Send to one fixed recipient warns', async () => {
		const result = await run(
			{
				resource: 'transactional',
				operation: 'send',
				transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
				externalId: 'u1',
			},
			contacts(2),
		);
		expect(result.error).toBeUndefined();
		expect(warned(result.output)).toEqual([true, true]);
	});
});
