import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import {
	catalogStore,
	itemParameters,
	PRODUCT_FIELDS,
	productRows,
	useCatalogs,
} from '../../helpers/catalogStandIn';
import { startStandIn, standInCredentials, useStandIn } from '../../helpers/standIn';

// Catalog Item: each operation against the stand-in's catalog, what went over the wire and what
// came out.

const standIn = useStandIn();
const catalogs = useCatalogs(standIn);

const existing = [
	{ id: 'sku-0001', name: 'Old 1', price: 1, tags: ['a'] },
	{ id: 'sku-0002', name: 'Old 2', price: 2, tags: ['b'] },
];

beforeEach(() => {
	catalogs().create('products', PRODUCT_FIELDS, '', existing);
});

async function run(operation: string, items: IDataObject[], parameters: IDataObject = {}) {
	return await runBrazeNode({
		parameters: itemParameters(operation, parameters) as never,
		items,
		credentials: standInCredentials(standIn),
	});
}
const wire = () => standIn.requests.map((request) => [request.method, request.path, request.body]);

describe('Catalog Item writes', () => {
	it('Create: POST, whole items; an ID that exists is skipped by Braze after its 202 (and reported nowhere)', async () => {
		const result = await run('create', productRows(3));
		expect(result.error).toBeUndefined();
		expect(wire()).toEqual([
			[
				'POST',
				'/catalogs/products/items',
				{ items: productRows(3).map((row) => ({ id: row.sku, name: row.name, price: row.price })) },
			],
		]);
		expect(
			result.output.map((item) => [item.json.id, item.json.accepted, item.json.status]),
		).toEqual([
			['sku-0001', true, 'queued'],
			['sku-0002', true, 'queued'],
			['sku-0003', true, 'queued'],
		]);
		expect(
			catalogs()
				.items('products')
				.map((item) => [item.id, item.name]),
		).toEqual([
			['sku-0001', 'Old 1'],
			['sku-0002', 'Old 2'],
			['sku-0003', 'Product 3'],
		]);
		expect(catalogs().failed.map((change) => [change.id, change.reason])).toEqual([
			['sku-0001', 'item-already-exists'],
			['sku-0002', 'item-already-exists'],
		]);
	});

	it('Update: PATCH with only the given fields; the others stay', async () => {
		const result = await run('update', productRows(2), {
			itemFields: { field: [{ name: 'price', value: '={{ $json.price * 2 }}' }] },
		});
		expect(result.error).toBeUndefined();
		expect(wire()).toEqual([
			[
				'PATCH',
				'/catalogs/products/items',
				{
					items: [
						{ id: 'sku-0001', price: 20 },
						{ id: 'sku-0002', price: 22 },
					],
				},
			],
		]);
		expect(catalogs().items('products')).toEqual([
			{ id: 'sku-0001', name: 'Old 1', price: 20, tags: ['a'] },
			{ id: 'sku-0002', name: 'Old 2', price: 22, tags: ['b'] },
		]);
	});

	it('Update: an array field takes $add (JSON mode)', async () => {
		const result = await run('update', productRows(1), {
			itemFieldsMode: 'json',
			itemJson: '{"tags": {"$add": ["sale"]}}',
		});
		expect(result.error).toBeUndefined();
		expect(catalogs().items('products')[0].tags).toEqual(['a', 'sale']);
	});

	it('Create or Replace: PUT, each item whole; missing fields go, new IDs are created', async () => {
		const result = await run('replace', productRows(3));
		expect(result.error).toBeUndefined();
		expect(wire()[0].slice(0, 2)).toEqual(['PUT', '/catalogs/products/items']);
		expect(catalogs().items('products')).toEqual([
			{ id: 'sku-0001', name: 'Product 1', price: 10 },
			{ id: 'sku-0002', name: 'Product 2', price: 11 },
			{ id: 'sku-0003', name: 'Product 3', price: 12 },
		]);
	});

	it('Delete: DELETE with the IDs alone', async () => {
		const result = await run('delete', productRows(2));
		expect(result.error).toBeUndefined();
		expect(wire()).toEqual([
			['DELETE', '/catalogs/products/items', { items: [{ id: 'sku-0001' }, { id: 'sku-0002' }] }],
		]);
		expect(result.output.map((item) => item.json.id)).toEqual(['sku-0001', 'sku-0002']);
		expect(catalogs().items('products')).toEqual([]);
	});

	it('Dry Run: the shared request as it would go, nothing sent', async () => {
		const result = await run('replace', productRows(3), { options: { dryRun: true } });
		expect(standIn.requests).toHaveLength(0);
		expect(result.output[0].json).toMatchObject({
			dry_run: true,
			method: 'PUT',
			url: '/catalogs/products/items',
			note: 'Items for the same catalog share requests of up to 50 items.',
		});
		expect(
			((result.output[0].json.requests as IDataObject[])[0].body as IDataObject).items,
		).toHaveLength(3);
	});
});

