import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { emailSend, TRIGGER_RESOURCES } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';
import { waitedForReset } from '../../helpers/virtualTime';

// Options › Batch Items: items whose message is the same share requests of up to 50 recipients.
// On by default on version 2 nodes; version 1 nodes keep one request per item.

const standIn = useStandIn();

const contacts = (count: number, prefix = 'u') =>
	Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index + 1}` }));

async function send(items: IDataObject[], extra: Partial<RunOptions> = {}, parameters = {}) {
	return await runBrazeNode({
		// Simplify off: the output keeps `request`, which says how the items went out.
		parameters: {
			...emailSend,
			externalUserIds: '={{ $json.id }}',
			simplify: false,
			...parameters,
		} as never,
		items,
		typeVersion: 2,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

const sends = () => standIn.requests.filter((request) => request.path === '/messages/send');
const idsOf = (request: { body?: IDataObject }) =>
	(request.body?.external_user_ids as string[] | undefined) ?? [];

/** Each contact got the message exactly once (or `times`). */
function expectEachDelivered(items: Array<{ id: string }>, times = 1) {
	for (const { id } of items) expect(standIn.deliveries.get(`external:${id}`) ?? 0).toBe(times);
}

describe('Message › Send › Batch Items', () => {
	it('120 one-contact items with the same email: 3 requests of 50, 50 and 20, each contact once', async () => {
		const items = contacts(120);
		const result = await send(items);
		expect(result.error).toBeUndefined();
		expect(sends().map((request) => idsOf(request).length)).toEqual([50, 50, 20]);
		expect(sends().flatMap(idsOf)).toEqual(items.map((item) => item.id));
		expectEachDelivered(items);
		// The rest of the body is the item's own, the same in every request.
		const rest = { ...(sends()[0].body as IDataObject) };
		delete rest.external_user_ids;
		expect(rest).toEqual({ broadcast: false, messages: { email: expect.any(Object) } });

		expect(result.output).toHaveLength(120);
		const dispatchIds = sends().map((request) => request.response.dispatch_id);
		for (const [index, item] of result.output.entries()) {
			const number = Math.floor(index / 50) + 1;
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toEqual({
				dispatch_id: dispatchIds[number - 1],
				message: 'success',
				request: {
					number,
					of: 3,
					items: number === 3 ? 20 : 50,
					recipients: number === 3 ? 20 : 50,
				},
			});
		}
	});

	it("with Simplify on (the default), each item outputs its request's dispatch_id and message only", async () => {
		const result = await send(contacts(3), {}, { simplify: true });
		expect(sends()).toHaveLength(1);
		expect(result.output.map((item) => item.json)).toEqual(
			[1, 2, 3].map(() => ({ dispatch_id: sends()[0].response.dispatch_id, message: 'success' })),
		);
	});

	it.each([
		[50, [50]],
		[51, [50, 1]],
		[100, [50, 50]],
	])('%i items make requests of %j', async (count, sizes) => {
		const items = contacts(count);
		const result = await send(items);
		expect(result.error).toBeUndefined();
		expect(sends().map((request) => idsOf(request).length)).toEqual(sizes);
		expectEachDelivered(items);
	});

	it('merges only items whose message is the same: a different subject goes in its own request', async () => {
		const items = [
			{ id: 'a1', subject: 'Hello' },
			{ id: 'b1', subject: 'Your order' },
			{ id: 'a2', subject: 'Hello' },
			{ id: 'b2', subject: 'Your order' },
			{ id: 'c1', subject: 'Other' },
		];
		const result = await send(items, {}, { emailSubject: '={{ $json.subject }}' });
		expect(result.error).toBeUndefined();
		const bySubject = sends().map((request) => [
			((request.body?.messages as IDataObject).email as IDataObject).subject,
			idsOf(request),
		]);
		expect(bySubject).toEqual([
			['Hello', ['a1', 'a2']],
			['Your order', ['b1', 'b2']],
			['Other', ['c1']],
		]);
		expectEachDelivered(items);
		expect(result.output.map((item) => item.json.dispatch_id)).toEqual([
			sends()[0].response.dispatch_id,
			sends()[1].response.dispatch_id,
			sends()[0].response.dispatch_id,
			sends()[1].response.dispatch_id,
			sends()[2].response.dispatch_id,
		]);
	});

	it('an alias-only item shares the request of ID items with the same message (IDs and aliases count together)', async () => {
		const items = [{ id: 'u1' }, { alias: 'crm-9' }, { id: 'u2' }];
		const result = await send(
			items,
			{},
			{
				externalUserIds: '={{ $json.id ?? "" }}',
				userAliases: {
					alias: [
						{
							aliasName: '={{ $json.alias ?? "" }}',
							aliasLabel: '={{ $json.alias ? "crm_id" : "" }}',
						},
					],
				},
			},
		);
		expect(result.error).toBeUndefined();
		expect(sends()).toHaveLength(1);
		expect(sends()[0].body).toMatchObject({
			external_user_ids: ['u1', 'u2'],
			user_aliases: [{ alias_name: 'crm-9', alias_label: 'crm_id' }],
		});
		expect(result.output.map((item) => (item.json.request as IDataObject).recipients)).toEqual([
			3, 3, 3,
		]);
	});

	it('never merges segment sends, and an item naming more than 50 users sends its own requests', async () => {
		const segment = await send(contacts(3), {}, { sendTo: 'segment', segmentId: 'seg-1' });
		expect(segment.error).toBeUndefined();
		expect(sends()).toHaveLength(3);
		standIn.reset();

		const many = contacts(60).map((item) => item.id);
		const items = [{ id: many }, { id: 'x1' }, { id: 'x2' }];
		const result = await send(items as never);
		expect(result.error).toBeUndefined();
		// The shared request goes as soon as its items are in; item 1's second chunk after its first.
		expect(sends().map((request) => idsOf(request).length)).toEqual([50, 2, 10]);
		expect(result.output[0].json.dispatch_ids).toHaveLength(2);
		expect(result.output[1].json.request).toEqual({ number: 1, of: 1, items: 2, recipients: 2 });
	});

	it('Options › Batch Items off, and version 1 nodes, send one request per item', async () => {
		await send(contacts(3), {}, { options: { batchItems: false } });
		expect(sends()).toHaveLength(3);
		standIn.reset();
		const v1 = await send(contacts(3), { typeVersion: 1 });
		expect(sends()).toHaveLength(3);
		expect(v1.output[0].json).toEqual({
			dispatch_id: sends()[0].response.dispatch_id,
			message: 'success',
		});
		standIn.reset();
		// Version 1 with the option on batches too.
		await send(contacts(3), { typeVersion: 1 }, { options: { batchItems: true } });
		expect(sends()).toHaveLength(1);
	});

	it('a one-item run sends and outputs exactly as without batching', async () => {
		const result = await send([{ id: 'solo' }]);
		expect(sends()).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			dispatch_id: sends()[0].response.dispatch_id,
			message: 'success',
		});
	});

	it('an item refused before sending fails alone (Continue On Fail); the others still share a request', async () => {
		const items = [{ id: 'u1' }, { id: 'u2', bad: true }, { id: 'u3' }];
		const result = await send(
			items,
			{ onError: 'continueRegularOutput' },
			{ emailFrom: '={{ $json.bad ? "not an address" : "Acme <news@acme.com>" }}' },
		);
		expect(sends()).toHaveLength(1);
		expect(idsOf(sends()[0])).toEqual(['u1', 'u3']);
		expect(result.output[1].json.error).toMatch(/From/);
		expect(result.output[0].json.request).toEqual({ number: 1, of: 1, items: 2, recipients: 2 });
	});

	it('Continue On Fail: a 500 on request 2 of 3 fails exactly its 50 items; the others are sent once', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const items = contacts(120);
		const result = await send(items, { onError: 'continueRegularOutput' });
		expect(result.output).toHaveLength(120);
		const failed = result.output.filter((item) => item.json.error !== undefined);
		expect(failed.map((item) => item.pairedItem)).toEqual(
			items.slice(50, 100).map((_, index) => ({ item: 50 + index })),
		);
		expect(String(failed[0].json.error)).toMatch(/may or may not/);
		expectEachDelivered([...items.slice(0, 50), ...items.slice(100)]);
		// A 500 is never sent again: three requests, one try each.
		expect(sends()).toHaveLength(3);
	});

	it('Stop on Error: a 500 on request 2 of 3 stops the run; request 3 is never sent', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const items = contacts(120);
		const result = await send(items);
		expect(result.error).toBeDefined();
		expect(sends()).toHaveLength(2);
		expectEachDelivered(items.slice(0, 50));
		expectEachDelivered(items.slice(100), 0);
	});

	it('Retry On Fail after a dropped answer: nobody gets the message twice', async () => {
		standIn.queueFaults({ type: 'acceptThenDrop' });
		const items = contacts(70);
		const result = await send(items, {
			settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 },
		});
		expect(result.error).toBeDefined();
		for (const { id } of items)
			expect(standIn.deliveries.get(`external:${id}`) ?? 0).toBeLessThanOrEqual(1);
		expectEachDelivered(items.slice(0, 50));
		expect(String(result.error?.message)).toMatch(/may or may not/);
	});

	it("n8n's Retry of the execution: what was confirmed is not sent again, what may have been sent is reported", async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const items = contacts(120);
		const failed = await send(items);
		expect(failed.error).toBeDefined();
		const before = sends().length;

		// n8n's Retry runs the node as the failed execution saved it (here: Stop on Error).
		const retried = await send(items, { retryOf: failed.run });
		const again = sends().slice(before).flatMap(idsOf);
		expect(again.filter((id) => Number(id.slice(1)) <= 100)).toEqual([]);
		expectEachDelivered(items.slice(0, 50));
		expectEachDelivered(items.slice(50, 100), 0);
		for (const { id } of items.slice(100)) {
			expect(standIn.deliveries.get(`external:${id}`) ?? 0).toBeLessThanOrEqual(1);
		}
		expect(retried.error?.message).toBe(
			'This item may or may not have reached Braze in an earlier try of this node: it is not sent again',
		);
	});

	it('a 429 on shared request 2 of 3 is waited out (virtual clock) and that request sent again: each contact once', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'rateLimited', resetInSeconds: 30 });
		const items = contacts(120);
		const result = await send(items);
		expect(result.error).toBeUndefined();
		// The stand-in refuses a 429 before reading the body as JSON: read the raw text for it.
		const recipients = (request: { body?: IDataObject; rawBody?: string }) =>
			idsOf({ body: request.body ?? (JSON.parse(request.rawBody ?? '{}') as IDataObject) });
		expect(sends().map((request) => [request.status, recipients(request).length])).toEqual([
			[201, 50],
			[429, 50],
			[201, 50],
			[201, 20],
		]);
		expect(idsOf(sends()[2])).toEqual(recipients(sends()[1]));
		expect(waitedForReset(30)).toBe(true);
		expectEachDelivered(items);
		// The items of the refused request output the dispatch_id of the request that went through.
		expect(result.output[50].json.dispatch_id).toBe(sends()[2].response.dispatch_id);
	});

	it("shared requests are paced by Braze's window: at 2 requests per 30 s the third waits for the reset, none refused", async () => {
		standIn.setRateLimit({ limit: 2, windowMs: 30_000 });
		const items = contacts(120);
		const result = await send(items);
		expect(result.error).toBeUndefined();
		expect(sends().map((request) => request.status)).toEqual([201, 201, 201]);
		expect(waitedForReset(30)).toBe(true);
		expectEachDelivered(items);
	});

	it('Dry Run shows the merged requests and the items in each, and sends nothing', async () => {
		const items = contacts(60);
		const result = await send(items, {}, { options: { dryRun: true } });
		expect(standIn.requests).toHaveLength(0);
		expect(result.output).toHaveLength(60);
		const first = result.output[0].json;
		expect(first).toMatchObject({ dry_run: true, method: 'POST', url: '/messages/send' });
		expect(((first.requests as IDataObject[])[0].body as IDataObject).external_user_ids).toEqual(
			items.slice(0, 50).map((item) => item.id),
		);
		expect(first.request).toEqual({
			number: 1,
			of: 2,
			items: items.slice(0, 50).map((_, index) => index),
		});
		expect(result.output[55].json.request).toEqual({
			number: 2,
			of: 2,
			items: [50, 51, 52, 53, 54, 55, 56, 57, 58, 59],
		});
	});
});

describe.each(TRIGGER_RESOURCES)('$label › Trigger › Batch Items', (resource) => {
	async function trigger(items: IDataObject[], parameters: IDataObject = {}, typeVersion = 2) {
		return await runBrazeNode({
			parameters: {
				resource: resource.resource,
				operation: 'trigger',
				[resource.idField]: resource.id,
				externalUserIds: '={{ $json.id }}',
				[resource.propertiesField]: { pair: [{ key: 'order', value: '={{ $json.order }}' }] },
				...parameters,
			} as never,
			items,
			typeVersion,
			credentials: standInCredentials(standIn),
		});
	}
	const triggers = () =>
		standIn.requests.filter((request) => request.path === `${resource.path}/send`);

	it('items with their own properties share a request: each recipient carries its own', async () => {
		const items = [
			{ id: 'u1', order: 'A-1' },
			{ id: 'u2', order: 'A-2' },
			{ id: 'u3', order: 'A-3' },
		];
		const result = await trigger(items);
		expect(result.error).toBeUndefined();
		expect(triggers()).toHaveLength(1);
		const body = triggers()[0].body as IDataObject;
		expect(body[resource.propertiesKey]).toBeUndefined();
		expect(body.recipients).toEqual(
			items.map(({ id, order }) => ({
				external_user_id: id,
				[resource.propertiesKey]: { order },
			})),
		);
		expectEachDelivered(items);
		expect(result.output.map((item) => item.json.dispatch_id)).toEqual([
			triggers()[0].response.dispatch_id,
			triggers()[0].response.dispatch_id,
			triggers()[0].response.dispatch_id,
		]);
	});

	it('250 order items make 5 requests, each contact once', async () => {
		const items = contacts(250).map((item, index) => ({ ...item, order: `O-${index}` }));
		const result = await trigger(items);
		expect(result.error).toBeUndefined();
		expect(triggers()).toHaveLength(5);
		expectEachDelivered(items);
	});

	it('a 429 on a shared request is waited out and that request sent again: each contact once, with its own properties', async () => {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 20 });
		const items = contacts(60).map((item, index) => ({ ...item, order: `O-${index}` }));
		const result = await trigger(items);
		expect(result.error).toBeUndefined();
		expect(triggers().map((request) => request.status)).toEqual([429, 201, 201]);
		expect(triggers()[1].body).toEqual(JSON.parse(String(triggers()[0].rawBody)));
		expect(waitedForReset(20)).toBe(true);
		expectEachDelivered(items);
	});

	it('a one-item run, and version 1 nodes, keep the properties where they were', async () => {
		await trigger([{ id: 'u1', order: 'A-1' }]);
		expect(triggers()[0].body).toMatchObject({
			recipients: [{ external_user_id: 'u1' }],
			[resource.propertiesKey]: { order: 'A-1' },
		});
		standIn.reset();
		await trigger(
			[
				{ id: 'u1', order: 'A-1' },
				{ id: 'u2', order: 'A-2' },
			],
			{},
			1,
		);
		expect(triggers()).toHaveLength(2);
	});
});
