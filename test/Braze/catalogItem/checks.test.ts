import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import {
	itemParameters,
	PRODUCT_FIELDS,
	productRows,
	useCatalogs,
} from '../../helpers/catalogStandIn';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// Checked before anything is sent: the catalog's name, item IDs, field names and values, the
// item's size; and, with Options › Check Fields Against the Catalog, each field and its type
// against the catalog's own fields, read once per run.

const standIn = useStandIn();
const catalogs = useCatalogs(standIn);

beforeEach(() => {
	catalogs().create('products', PRODUCT_FIELDS);
});

async function run(
	operation: string,
	parameters: IDataObject,
	items: IDataObject[] = productRows(1),
) {
	return await runBrazeNode({
		parameters: itemParameters(operation, parameters) as never,
		items,
		credentials: standInCredentials(standIn),
	});
}

const fields = (...entries: Array<[string, unknown]>) => ({
	itemFields: { field: entries.map(([name, value]) => ({ name, value })) },
});
const long = (length: number) => 'x'.repeat(length);

describe('Catalog Item: bad input is refused before sending, naming the field and the fix', () => {
	it.each([
		[
			'an item ID with a space',
			{ itemId: 'sku 1' },
			'Item ID "sku 1" has characters Braze does not allow (only letters, digits, - and _)',
			/letters \(A–Z, a–z\), digits, hyphens \(-\) and underscores \(_\)/,
		],
		[
			'an item ID of 251 characters',
			{ itemId: long(251) },
			'Item ID is 251 characters long; Braze allows at most 250',
			/at most 250 characters/,
		],
		['an empty item ID', { itemId: '={{ "" }}' }, 'Item ID is empty', /Fill in "Item ID"/],
		[
			'an expression typed as fixed text in Item ID',
			{ itemId: '{{ $json.sku }}' },
			'Item ID "{{ $json.sku }}" has characters Braze does not allow (only letters, digits, - and _)',
			/looks like an expression typed as fixed text/,
		],
		[
			'a catalog name with a dot',
			{ catalogName: { __rl: true, mode: 'name', value: '={{ "my.products" }}' } },
			'Catalog "my.products" has characters Braze does not allow (only letters, digits, - and _)',
			/A Braze catalog name/,
		],
		[
			'no catalog picked',
			{ catalogName: { __rl: true, mode: 'name', value: '={{ "" }}' } },
			'Catalog is empty',
			/Pick the catalog From List/,
		],
		[
			'a field name with a space',
			fields(['sale price', 1]),
			'Fields entry 1 › Name "sale price" has characters Braze does not allow (only letters, digits, - and _)',
			/field name/,
		],
		[
			'a field named id',
			fields(['id', 'x']),
			'Fields entry 1 (id) names the field "id"',
			/Item ID/,
		],
		[
			'a field given twice',
			fields(['price', 1], ['price', 2]),
			'Fields entry 2 (price): the field "price" is given twice',
			/once/,
		],
		[
			'a list with a number in it',
			fields(['tags', '={{ ["a", 1, "c"] }}']),
			'Fields entry 1 (tags) is a list with something other than texts',
			/lists hold texts only/,
		],
		[
			'a list of 101 texts',
			fields(['tags', `={{ Array.from({ length: 101 }, (_, i) => "t" + i) }}`]),
			'Fields entry 1 (tags) has 101 entries; Braze keeps at most 100 in a catalog list',
			/at most 100/,
		],
		[
			'an object key with a dot',
			fields(['specs', '={{ { "weight.kg": 2 } }}']),
			'Fields entry 1 (specs) has the key "weight.kg"',
			/keys with \. or \$/,
		],
		[
			'a value an expression leaves undefined',
			fields(['name', '={{ $json.missing }}']),
			'Fields entry 1 (name) gives no value (undefined)',
			/null to clear/,
		],
		[
			'an item over 5,000 characters',
			fields(['name', long(5000)]),
			'Item "sku-0001" is 5,027 characters long as JSON; Braze takes at most 5,000 for an item',
			/Shorten/,
		],
		[
			'JSON that is not an object',
			{ itemFieldsMode: 'json', itemJson: '["a"]' },
			'Fields (JSON) must be a JSON object',
			/e\.g\./,
		],
		[
			'a JSON key Braze does not allow as a field name',
			{ itemFieldsMode: 'json', itemJson: '{"sale price": 1}' },
			'Fields (JSON), the key "sale price" has characters Braze does not allow (only letters, digits, - and _)',
			/field name/,
		],
	])('%s', async (_case, parameters, message, fix) => {
		const result = await run('replace', parameters as IDataObject);
		expect(result.error?.message).toBe(message);
		expect(String(result.error?.description)).toMatch(fix);
		expect(standIn.requests).toHaveLength(0);
	});

	it('Update with no fields is refused: there is nothing to update', async () => {
		const result = await run('update', { itemFields: {} });
		expect(result.error?.message).toBe('Fields is empty, so there is nothing to update');
		expect(standIn.requests).toHaveLength(0);
	});

	it('Stop on Error: one bad row among many stops the run before any request', async () => {
		const rows = productRows(120).map((row, index) =>
			index === 70 ? { ...row, sku: 'bad sku' } : row,
		);
		const result = await run('replace', {}, rows);
		expect(result.error?.message).toMatch(/^Item ID "bad sku"/);
		expect(standIn.requests).toHaveLength(0);
	});

	it('values keep their type: text, numbers, true/false, null, lists of texts, objects, dates', async () => {
		const result = await run(
			'replace',
			fields(
				['name', 'Trail shoe'],
				['price', '={{ 89.5 }}'],
				['in_stock', '={{ true }}'],
				['tags', '={{ ["running", "trail"] }}'],
				['specs', '={{ { "weight": 2 } }}'],
				['released', '={{ DateTime.fromISO("2026-03-01T09:00:00Z") }}'],
			),
		);
		expect(result.error).toBeUndefined();
		const [item] = standIn.requests[0].body?.items as IDataObject[];
		expect(item).toEqual({
			id: 'sku-0001',
			name: 'Trail shoe',
			price: 89.5,
			in_stock: true,
			tags: ['running', 'trail'],
			specs: { weight: 2 },
			released: expect.any(String),
		});
		// A date from an expression goes out as ISO 8601 text, the same instant.
		expect(new Date(String(item.released)).toISOString()).toBe('2026-03-01T09:00:00.000Z');
	});

	it('JSON mode sends the object as the item, with the ID from Item ID', async () => {
		const result = await run('replace', {
			itemFieldsMode: 'json',
			itemJson: '={{ { name: $json.name, price: $json.price } }}',
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			items: [{ id: 'sku-0001', name: 'Product 1', price: 10 }],
		});
	});
});

