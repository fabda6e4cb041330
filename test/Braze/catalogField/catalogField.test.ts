import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { useCatalogs } from '../../helpers/catalogStandIn';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// Catalog Field › Create and Delete: asynchronous, Braze answers 202 and changes the schema later.

const standIn = useStandIn();
const catalogs = useCatalogs(standIn);

async function field(operation: string, parameters: IDataObject) {
	return await runBrazeNode({
		parameters: {
			resource: 'catalogField',
			operation,
			catalogName: { __rl: true, mode: 'name', value: 'products' },
			...parameters,
		} as never,
		credentials: standInCredentials(standIn),
	});
}
const fieldNames = () =>
	catalogs()
		.catalogs.get('products')
		?.fields.map((f) => f.name);

describe('Catalog Field › Create', () => {
	it('sends the new fields to POST /catalogs/{name}/fields; the output says queued', async () => {
		catalogs().create('products', [{ name: 'name', type: 'string' }]);
		const result = await field('create', {
			catalogFields: {
				field: [
					{ name: 'price', type: 'number' },
					{ name: 'released', type: 'time' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0]).toMatchObject({
			method: 'POST',
			path: '/catalogs/products/fields',
			status: 202,
			body: {
				fields: [
					{ name: 'price', type: 'number' },
					{ name: 'released', type: 'time' },
				],
			},
		});
		expect(result.output[0].json).toEqual({
			catalog: 'products',
			fields: ['price', 'released'],
			accepted: true,
			status: 'queued',
			message: 'success',
		});
		expect(fieldNames()).toEqual(['id', 'name', 'price', 'released']);
	});

	it('more than 50 fields are refused before sending: Braze takes 50 a request', async () => {
		const many = Array.from({ length: 51 }, (_, i) => ({ name: `f${i}`, type: 'string' }));
		const result = await field('create', { catalogFields: { field: many } });
		expect(result.error?.message).toBe(
			'Fields has 51 entries; Braze takes at most 50 in one request',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it("a catalog Braze does not have: Braze's words", async () => {
		const result = await field('create', {
			catalogFields: { field: [{ name: 'a', type: 'string' }] },
		});
		expect(result.error?.message).toBe(
			'Braze rejected the request (404): Could not find catalog (catalog-not-found)',
		);
	});
});

describe('Catalog Field › Delete', () => {
	it('sends DELETE /catalogs/{name}/fields/{field}; the field and its values go', async () => {
		catalogs().create(
			'products',
			[
				{ name: 'name', type: 'string' },
				{ name: 'price', type: 'number' },
			],
			'',
			[{ id: 'a', name: 'A', price: 1 }],
		);
		const result = await field('delete', { fieldName: 'price' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'DELETE /catalogs/products/fields/price 202',
		]);
		expect(result.output[0].json).toEqual({
			catalog: 'products',
			field: 'price',
			accepted: true,
			status: 'queued',
			message: 'success',
		});
		expect(fieldNames()).toEqual(['id', 'name']);
		expect(catalogs().items('products')).toEqual([{ id: 'a', name: 'A' }]);
	});

	it.each([
		['id', 'Field Name is "id", the field every catalog keeps'],
		[
			'sale price',
			'Field Name "sale price" has characters Braze does not allow (only letters, digits, - and _)',
		],
	])('the field name %j is refused before sending', async (name, message) => {
		const result = await field('delete', { fieldName: name });
		expect(result.error?.message).toBe(message);
		expect(standIn.requests).toHaveLength(0);
	});
});
