import type { INodeProperties } from 'n8n-workflow';

import { optionsPropertyFor } from '../../shared/options';
import { catalogBatchItemsOption } from '../catalogItem/batching';
import { checkFieldsOption } from '../catalogItem/schemaCheck';

/**
 * Options › Retry Server Errors of the catalog operations: which of them a second try leaves the
 * same (docs/catalogs.md, "Retries"). Catalog › Create and Catalog Item › Create are never sent
 * again: a catalog or an item ID is created once, and a repeat would be refused or skipped.
 */
const retryServerErrorsOption: INodeProperties = {
	displayName: 'Retry Server Errors',
	name: 'retryServerErrors',
	type: 'boolean',
	default: false,
	description:
		'Whether to send again (up to twice, after 1 s, then 3 s) after a 5xx, a timeout or a connection dropped after sending, only where a second try comes out the same: Catalog › Delete, Catalog Field › Create and Delete, Catalog Item › Create or Replace, Delete, and Update without an array $add. Catalog › Create and Catalog Item › Create are never sent again (the item fails, saying what may have happened); reads are always asked again.',
};

/**
 * The Options collection of every Catalog, Catalog Field and Catalog Item operation, one
 * definition placed once in the node (mergeForms): Dry Run, Max Wait on Rate Limit, Retry Server
 * Errors and Timeout (the executor reads them from `options` whatever the operation), and Catalog
 * Item's Batch Items and Check Fields Against the Catalog, each shown for its own operations.
 */
export const catalogOptionsProperty: INodeProperties = {
	...optionsPropertyFor(
		'catalog',
		'getMany',
		['dryRun', 'maxWaitOnRateLimit', 'timeout'],
		'Dry run, timeout, how to handle rate limits and server errors, and how items are batched and checked',
		[retryServerErrorsOption, catalogBatchItemsOption, checkFieldsOption],
	),
	displayOptions: { show: { resource: ['catalog', 'catalogField', 'catalogItem'] } },
};
