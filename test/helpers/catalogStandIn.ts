import type { IDataObject } from 'n8n-workflow';

import type { BrazeStandIn } from './standIn';

/** The stand-in's catalogs (test/sandbox/routes/catalogsStore.js), typed for the suites. */
export interface CatalogStore {
	reset(): void;
	/** visibleAfterMs: when a 202 change shows; windowMs: the rate-limit window (60 s). */
	configure(settings: { visibleAfterMs?: number; windowMs?: number }): void;
	create(
		name: string,
		fields: Array<{ name: string; type: string }>,
		description?: string,
		items?: IDataObject[],
	): unknown;
	/** The visible items of a catalog. */
	items(name: string): IDataObject[];
	catalogs: Map<string, { name: string; fields: Array<{ name: string; type: string }> }>;
	/** Every accepted item change, in order. */
	accepted: Array<{ catalog: string; action: string; id: string; at: number }>;
	/** Changes accepted with 202 that could not be applied later. */
	failed: Array<{ catalog: string; action: string; id: string; reason: string }>;
	pending: unknown[];
	/** Marks requests of a bucket's window as spent (pacing tests). */
	windows: Record<string, { end: number; used: number }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const store = require('../sandbox/routes/catalogsStore') as {
	catalogsOf(profiles: unknown): CatalogStore;
};

/** The catalogs of this stand-in. */
export function catalogStore(standIn: BrazeStandIn): CatalogStore {
	return store.catalogsOf(standIn.profiles);
}

/** Clears the stand-in's catalogs before each test (its reset() does not know them). */
export function useCatalogs(standIn: BrazeStandIn): () => CatalogStore {
	beforeEach(() => catalogStore(standIn).reset());
	return () => catalogStore(standIn);
}

/** A product catalog's fields, one of each type. */
export const PRODUCT_FIELDS = [
	{ name: 'name', type: 'string' },
	{ name: 'price', type: 'number' },
	{ name: 'in_stock', type: 'boolean' },
	{ name: 'tags', type: 'array' },
	{ name: 'released', type: 'time' },
	{ name: 'specs', type: 'object' },
];

/** `count` product rows as a feed gives them: sku-0001… */
export function productRows(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({
		sku: `sku-${String(index + 1).padStart(4, '0')}`,
		name: `Product ${index + 1}`,
		price: 10 + index,
	}));
}

/** Catalog Item parameters writing name and price by expression, for the catalog `products`. */
export function itemParameters(operation: string, extra: IDataObject = {}): IDataObject {
	return {
		resource: 'catalogItem',
		operation,
		catalogName: { __rl: true, mode: 'name', value: 'products' },
		itemId: '={{ $json.sku }}',
		itemFields: {
			field: [
				{ name: 'name', value: '={{ $json.name }}' },
				{ name: 'price', value: '={{ $json.price }}' },
			],
		},
		...extra,
	};
}
