import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Braze } from '../../../nodes/Braze/Braze.node';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { LIMITED_KEY, startStandInWithout } from '../../helpers/limitedKey';
import { searchList } from '../../helpers/loadOptions';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();
const PATH = '/transactional/v1/campaigns/cmp-order-0002/send';

const base = {
	resource: 'transactional',
	operation: 'send',
	transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
	externalId: '={{ $json.id }}',
};

async function send(
	parameters: IDataObject = {},
	items: IDataObject[] = [{ id: 'u1' }],
	extra: Partial<RunOptions> = {},
) {
	return await runBrazeNode({
		parameters: { ...base, ...parameters } as never,
		items,
		credentials: standInCredentials(standIn),
		...extra,
	});
}
const sent = () => standIn.requests.filter((request) => request.path.startsWith('/transactional/'));
const keyOf = (index: number) => sent()[index].body?.external_send_id as string;

describe('Transactional Email › Send', () => {
	it('sends one email to one user: the campaign in the path, recipient, attributes, properties and an automatic key', async () => {
		const result = await send(
			{
				profile: { firstName: '={{ $json.name }}', email: 'ada@example.com' },
				customAttributes: { attribute: [{ name: 'plan', type: 'text', value: 'pro' }] },
				triggerProperties: { pair: [{ key: 'order_id', value: '={{ $json.order }}' }] },
			},
			[{ id: 'u1', name: 'Ada', order: 'A-17' }],
		);
		expect(result.error).toBeUndefined();
		expect(sent()).toHaveLength(1);
		const [request] = sent();
		expect(request.method).toBe('POST');
		expect(request.path).toBe(PATH);
		expect(request.body).toEqual({
			external_send_id: expect.stringMatching(/^n8n-testexecution-[a-z0-9]{10}-0$/),
			trigger_properties: { order_id: 'A-17' },
			recipient: {
				external_user_id: 'u1',
				attributes: { first_name: 'Ada', email: 'ada@example.com', plan: 'pro' },
			},
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			external_send_id: keyOf(0),
			dispatch_id: request.response.dispatch_id,
			sent: true,
			duplicate: false,
			status: 'queued',
			metadata: { external_send_id: keyOf(0) },
		});
		// The ids first, then what an IF node tests, then Braze's own keys.
		expect(Object.keys(result.output[0].json)).toEqual([
			'external_send_id',
			'dispatch_id',
			'sent',
			'duplicate',
			'status',
			'metadata',
		]);
		expect(standIn.deliveries.get('external:u1')).toBe(1);
		expect(standIn.profiles.get('external:u1')?.attributes).toEqual({
			first_name: 'Ada',
			email: 'ada@example.com',
			plan: 'pro',
		});
	});

	it("n8n's Retry On Fail sends the item again under the same key: one email", async () => {
		const fiveHundred = { type: 'serverError', status: 500 };
		standIn.queueFaults({ type: 'acceptThenDrop' }, fiveHundred, fiveHundred, fiveHundred);
		const result = await send({}, [{ id: 'u1' }], {
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
		});
		expect(result.error).toBeUndefined();
		const keys = sent().map(
			(request) => (JSON.parse(request.rawBody) as IDataObject).external_send_id,
		);
		// Try 1: the lost answer and two 500s; try 2: a 500, then the answer.
		expect(keys).toHaveLength(5);
		expect(new Set(keys).size).toBe(1);
		expect(standIn.deliveries.get('external:u1')).toBe(1);
		expect(result.output[0].json.external_send_id).toBe(keys[0]);
	});

	it('gives every item its own key, and a new execution new keys', async () => {
		await send({}, [{ id: 'u1' }, { id: 'u2' }]);
		await send({}, [{ id: 'u1' }]);
		const keys = sent().map((request) => request.body?.external_send_id);
		expect(keys[0]).toMatch(/-0$/);
		expect(keys[1]).toMatch(/-1$/);
		expect(new Set(keys).size).toBe(3);
	});

	it('sends to a user alias', async () => {
		const result = await send({ identifyBy: 'userAlias', aliasName: 'lead-9', aliasLabel: 'crm' });
		expect(result.error).toBeUndefined();
		expect(sent()[0].body?.recipient).toEqual({
			user_alias: { alias_name: 'lead-9', alias_label: 'crm' },
		});
	});

	it('Custom Key sends the given key; Off sends none', async () => {
		await send({ duplicateProtection: 'custom', externalSendId: '={{ "order-" + $json.id }}' });
		await send({ duplicateProtection: 'off' });
		expect(keyOf(0)).toBe('order-u1');
		expect(sent()[1].body).not.toHaveProperty('external_send_id');
	});

	it('a Custom Key Braze has seen in the last 24 hours sends nothing new: the same dispatch_id comes back', async () => {
		const first = await send({ duplicateProtection: 'custom', externalSendId: 'order-77' });
		const second = await send({ duplicateProtection: 'custom', externalSendId: 'order-77' });
		expect(second.output[0].json.dispatch_id).toBe(first.output[0].json.dispatch_id);
		expect(standIn.deliveries.get('external:u1')).toBe(1);
	});

	it('the webhook that arrives twice: the second execution says duplicate: true, sent: false on top, for an IF node', async () => {
		// Two executions of one workflow for the same order, as a shop webhook delivered twice makes.
		const order = {
			duplicateProtection: 'custom',
			externalSendId: '={{ "order-" + $json.order }}',
		};
		const items = [{ id: 'u1', order: 10452 }];
		const receive = '={{ $json.duplicate ? "skip" : "record " + $json.dispatch_id }}';
		const first = await send(order, items, { receive });
		const second = await send(order, items, { receive });
		expect(sent().map((request) => request.body?.external_send_id)).toEqual([
			'order-10452',
			'order-10452',
		]);
		expect(standIn.deliveries.get('external:u1')).toBe(1);
		const dispatchId = first.output[0].json.dispatch_id;
		expect(first.output[0].json).toMatchObject({ sent: true, duplicate: false });
		expect(second.output[0].json).toEqual({
			external_send_id: 'order-10452',
			dispatch_id: dispatchId,
			sent: false,
			duplicate: true,
			status: 'queued',
			// Braze's answer, kept as it came.
			metadata: { external_send_id: 'order-10452', duplicate: true },
		});
		// The next node reads the flag at the top of the item.
		expect(first.received[0].json.received).toBe(`record ${String(dispatchId)}`);
		expect(second.received[0].json.received).toBe('skip');
	});

	it('two items of one run with the same Custom Key: one email, the second item marked duplicate', async () => {
		const result = await send({ duplicateProtection: 'custom', externalSendId: 'order-5' }, [
			{ id: 'u1' },
			{ id: 'u1' },
		]);
		expect(result.error).toBeUndefined();
		expect(standIn.deliveries.get('external:u1')).toBe(1);
		expect(result.output.map((item) => [item.json.sent, item.json.duplicate])).toEqual([
			[true, false],
			[false, true],
		]);
	});

	it('without a key (Off) the output still says sent: true, duplicate: false', async () => {
		const result = await send({ duplicateProtection: 'off' });
		expect(result.output[0].json).toMatchObject({ sent: true, duplicate: false });
		expect(result.output[0].json).not.toHaveProperty('external_send_id');
	});

	it('an answer lost after Braze acted is sent again under the same key, and the user gets one email', async () => {
		standIn.queueFaults({ type: 'acceptThenDrop' });
		const result = await send();
		expect(result.error).toBeUndefined();
		expect(sent()).toHaveLength(2);
		expect(keyOf(1)).toBe(keyOf(0));
		expect(standIn.deliveries.get('external:u1')).toBe(1);
		expect(result.output[0].json.dispatch_id).toBe(sent()[1].response.dispatch_id);
	});

	it('without a key (Off) an unclear answer is reported, not sent again', async () => {
		standIn.queueFaults({ type: 'acceptThenDrop' });
		const result = await send({ duplicateProtection: 'off' }, [{ id: 'u1' }], {
			onError: 'continueErrorOutput',
		});
		expect(sent()).toHaveLength(1);
		expect(result.errorOutput).toHaveLength(1);
		expect(String(result.errorOutput[0].json.error)).toMatch(/may or may not have been sent/);
	});

	it("n8n's Retry of the failed execution sends each unclear item again under its first key: one email each", async () => {
		// The first request reaches Braze but its answer is lost; every other try gets a 500. Both
		// items end "may have been sent" and the execution fails.
		const fiveHundred = { type: 'serverError', status: 500 };
		standIn.queueFaults({ type: 'acceptThenDrop' }, ...Array(5).fill(fiveHundred));
		const items = [{ id: 'u1' }, { id: 'u2' }];
		const failed = await send({}, items);
		expect(failed.error).toBeDefined();
		expect(sent()).toHaveLength(6);
		const keyFor = (requests: typeof standIn.requests, id: string) =>
			new Set(
				requests
					.map((request) => JSON.parse(request.rawBody) as IDataObject)
					.filter((body) => (body.recipient as IDataObject).external_user_id === id)
					.map((body) => body.external_send_id),
			);
		const firstKeys = ['u1', 'u2'].map((id) => keyFor(sent(), id));
		expect(firstKeys.map((keys) => keys.size)).toEqual([1, 1]);

		const retried = await send({}, items, { retryOf: failed.run });
		expect(retried.error).toBeUndefined();
		const again = sent().slice(6);
		expect(again).toHaveLength(2);
		expect(['u1', 'u2'].map((id) => keyFor(again, id))).toEqual(firstKeys);
		expect(['u1', 'u2'].map((id) => standIn.deliveries.get(`external:${id}`))).toEqual([1, 1]);
		expect(retried.output.map((item) => item.json.external_send_id)).toEqual(
			firstKeys.map((keys) => [...keys][0]),
		);
	});

	it('checks before sending, naming the field and the fix', async () => {
		const cases: Array<[IDataObject, RegExp]> = [
			[
				{ transactionalCampaignId: { __rl: true, mode: 'id', value: '={{ "" }}' } },
				/Campaign ID is empty/,
			],
			[
				{ transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp/../x' } },
				/Campaign ID "cmp\/\.\.\/x" is not a Braze API identifier/,
			],
			[
				{ transactionalCampaignId: { __rl: true, mode: 'id', value: '..' } },
				/Campaign ID "\.\." is not a Braze API identifier/,
			],
			[{ externalId: '={{ "" }}' }, /External ID is empty/],
			[{ duplicateProtection: 'custom', externalSendId: '={{ "" }}' }, /External Send ID is empty/],
			[
				{ duplicateProtection: 'custom', externalSendId: 'order 77' },
				/letters, digits and - _ \+ \/ = only/,
			],
			[{ profile: { email: 'not-an-email' } }, /Profile Fields › Email/],
			[
				{ triggerProperties: { pair: [{ key: 'blob', value: 'x'.repeat(51 * 1024) }] } },
				/Trigger Properties are 51\.0 KB/,
			],
		];
		for (const [parameters, message] of cases) {
			const result = await send(parameters);
			expect(`${result.error?.message} ${result.error?.description}`).toMatch(message);
			expect(result.error?.description ?? '').not.toBe('');
		}
		expect(sent()).toHaveLength(0);
	});

	it("shows Braze's refusal: a paused campaign, and a key without transactional.send", async () => {
		const paused = await send({
			transactionalCampaignId: { __rl: true, mode: 'id', value: 'paused-1' },
		});
		expect(paused.error?.message).toMatch(/paused/i);

		const limited = await startStandInWithout('transactional.send');
		try {
			const refused = await runBrazeNode({
				parameters: base as never,
				items: [{ id: 'u1' }],
				credentials: standInCredentials(limited, LIMITED_KEY),
			});
			expect(`${refused.error?.message} ${refused.error?.description}`).toMatch(
				/transactional\.send/,
			);
		} finally {
			await limited.close();
		}
	});

	it('Dry Run outputs the request with its path and key, and sends nothing', async () => {
		const result = await send({ options: { dryRun: true } });
		expect(sent()).toHaveLength(0);
		// Nothing was sent, so no sent/duplicate verdict either.
		expect(result.output[0].json).not.toHaveProperty('sent');
		expect(result.output[0].json).not.toHaveProperty('duplicate');
		expect(result.output[0].json).toMatchObject({
			dry_run: true,
			method: 'POST',
			url: PATH,
			request_count: 1,
			requests: [
				{
					body: {
						external_send_id: expect.stringMatching(/^n8n-/),
						recipient: { external_user_id: 'u1' },
					},
				},
			],
		});
	});

	it('sends the same body at node version 1 and 2 (nothing of this form moved)', async () => {
		const custom = { duplicateProtection: 'custom', externalSendId: '={{ "order-" + $json.id }}' };
		const v1 = await send(custom, [{ id: 'u1' }], { typeVersion: 1 });
		const v2 = await send(custom, [{ id: 'u2' }], { typeVersion: 2 });
		for (const result of [v1, v2]) {
			expect(result.output[0].json).toMatchObject({ sent: true, duplicate: false });
		}
		expect(sent().map((request) => request.body)).toEqual([
			{ external_send_id: 'order-u1', recipient: { external_user_id: 'u1' } },
			{ external_send_id: 'order-u2', recipient: { external_user_id: 'u2' } },
		]);
	});

	describe('what the form says', () => {
		const field = (name: string) =>
			new Braze().description.properties.find(
				(property) =>
					property.name === name &&
					property.displayOptions?.show?.resource?.includes('transactional'),
			) as INodeProperties;

		it('Duplicate Protection: Automatic covers retries only; Custom Key with the order ID, 24 hours', () => {
			const protection = field('duplicateProtection');
			const options = protection.options as INodePropertyOptions[];
			const automatic = options.find((option) => option.value === 'automatic')?.description;
			const custom = options.find((option) => option.value === 'custom')?.description;
			expect(automatic).toMatch(/^Retries only/);
			expect(automatic).toMatch(/webhook that arrives twice is a new execution and sends again/);
			expect(custom).toMatch(/^One email per key within 24 hours.*order ID/);
			expect(protection.hint).toMatch(/retries only/);
			expect(protection.hint).toMatch(/webhook that arrives twice/);
			expect(protection.hint).toMatch(
				/Custom Key with the order ID, e\.g\. order-\{\{ \$json\.id \}\}/,
			);
			expect(protection.hint).toMatch(/24 hours/);
			expect(field('externalSendId').hint).toMatch(/duplicate: true/);
		});

		it("Campaign ID says in sight that Braze's list cannot tell transactional campaigns apart", () => {
			expect(field('transactionalCampaignId').hint).toMatch(
				/every API campaign: Braze's list cannot tell which are Transactional Email/,
			);
		});
	});

	it('the campaign list offers API campaigns only', async () => {
		const list = await searchList('searchApiCampaigns', standInCredentials(standIn), {
			filter: 'o',
		});
		const values = list.results.map((entry) => entry.value);
		expect(values).toContain('cmp-order-0002');
		expect(values).not.toContain('cmp-winback-0003');
	});
});
