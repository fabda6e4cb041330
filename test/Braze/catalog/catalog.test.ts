import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { PRODUCT_FIELDS, useCatalogs } from '../../helpers/catalogStandIn';
import { searchList } from '../../helpers/loadOptions';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// Catalog › Get Many, Get, Create and Delete, and the catalog pick-list.

const standIn = useStandIn();
const catalogs = useCatalogs(standIn);

async function catalog(
	operation: string,
	parameters: IDataObject = {},
	extra: Partial<RunOptions> = {},
) {
	return await runBrazeNode({
		parameters: { resource: 'catalog', operation, ...parameters } as never,
		credentials: standInCredentials(standIn),
		...extra,
	});
}
const named = (value: string) => ({ catalogName: { __rl: true, mode: 'name', value } });
const wire = () => standIn.requests.map((request) => `${request.method} ${request.path}`);

describe('Catalog › Get Many', () => {
	it('lists every catalog with its fields, one output item each', async () => {
		catalogs().create('products', PRODUCT_FIELDS, 'Our products', [{ id: 'a' }, { id: 'b' }]);
		catalogs().create('stores', [{ name: 'city', type: 'string' }]);
		const result = await catalog('getMany', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(wire()).toEqual(['GET /catalogs']);
		expect(standIn.requests[0].query).toEqual({});
		expect(result.output.map((item) => [item.json.name, item.json.num_items])).toEqual([
			['products', 2],
			['stores', 0],
		]);
		expect(result.output[1].json.fields).toEqual([
			{ name: 'id', type: 'string' },
			{ name: 'city', type: 'string' },
		]);
	});

	it('Limit 1 returns the first catalog', async () => {
		catalogs().create('products', PRODUCT_FIELDS);
		catalogs().create('stores', []);
		const result = await catalog('getMany', { limit: 1 });
		expect(result.output.map((item) => item.json.name)).toEqual(['products']);
	});
});

describe('Catalog › Get', () => {
	it("outputs one catalog's fields and types", async () => {
		catalogs().create('products', PRODUCT_FIELDS, 'Our products');
		catalogs().create('stores', []);
		const result = await catalog('get', named('products'));
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toMatchObject({
			name: 'products',
			description: 'Our products',
			num_items: 0,
			fields: [{ name: 'id', type: 'string' }, ...PRODUCT_FIELDS],
		});
	});

	it('a catalog Braze does not have fails the item, listing the ones it has', async () => {
		catalogs().create('products', []);
		const result = await catalog('get', named('stores'));
		expect(result.error?.message).toBe('Braze has no catalog named "stores"');
		expect(String(result.error?.description)).toMatch(/The workspace's catalogs: products/);
	});
});

describe('Catalog › Create', () => {
	const create = {
		newCatalogName: 'products',
		catalogDescription: 'Our products',
		catalogFields: {
			field: [
				{ name: 'name', type: 'string' },
				{ name: 'price', type: 'number' },
				{ name: 'tags', type: 'array' },
			],
		},
	};

	it('sends one catalog, id (text) first, and outputs the catalog Braze made', async () => {
		const result = await catalog('create', create);
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0]).toMatchObject({
			method: 'POST',
			path: '/catalogs',
			status: 201,
			body: {
				catalogs: [
					{
						name: 'products',
						description: 'Our products',
						fields: [
							{ name: 'id', type: 'string' },
							{ name: 'name', type: 'string' },
							{ name: 'price', type: 'number' },
							{ name: 'tags', type: 'array' },
						],
					},
				],
			},
		});
		expect(result.output[0].json).toMatchObject({
			name: 'products',
			num_items: 0,
			message: 'success',
		});
		expect(catalogs().catalogs.has('products')).toBe(true);
	});

	it.each([
		[
			'a name with a space',
			{ newCatalogName: 'our products' },
			'Name "our products" has characters Braze does not allow (only letters, digits, - and _)',
		],
		[
			'a description over 250 characters',
			{ catalogDescription: 'd'.repeat(251) },
			'Description is 251 characters long; Braze allows at most 250',
		],
		['no fields', { catalogFields: {} }, 'Fields is empty'],
		[
			'a field named id',
			{ catalogFields: { field: [{ name: 'id', type: 'string' }] } },
			'Fields entry 1 › Name is "id", the field every catalog has',
		],
		[
			'a field given twice',
			{
				catalogFields: {
					field: [
						{ name: 'a', type: 'string' },
						{ name: 'a', type: 'number' },
					],
				},
			},
			'Fields entry 2 › Name "a" is given twice',
		],
		[
			'a type that is not a catalog type',
			{ catalogFields: { field: [{ name: 'a', type: '={{ "geo" }}' }] } },
			'Fields entry 1 › Type is "geo", not a catalog field type',
		],
	])('%s is refused before sending', async (_case, parameters, message) => {
		const result = await catalog('create', { ...create, ...parameters });
		expect(result.error?.message).toBe(message);
		expect(standIn.requests).toHaveLength(0);
	});

	it("Braze's refusal keeps Braze's words: a name that exists", async () => {
		catalogs().create('products', []);
		const result = await catalog('create', create);
		expect(result.error?.message).toBe(
			'Braze rejected the request (400): A catalog with that name already exists (catalog-name-already-exists)',
		);
		expect(result.error?.description).toBe(
			'Braze says: catalog-name-already-exists: A catalog with that name already exists (name: "products")',
		);
	});
});

