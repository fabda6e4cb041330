import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from '../../helpers/validation/invalidInput';
import { booleanField } from '../../helpers/validation/fieldValues';
import { isPlainObject } from '../../helpers/values/object';
import { readNumber } from '../../helpers/values/number';
import { dryRunResult } from '../dryRun';
import { sendUnlessHalted } from '../itemRequest';
import type { ItemRun } from '../itemRequest';

/**
 * Get Many: an item's list, read page by page with the endpoint's own paging, until Return All
 * has every page or Limit has enough records. Braze pages its lists three ways:
 * - `page`: ?page=0, 1, … of a fixed size (100 for /campaigns/list, /canvas/list, /segments/list,
 *   https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaigns; 250 for /events/list);
 * - `offset`: ?limit=…&offset=… with a maximum limit (500 for /email/unsubscribes,
 *   https://www.braze.com/docs/api/endpoints/email/get_query_unsubscribed_email_addresses;
 *   1,000 for /templates/email/list and /content_blocks/list);
 * - `cursor`: the next page's ?cursor=… from the answer's Link header (catalog items, /events,
 *   https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/get_catalog_items_details_bulk).
 * A page is asked once: a read that fails after its retries fails the item.
 */
export type PageStyle =
	| { kind: 'page'; size: number }
	| {
			kind: 'offset';
			max: number;
			/** Leave `offset` out of the first request (/content_blocks/list refuses offset=0). */
			omitZeroOffset?: boolean;
	  }
	| { kind: 'cursor' };

/** How an operation's answer lists its records, and how Braze pages them (ExecutorSpec.paging). */
export interface PagingSpec {
	style: PageStyle;
	/** The answer's key that holds the records, e.g. `emails`. */
	listKey: string;
	/** One output item per record (default: the record as Braze gives it; a string becomes `{ value }`). */
	record?: (record: unknown) => IDataObject;
	/**
	 * A lookup Braze answers in one page, asked once without paging parameters: with limit or
	 * offset, /email/hard_bounces?email=… "can return an empty response"
	 * (https://www.braze.com/docs/api/endpoints/email/get_list_hard_bounces).
	 */
	whole?: (query: IDataObject) => boolean;
}

/** How many records the item wants: all of them, or up to Limit. */
export interface PageWant {
	returnAll: boolean;
	limit: number;
}

/** Return All and Limit, read and checked before anything is sent. */
export function pageWant(context: IExecuteSingleFunctions): PageWant {
	const returnAll = booleanField(
		context,
		context.getNodeParameter('returnAll', false),
		'Return All',
		false,
	);
	if (returnAll) return { returnAll, limit: Infinity };
	const raw: unknown = context.getNodeParameter('limit', 50);
	const limit = readNumber(raw);
	if (limit === undefined || !Number.isInteger(limit) || limit < 1) {
		throw invalidInput(
			context,
			`Limit must be a whole number of 1 or more, but it is ${JSON.stringify(raw)}`,
			'Set Limit to how many records to return (for example 50), or turn on Return All.',
		);
	}
	return { returnAll, limit };
}

/** The query of page `index`, having `fetched` records so far (and the cursor Braze gave last). */
export function pageQuery(
	style: PageStyle,
	base: IDataObject,
	index: number,
	fetched: number,
	want: PageWant,
	cursor?: string,
): IDataObject {
	if (style.kind === 'page') return { ...base, page: index };
	if (style.kind === 'cursor') return cursor === undefined ? { ...base } : { ...base, cursor };
	const limit = want.returnAll ? style.max : Math.min(style.max, want.limit - fetched);
	const skip = fetched === 0 && style.omitZeroOffset ? {} : { offset: fetched };
	return { ...base, limit, ...skip };
}

/** Whether the list ends with this page: a short page, or no next cursor. */
function lastPage(style: PageStyle, query: IDataObject, count: number, cursor?: string): boolean {
	if (count === 0) return true;
	if (style.kind === 'page') return count < style.size;
	if (style.kind === 'offset') return count < Number(query.limit);
	return cursor === undefined;
}

/** The Dry Run output of a Get Many: the first page's request, as it would be sent. */
export function firstPageDryRun(item: ItemRun, paging: PagingSpec): IDataObject {
	const want = pageWant(item.retry.context);
	return {
		...dryRunResult(item.retry.requestData.options, [
			paging.whole?.(item.body) ? item.body : pageQuery(paging.style, item.body, 0, 0, want),
		]),
		paging: paging.style.kind,
	};
}

/**
 * Reads the item's records page by page. Memory grows with the records returned alone: each
 * page's answer is dropped once its records are taken.
 */
export async function pagedRecords(item: ItemRun, paging: PagingSpec): Promise<IDataObject[]> {
	const { context } = item.retry;
	const want = pageWant(context);
	const records: IDataObject[] = [];
	let cursor: string | undefined;
	for (let index = 0; ; index += 1) {
		const whole = paging.whole?.(item.body) === true;
		const query = whole
			? item.body
			: pageQuery(paging.style, item.body, index, records.length, want, cursor);
		const outcome = await sendUnlessHalted(item.retry, query);
		if ('failure' in outcome) throw outcome.failure.error;
		const list = outcome.json[paging.listKey];
		if (!Array.isArray(list)) throw noListError(context, paging.listKey);
		for (const record of list) {
			if (records.length >= want.limit) break;
			records.push(paging.record ? paging.record(record) : asRecord(record));
		}
		if (records.length >= want.limit || whole) return records;
		// A cursor Braze gives twice would loop: the list ends there.
		const next = outcome.nextCursor === cursor ? undefined : outcome.nextCursor;
		if (lastPage(paging.style, query, list.length, next)) return records;
		cursor = next;
	}
}

function asRecord(record: unknown): IDataObject {
	return isPlainObject(record) ? record : { value: record as IDataObject[string] };
}

function noListError(context: IExecuteSingleFunctions, listKey: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Braze's answer has no list of ${listKey}`, {
		description: `Braze answers this request with ${listKey}, a list. Check the credential's Instance or Custom URL.`,
		itemIndex: context.getItemIndex(),
	});
}