describe('Catalog Item reads', () => {
	it('Get: GET /catalogs/{name}/items/{id}, the item as the output', async () => {
		const result = await run('get', [{ sku: 'sku-0002' }]);
		expect(result.error).toBeUndefined();
		expect(wire()).toEqual([['GET', '/catalogs/products/items/sku-0002', undefined]]);
		expect(result.output.map((item) => item.json)).toEqual([existing[1]]);
	});

	it("Get of an ID Braze does not have fails the item with Braze's words", async () => {
		const result = await run('get', [{ sku: 'sku-9999' }]);
		expect(result.error?.message).toBe(
			'Braze rejected the request (404): Could not find item (item-not-found)',
		);
	});

	it("Get Many › Return All follows the Link header's next cursor to the last page", async () => {
		catalogs().create(
			'products',
			PRODUCT_FIELDS,
			'',
			productRows(120).map((row) => ({ id: row.sku, price: row.price })),
		);
		const result = await run('getMany', [{}], { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.query)).toEqual([
			{},
			{ cursor: Buffer.from('skip:50').toString('base64') },
			{ cursor: Buffer.from('skip:100').toString('base64') },
		]);
		expect(result.output).toHaveLength(120);
		expect(result.output[119].json).toEqual({ id: 'sku-0120', price: 129 });
	});

	it('Get Many › Limit 60 stops after the page that has them', async () => {
		catalogs().create(
			'products',
			PRODUCT_FIELDS,
			'',
			productRows(120).map((row) => ({ id: row.sku })),
		);
		const result = await run('getMany', [{}], { limit: 60 });
		expect(standIn.requests).toHaveLength(2);
		expect(result.output).toHaveLength(60);
	});
});

describe('A 202 is queued, not applied', () => {
	it('the change shows in reads only once Braze has applied it (the stand-in applies it 5 s later)', async () => {
		let now = Date.parse('2026-03-01T09:00:00Z');
		const own = await startStandIn({ now: () => now });
		try {
			const store = catalogStore(own);
			store.create('products', PRODUCT_FIELDS);
			store.configure({ visibleAfterMs: 5000 });
			const credentials = standInCredentials(own);
			const write = await runBrazeNode({
				parameters: itemParameters('replace') as never,
				items: productRows(1),
				credentials,
			});
			expect(write.output[0].json).toMatchObject({ accepted: true, status: 'queued' });
			const read = async () =>
				await runBrazeNode({
					parameters: itemParameters('get') as never,
					items: productRows(1),
					credentials,
					onError: 'continueRegularOutput',
				});
			expect((await read()).output[0].json.error).toMatch(/Could not find item/);
			now += 5000;
			expect((await read()).output[0].json).toEqual({
				id: 'sku-0001',
				name: 'Product 1',
				price: 10,
			});
		} finally {
			await own.close();
		}
	});
});