describe('Catalog › Delete', () => {
	it('does nothing while Confirm Deletion is off', async () => {
		catalogs().create('products', []);
		const result = await catalog('delete', named('products'));
		expect(result.error?.message).toBe('Confirm Deletion is off, so nothing was deleted');
		expect(standIn.requests).toHaveLength(0);
		expect(catalogs().catalogs.has('products')).toBe(true);
	});

	it('with Confirm Deletion, sends DELETE /catalogs/{name}', async () => {
		catalogs().create('products', []);
		const result = await catalog('delete', { ...named('products'), confirmCatalogDelete: true });
		expect(result.error).toBeUndefined();
		expect(wire()).toEqual(['DELETE /catalogs/products']);
		expect(result.output[0].json).toEqual({
			catalog: 'products',
			deleted: true,
			message: 'success',
		});
		expect(catalogs().catalogs.has('products')).toBe(false);
	});

	it("a catalog Braze does not have: Braze's own words, not a missing endpoint", async () => {
		const result = await catalog('delete', { ...named('stores'), confirmCatalogDelete: true });
		expect(result.error?.message).toBe(
			'Braze rejected the request (404): Could not find catalog (catalog-not-found)',
		);
		expect(result.error?.description).toBe(
			'Braze says: catalog-not-found: Could not find catalog (catalog_name: "stores")',
		);
	});

	it('Dry Run shows the request and sends nothing', async () => {
		const result = await catalog('delete', {
			...named('products'),
			confirmCatalogDelete: true,
			options: { dryRun: true },
		});
		expect(standIn.requests).toHaveLength(0);
		expect(result.output[0].json).toMatchObject({
			dry_run: true,
			method: 'DELETE',
			url: '/catalogs/products',
		});
	});
});

describe('The catalog pick-list (From List)', () => {
	it('lists the catalogs by name, with their item count and description; the search text filters', async () => {
		catalogs().create('products', [], 'Our products', [{ id: 'a' }]);
		catalogs().create('stores', []);
		const credentials = standInCredentials(standIn);
		expect(await searchList('searchCatalogs', credentials)).toEqual({
			results: [
				{ name: 'products (1 item · Our products)', value: 'products' },
				{ name: 'stores (0 items)', value: 'stores' },
			],
		});
		expect((await searchList('searchCatalogs', credentials, { filter: 'STO' })).results).toEqual([
			{ name: 'stores (0 items)', value: 'stores' },
		]);
		expect(standIn.requests.map((request) => request.path)).toEqual(['/catalogs', '/catalogs']);
	});

	it('the picked catalog goes into the path', async () => {
		catalogs().create('products', PRODUCT_FIELDS);
		const result = await runBrazeNode({
			parameters: {
				resource: 'catalogItem',
				operation: 'get',
				catalogName: {
					__rl: true,
					mode: 'list',
					value: 'products',
					cachedResultName: 'products (0 items)',
				},
				itemId: 'sku-1',
			} as never,
			credentials: standInCredentials(standIn),
			onError: 'continueRegularOutput',
		});
		expect(wire()).toEqual(['GET /catalogs/products/items/sku-1']);
		expect(result.output[0].json.error).toBe(
			'Braze rejected the request (404): Could not find item (item-not-found)',
		);
	});
});
