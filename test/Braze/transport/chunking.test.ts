import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { emailSend, users } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

const email = emailSend;

async function send(recipients: IDataObject, items?: IDataObject[]) {
	return await runBrazeNode({
		parameters: { ...email, ...recipients } as never,
		items,
		credentials: standInCredentials(standIn),
	});
}

const sentIds = () =>
	standIn.requests.map((request) => (request.body?.external_user_ids as string[]) ?? []);

function expectEachDeliveredOnce(ids: string[]) {
	expect(standIn.deliveries.size).toBe(ids.length);
	for (const id of ids) expect(standIn.deliveries.get(`external:${id}`)).toBe(1);
}

describe('Chunking past 50 named users', () => {
	it('sends 120 users as consecutive requests of 50, 50 and 20, in input order, as one output item', async () => {
		const ids = users(120);
		const result = await send({ externalUserIds: ids.join(',') });
		expect(result.error).toBeUndefined();
		expect(sentIds()).toEqual([ids.slice(0, 50), ids.slice(50, 100), ids.slice(100)]);
		expectEachDeliveredOnce(ids);

		expect(result.output).toHaveLength(1);
		const [item] = result.output;
		const dispatchIds = standIn.requests.map((request) => request.response.dispatch_id);
		expect(Object.keys(item.json).slice(0, 2)).toEqual(['dispatch_id', 'message']);
		expect(item.json).toEqual({
			dispatch_id: dispatchIds[0],
			message: 'success',
			dispatch_ids: dispatchIds,
			requests: [
				{ request: 1, external_user_ids: ids.slice(0, 50), dispatch_id: dispatchIds[0] },
				{ request: 2, external_user_ids: ids.slice(50, 100), dispatch_id: dispatchIds[1] },
				{ request: 3, external_user_ids: ids.slice(100), dispatch_id: dispatchIds[2] },
			],
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('counts external IDs and aliases together: 48 IDs and 3 aliases make 50 + 1', async () => {
		const ids = users(48);
		const aliases = [1, 2, 3].map((n) => ({ aliasName: `crm-${n}`, aliasLabel: 'crm_id' }));
		const result = await send({ externalUserIds: ids.join(','), userAliases: { alias: aliases } });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(2);
		const [first, second] = standIn.requests.map((request) => request.body as IDataObject);
		expect(first.external_user_ids).toEqual(ids);
		expect(first.user_aliases).toEqual([
			{ alias_name: 'crm-1', alias_label: 'crm_id' },
			{ alias_name: 'crm-2', alias_label: 'crm_id' },
		]);
		expect(second.external_user_ids).toBeUndefined();
		expect(second.user_aliases).toEqual([{ alias_name: 'crm-3', alias_label: 'crm_id' }]);
		// Everything else in the body is the same in every request.
		expect({ ...first, external_user_ids: 0, user_aliases: 0 }).toEqual({
			...second,
			external_user_ids: 0,
			user_aliases: 0,
		});
		expect(result.output[0].json.requests).toEqual([
			expect.objectContaining({ request: 1, external_user_ids: ids }),
			{
				request: 2,
				user_aliases: [{ alias_name: 'crm-3', alias_label: 'crm_id' }],
				dispatch_id: standIn.requests[1].response.dispatch_id,
			},
		]);
		expect(standIn.deliveries.size).toBe(51);
	});

	it('keeps the single-request output shape for exactly 50 users', async () => {
		const result = await send({ externalUserIds: users(50).join(',') });
		expect(standIn.requests).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			dispatch_id: standIn.requests[0].response.dispatch_id,
			message: 'success',
		});
	});

	it('sends a segment broadcast as one request', async () => {
		const result = await send({ segmentId: 'seg-1', broadcast: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			dispatch_id: standIn.requests[0].response.dispatch_id,
			message: 'success',
		});
	});

	it("reports each request's non-fatal errors, and all of them at the top", async () => {
		const ids = users(60);
		ids[55] = 'unknown-7';
		const result = await send({ externalUserIds: ids.join(',') });
		const json = result.output[0].json;
		const requests = json.requests as IDataObject[];
		expect(requests[0].errors).toBeUndefined();
		expect(requests[1].errors).toEqual(standIn.requests[1].response.errors);
		expect(String(requests[1].errors)).toMatch(/unknown-7/);
		expect(json.errors).toEqual(requests[1].errors);
		expect(json.message).toBe('success');
	});

	it('gives each of several items one output item, with its own requests in order', async () => {
		const items = [users(70, 'a'), users(3, 'b'), users(101, 'c')].map((ids) => ({ ids }));
		const result = await send({ externalUserIds: '={{ $json.ids }}' }, items);
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(3);
		expect(result.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect((result.output[0].json.dispatch_ids as string[]).length).toBe(2);
		expect(result.output[1].json.dispatch_ids).toBeUndefined();
		expect((result.output[2].json.dispatch_ids as string[]).length).toBe(3);
		for (const [index, { ids }] of items.entries()) {
			const own = sentIds().filter((sent) => sent[0]?.startsWith('abc'[index]));
			expect(own.flat()).toEqual(ids);
		}
		expectEachDeliveredOnce(items.flatMap((item) => item.ids));
	});

	it('sends 10,000 users from one item in 200 requests, each user once', async () => {
		const ids = users(10000);
		const result = await send({ externalUserIds: '={{ $json.ids }}' }, [{ ids }]);
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(200);
		expect(standIn.requests.every((request) => request.status === 201)).toBe(true);
		expect((result.output[0].json.dispatch_ids as string[]).length).toBe(200);
		expect(sentIds().flat()).toEqual(ids);
		expectEachDeliveredOnce(ids);
	});
});
