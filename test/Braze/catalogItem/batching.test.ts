import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import {
	itemParameters,
	PRODUCT_FIELDS,
	productRows,
	useCatalogs,
} from '../../helpers/catalogStandIn';
import { standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime, waitedForReset } from '../../helpers/virtualTime';

// Catalog Item writes batched across items: the run's items for one catalog share the bulk
// endpoint's requests of up to 50, each item gets its own output, and Braze's errors go to the
// items they name.

const standIn = useStandIn();
const catalogs = useCatalogs(standIn);

beforeEach(() => {
	catalogs().create('products', PRODUCT_FIELDS);
});

async function write(
	operation: string,
	items: IDataObject[],
	extra: Partial<RunOptions> = {},
	parameters: IDataObject = {},
) {
	return await runBrazeNode({
		parameters: itemParameters(operation, { simplify: false, ...parameters }) as never,
		items,
		typeVersion: 2,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

const bulk = () =>
	standIn.requests.filter((request) => request.path === '/catalogs/products/items');
const idsIn = (request: { body?: IDataObject }) =>
	((request.body?.items as IDataObject[] | undefined) ?? []).map((item) => item.id);
const skus = (rows: IDataObject[]) => rows.map((row) => row.sku);

describe('Catalog Item › Create or Replace, batched across items', () => {
	it('1,000 product rows make ceil(1000 / 50) = 20 requests of 50; each row gets its own output', async () => {
		const rows = productRows(1000);
		const result = await write('replace', rows);
		expect(result.error).toBeUndefined();
		expect(bulk()).toHaveLength(20);
		expect(bulk().every((request) => request.method === 'PUT' && request.status === 202)).toBe(
			true,
		);
		expect(bulk().map((request) => idsIn(request).length)).toEqual(Array(20).fill(50));
		expect(bulk().flatMap(idsIn)).toEqual(skus(rows));
		expect(result.output).toHaveLength(1000);
		for (const [index, item] of result.output.entries()) {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({
				id: rows[index].sku,
				catalog: 'products',
				accepted: true,
				status: 'queued',
				message: 'success',
				request: { number: Math.floor(index / 50) + 1, of: 20, items: 50 },
			});
			expect(String(item.json.note)).toMatch(/queued, not yet applied/);
		}
		expect(catalogs().items('products')).toHaveLength(1000);
		expect(catalogs().items('products')[999]).toEqual({
			id: 'sku-1000',
			name: 'Product 1000',
			price: 1009,
		});
		// 1,000 items through n8n's routing take well over jest's 30 s on a loaded machine.
	}, 300_000);

	it('items for two catalogs never share a request', async () => {
		catalogs().create('stores', [
			{ name: 'name', type: 'string' },
			{ name: 'price', type: 'number' },
		]);
		const rows = productRows(4).map((row, index) => ({
			...row,
			catalog: index % 2 ? 'stores' : 'products',
		}));
		const result = await write(
			'replace',
			rows,
			{},
			{
				catalogName: { __rl: true, mode: 'name', value: '={{ $json.catalog }}' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.path, idsIn(request)])).toEqual([
			['/catalogs/products/items', ['sku-0001', 'sku-0003']],
			['/catalogs/stores/items', ['sku-0002', 'sku-0004']],
		]);
		expect(result.output.map((item) => item.json.catalog)).toEqual([
			'products',
			'stores',
			'products',
			'stores',
		]);
	});

	it('Options › Batch Items off: one request per row', async () => {
		const result = await write('replace', productRows(3), {}, { options: { batchItems: false } });
		expect(result.error).toBeUndefined();
		expect(bulk().map(idsIn)).toEqual([['sku-0001'], ['sku-0002'], ['sku-0003']]);
		expect(result.output.map((item) => item.json.id)).toEqual(['sku-0001', 'sku-0002', 'sku-0003']);
		expect(result.output[0].json.request).toBeUndefined();
	});

	it('Simplify (version 2, on by default) leaves out the request bookkeeping', async () => {
		const result = await write('replace', productRows(2), {}, { simplify: true });
		expect(result.output[0].json).toEqual({
			id: 'sku-0001',
			catalog: 'products',
			accepted: true,
			status: 'queued',
			note: expect.stringMatching(/^Braze accepted the change \(202\)/),
			message: 'success',
		});
	});

	it('a later row with an ID an earlier row has is refused before sending; the others share a request', async () => {
		const rows = [...productRows(3), { ...productRows(1)[0], name: 'Again' }];
		const result = await write('replace', rows, { onError: 'continueRegularOutput' });
		expect(bulk().map(idsIn)).toEqual([['sku-0001', 'sku-0002', 'sku-0003']]);
		expect(result.output[3].json.error).toBe('Item ID "sku-0001" is also on item 0 of this run');
	});
});

describe("Braze's errors go to the rows they name", () => {
	it('a row with a field the catalog lacks fails alone; the rest of its request is sent again without it', async () => {
		const rows = productRows(5);
		const result = await write(
			'replace',
			rows,
			{ onError: 'continueRegularOutput' },
			{
				itemFields: {
					field: [
						{ name: 'name', value: '={{ $json.name }}' },
						{
							name: '={{ $json.sku === "sku-0003" ? "colour" : "price" }}',
							value: '={{ $json.price }}',
						},
					],
				},
			},
		);
		expect(bulk().map((request) => [request.status, idsIn(request)])).toEqual([
			[400, skus(rows)],
			[202, ['sku-0001', 'sku-0002', 'sku-0004', 'sku-0005']],
		]);
		expect(result.output).toHaveLength(5);
		const [failed] = result.output.filter((item) => item.json.error !== undefined);
		expect(failed.pairedItem).toEqual({ item: 2 });
		expect(failed.json.error).toBe(
			'Braze refused catalog item "sku-0003": Some of the fields given do not exist in the catalog (invalid-fields)',
		);
		expect(String(failed.error?.description)).toMatch(
			/add the field first \(Catalog Field › Create\)/,
		);
		expect(result.output.filter((item) => item.json.accepted).map((item) => item.json.id)).toEqual([
			'sku-0001',
			'sku-0002',
			'sku-0004',
			'sku-0005',
		]);
		expect(
			catalogs()
				.items('products')
				.map((item) => item.id),
		).toEqual(['sku-0001', 'sku-0002', 'sku-0004', 'sku-0005']);
	});

	it('Stop on Error: the named row is the error shown, and nothing more is sent', async () => {
		const result = await write(
			'replace',
			productRows(5),
			{},
			{
				itemFields: {
					field: [
						{
							name: '={{ $json.sku === "sku-0002" ? "colour" : "price" }}',
							value: '={{ $json.price }}',
						},
					],
				},
			},
		);
		expect(result.error?.message).toBe(
			'Braze refused catalog item "sku-0002": Some of the fields given do not exist in the catalog (invalid-fields)',
		);
		expect(bulk()).toHaveLength(1);
		expect(catalogs().items('products')).toEqual([]);
	});

	it('an error that names no item goes to every row of its request', async () => {
		catalogs().catalogs.delete('products');
		const result = await write('replace', productRows(3), { onError: 'continueRegularOutput' });
		expect(bulk()).toHaveLength(1);
		expect(result.output.map((item) => item.json.error)).toEqual(
			Array(3)
				.fill('Braze refused catalog item "sku-0001": Could not find catalog (catalog-not-found)')
				.map((text, index) => text.replace('sku-0001', `sku-000${index + 1}`)),
		);
		expect(String(result.output[0].error?.description)).toMatch(/names no single item/);
	});
});

describe('A server error on request 2 of 3', () => {
	const rows = productRows(120);

	it('Continue On Fail: exactly the 50 rows of request 2 fail, saying they may have been queued; the others are queued once', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const result = await write('replace', rows, { onError: 'continueRegularOutput' });
		expect(bulk().map((request) => request.status)).toEqual([202, 500, 202]);
		const failed = result.output.filter((item) => item.json.error !== undefined);
		expect(failed.map((item) => item.pairedItem)).toEqual(
			rows.slice(50, 100).map((_, index) => ({ item: 50 + index })),
		);
		expect(String(failed[0].json.error)).toMatch(
			/server error \(500\): the items may or may not have been queued for creation or replacement/,
		);
		expect(result.output.filter((item) => item.json.accepted)).toHaveLength(70);
		expect(catalogs().accepted.map((change) => change.id)).toEqual(
			skus([...rows.slice(0, 50), ...rows.slice(100)]),
		);
	});

	it('Stop on Error: the run stops at request 2; request 3 is never sent, and the error lists what was', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const result = await write('replace', rows);
		expect(result.error).toBeDefined();
		expect(bulk()).toHaveLength(2);
		expect(catalogs().accepted.map((change) => change.id)).toEqual(skus(rows.slice(0, 50)));
		expect(String(result.error?.description)).toMatch(
			/Already sent in this run, so do not send them again: items 0–49\./,
		);
		expect(String(result.error?.description)).toMatch(
			/May or may not have reached Braze: items 50–99/,
		);
		expect(String(result.error?.description)).toMatch(/Not sent: items 100–119/);
	});
});

describe('Rate limits', () => {
	it('a 429 is waited out (on the virtual clock) and the request sent again: every row queued once', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'rateLimited', resetInSeconds: 30 });
		const rows = productRows(120);
		const result = await write('replace', rows);
		expect(result.error).toBeUndefined();
		expect(bulk().map((request) => request.status)).toEqual([202, 429, 202, 202]);
		expect(waitedForReset(30)).toBe(true);
		expect(catalogs().accepted.map((change) => change.id)).toEqual(skus(rows));
	});

	it('the bulk endpoints are paced by their own limit: a spent window is waited out before the next request', async () => {
		const now = virtualTime.now();
		catalogs().windows.catalogItemsBulk = { end: now + 20_000, used: 15_999 };
		const rows = productRows(100);
		const result = await write('replace', rows);
		expect(result.error).toBeUndefined();
		// The first request spends the window (its headers say 0 left); the second waits for the reset.
		expect(bulk().map((request) => request.status)).toEqual([202, 202]);
		expect(waitedForReset(20)).toBe(true);
		expect(bulk()[0].response).toEqual({ message: 'success' });
	});

	/** Catalog Item › Get Many (Return All) of 120 rows, the item endpoints' window closing in `ms` with 1 request left. */
	async function getManyWithWindowEndingIn(ms: number) {
		catalogs().create(
			'products',
			PRODUCT_FIELDS,
			'',
			productRows(120).map((row) => ({ id: row.sku })),
		);
		catalogs().windows.catalogItems = { end: virtualTime.now() + ms, used: 49 };
		return await runBrazeNode({
			parameters: itemParameters('getMany', { returnAll: true }) as never,
			credentials: standInCredentials(standIn),
		});
	}

	it("Get Many's pages are paced by the synchronous item endpoints' own 50 a minute", async () => {
		const result = await getManyWithWindowEndingIn(45_000);
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(120);
		// Page 1 spends the window; pages 2 and 3 go after its reset, without a 429.
		expect(standIn.requests.map((request) => request.status)).toEqual([200, 200, 200]);
		expect(waitedForReset(45)).toBe(true);
	});

	it('a whole per-minute window is waited out under the default Max Wait (60 s): 120 rows read at 50 requests a minute', async () => {
		const result = await getManyWithWindowEndingIn(60_000);
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(120);
		expect(standIn.requests.map((request) => request.status)).toEqual([200, 200, 200]);
	});
});
