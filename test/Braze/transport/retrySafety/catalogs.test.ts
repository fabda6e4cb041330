import type { IDataObject } from 'n8n-workflow';

import { catalogStore, PRODUCT_FIELDS } from '../../../helpers/catalogStandIn';
import {
	describeRetryMatrix,
	FAILURES,
	MODES,
	runCell,
	standIn,
} from '../../../helpers/retryMatrix';
import type { Operation } from '../../../helpers/retryMatrix';
import { RESENT_FIELD } from '../../../../nodes/Braze/transport/itemOutput';

/**
 * The catalog operations in the retry-safety matrix: each × each unclear answer (dropped after
 * Braze accepted, a timeout after Braze accepted, a 500) × each way of trying again (Retry Server
 * Errors off or on, n8n's Retry On Fail, n8n's Retry of the failed execution), counted where it
 * lands: the changes the stand-in's catalog accepted. Create or Replace, Delete and Update without
 * $add are idempotent per item ID and go again with Retry Server Errors; Create and an Update with
 * $add never do. No change is applied twice where twice would differ.
 */

const catalogs = () => catalogStore(standIn);
beforeEach(() => catalogs().reset());

const byId = '={{ $json.id }}';
const products = { __rl: true, mode: 'name', value: 'products' };
const ITEMS = '/catalogs/products/items';

/** A catalog of products with the matrix's two items, u1 and u2, already in it. */
async function withProducts(): Promise<IDataObject> {
	catalogs().create('products', PRODUCT_FIELDS, '', [
		{ id: 'u1', name: 'One', tags: ['a'] },
		{ id: 'u2', name: 'Two', tags: ['b'] },
	]);
	return {};
}
async function emptyProducts(): Promise<IDataObject> {
	catalogs().create('products', PRODUCT_FIELDS);
	return {};
}

/** How many times the stand-in accepted each item's change of this kind. */
const acceptedFor = (action: string) => (ids: string[]) =>
	ids.map(
		(id) =>
			catalogs().accepted.filter((change) => change.id === id && change.action === action).length,
	);
const acceptedAt = (path: string) => () => [
	standIn.accepted().filter((request) => request.path === path).length,
];

const item = (operation: string, fields: IDataObject = {}): IDataObject => ({
	resource: 'catalogItem',
	operation,
	catalogName: products,
	itemId: byId,
	...fields,
});
const named = (field: string, value: string) => ({
	itemFields: { field: [{ name: field, value }] },
});

const OPERATIONS: Operation[] = [
	{
		name: 'Catalog Item › Create or Replace (two items in one request)',
		rule: 'resend',
		parameters: item('replace', named('name', '={{ "Item " + $json.id }}')),
		ids: ['u1', 'u2'],
		path: ITEMS,
		before: emptyProducts,
		applied: acceptedFor('replace'),
	},
	{
		name: 'Catalog Item › Delete (two items in one request)',
		rule: 'resend',
		parameters: item('delete'),
		ids: ['u1', 'u2'],
		path: ITEMS,
		before: withProducts,
		applied: acceptedFor('delete'),
	},
	{
		name: 'Catalog Item › Update (values set)',
		rule: 'resend',
		parameters: item('update', named('name', 'Renamed')),
		ids: ['u1', 'u2'],
		path: ITEMS,
		before: withProducts,
		applied: acceptedFor('update'),
	},
	{
		name: 'Catalog Item › Update (an array $add)',
		rule: 'report',
		parameters: item('update', named('tags', '={{ { "$add": ["sale"] } }}')),
		ids: ['u1', 'u2'],
		path: ITEMS,
		before: withProducts,
		applied: acceptedFor('update'),
	},
	{
		name: 'Catalog Item › Create',
		rule: 'report',
		parameters: item('create', named('name', 'New')),
		ids: ['u1', 'u2'],
		path: ITEMS,
		before: emptyProducts,
		applied: acceptedFor('create'),
	},
	{
		name: 'Catalog › Create',
		rule: 'report',
		parameters: {
			resource: 'catalog',
			operation: 'create',
			newCatalogName: 'products',
			catalogFields: { field: [{ name: 'name', type: 'string' }] },
		},
		ids: ['u1'],
		path: '/catalogs',
		applied: acceptedAt('/catalogs'),
	},
	{
		name: 'Catalog Field › Create',
		rule: 'resend',
		parameters: {
			resource: 'catalogField',
			operation: 'create',
			catalogName: products,
			catalogFields: { field: [{ name: 'colour', type: 'string' }] },
		},
		ids: ['u1'],
		path: '/catalogs/products/fields',
		before: emptyProducts,
		applied: acceptedAt('/catalogs/products/fields'),
	},
	{
		name: 'Catalog Item › Get Many',
		rule: 'read',
		parameters: {
			resource: 'catalogItem',
			operation: 'getMany',
			catalogName: products,
			returnAll: true,
		},
		ids: ['u1'],
		path: ITEMS,
		before: withProducts,
		applied: () => [0],
	},
	{
		name: 'Catalog Item › Get',
		rule: 'read',
		parameters: item('get'),
		ids: ['u1'],
		path: `${ITEMS}/u1`,
		before: withProducts,
		applied: () => [0],
	},
	{
		name: 'Catalog › Get',
		rule: 'read',
		parameters: { resource: 'catalog', operation: 'get', catalogName: products },
		ids: ['u1'],
		path: '/catalogs',
		before: withProducts,
		applied: () => [0],
	},
];

describeRetryMatrix(OPERATIONS);

/**
 * Deletions that Braze refuses to repeat (the catalog, or the field, is gone after the first
 * try): sent again only with Retry Server Errors; when the first try went through, the second's
 * refusal says that it may come from the first.
 */
const DELETIONS = [
	{
		name: 'Catalog › Delete',
		parameters: {
			resource: 'catalog',
			operation: 'delete',
			catalogName: products,
			confirmCatalogDelete: true,
		},
		path: '/catalogs/products',
		gone: () => !catalogs().catalogs.has('products'),
		words: /so the catalog may or may not have been deleted by the first try/,
	},
	{
		name: 'Catalog Field › Delete',
		parameters: {
			resource: 'catalogField',
			operation: 'delete',
			catalogName: products,
			fieldName: 'price',
		},
		path: '/catalogs/products/fields/price',
		gone: () =>
			!catalogs()
				.catalogs.get('products')
				?.fields.some((field) => field.name === 'price'),
		words: /so the field may or may not have been deleted by the first try/,
	},
];

describe.each(DELETIONS)('$name', (deletion) => {
	describe.each(FAILURES)('$name', (failure) => {
		it.each(MODES)('$name', async (mode) => {
			const operation: Operation = {
				name: deletion.name,
				rule: 'resend',
				parameters: deletion.parameters,
				ids: ['u1'],
				path: deletion.path,
				before: withProducts,
				applied: acceptedAt(deletion.path),
			};
			const { result, requests } = await runCell(operation, failure, mode);
			const acceptedTimes = operation.applied(['u1'])[0];
			expect(acceptedTimes).toBeLessThanOrEqual(1);
			if (!mode.retryServerErrors) {
				expect(requests).toHaveLength(1);
				expect(result.error).toBeDefined();
				expect(deletion.gone()).toBe(failure.accepted);
				return;
			}
			expect(requests.length).toBeGreaterThanOrEqual(2);
			expect(deletion.gone()).toBe(true);
			if (failure.accepted) {
				expect(String(result.error?.description)).toMatch(deletion.words);
			} else {
				expect(result.error).toBeUndefined();
				expect(result.output[0].json[RESENT_FIELD]).toBe(true);
			}
		});
	});
});