describe('Options › Check Fields Against the Catalog', () => {
	const checked = (extra: IDataObject = {}) => ({ options: { checkFields: true }, ...extra });

	it('reads the catalog once per run, then sends: 120 rows make one GET /catalogs and 3 writes', async () => {
		const result = await run('replace', checked(), productRows(120));
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /catalogs',
			'PUT /catalogs/products/items',
			'PUT /catalogs/products/items',
			'PUT /catalogs/products/items',
		]);
	});

	it('a field the catalog lacks: the row is refused before anything is sent, naming row, field and the fields there are', async () => {
		const rows = productRows(3);
		const result = await runBrazeNode({
			parameters: itemParameters('replace', {
				...checked(),
				...fields(
					['name', '={{ $json.name }}'],
					['={{ $json.sku === "sku-0002" ? "colour" : "price" }}', '={{ $json.price }}'],
				),
			}) as never,
			items: rows,
			credentials: standInCredentials(standIn),
		});
		expect(result.error?.message).toBe('Field "colour" is not in catalog "products" (item 1)');
		expect(result.error?.description).toBe(
			"The catalog's fields: id, name, price, in_stock, tags, released, specs. Correct the field's name, or add the field first (Catalog Field › Create). No item of this run was sent.",
		);
		expect(standIn.requests.map((request) => request.path)).toEqual(['/catalogs']);
	});

	it.each([
		[
			'price',
			'abc',
			'Field "price" must be a number (catalog "products" types it number), but it is "abc" (item 0)',
		],
		[
			'in_stock',
			'yes',
			'Field "in_stock" must be true or false (catalog "products" types it boolean), but it is "yes" (item 0)',
		],
		[
			'released',
			'next week',
			'Field "released" must be an ISO 8601 time (e.g. 2026-03-01T09:00:00Z) (catalog "products" types it time), but it is "next week" (item 0)',
		],
		[
			'tags',
			'={{ { a: 1 } }}',
			'Field "tags" must be a list of at most 100 texts (catalog "products" types it array), but it is an object (item 0)',
		],
		[
			'specs',
			'={{ ["a"] }}',
			'Field "specs" must be a JSON object (catalog "products" types it object), but it is a list (item 0)',
		],
	])(
		'a value of the wrong type for %s is refused, naming the expected type',
		async (name, value, message) => {
			const result = await run('replace', checked(fields([name, value])));
			expect(result.error?.message).toBe(message);
			expect(standIn.requests.map((request) => request.path)).toEqual(['/catalogs']);
		},
	);

	it("text is converted to the field's type before sending", async () => {
		const result = await run(
			'replace',
			checked(
				fields(
					['price', '12.5'],
					['in_stock', 'true'],
					['tags', '["a","b"]'],
					['specs', '{"size": "L"}'],
					['name', '={{ 42 }}'],
				),
			),
		);
		expect(result.error).toBeUndefined();
		expect(standIn.requests[1].body).toEqual({
			items: [
				{
					id: 'sku-0001',
					price: 12.5,
					in_stock: true,
					tags: ['a', 'b'],
					specs: { size: 'L' },
					name: '42',
				},
			],
		});
	});

	it('with Dry Run, the row is still checked (one read), and nothing is written', async () => {
		const result = await run('replace', {
			options: { checkFields: true, dryRun: true },
			...fields(['price', '7']),
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /catalogs',
		]);
		expect(result.output[0].json).toMatchObject({
			dry_run: true,
			method: 'PUT',
			requests: [{ body: { items: [{ id: 'sku-0001', price: 7 }] } }],
		});
	});

	it('a catalog Braze does not have is refused, pointing to Catalog › Create', async () => {
		const result = await run(
			'replace',
			checked({ catalogName: { __rl: true, mode: 'name', value: 'stores' } }),
		);
		expect(result.error?.message).toBe('Braze has no catalog named "stores" (item 0)');
		expect(standIn.requests.map((request) => request.path)).toEqual(['/catalogs']);
	});

	it('Update may change an array field with $add/$remove', async () => {
		const result = await run('update', checked(fields(['tags', '={{ { "$add": ["sale"] } }}'])));
		expect(result.error).toBeUndefined();
		expect(standIn.requests[1]).toMatchObject({
			method: 'PATCH',
			body: { items: [{ id: 'sku-0001', tags: { $add: ['sale'] } }] },
		});
	});
});
