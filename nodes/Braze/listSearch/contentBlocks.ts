import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { getBrazeList, matches } from './request';
import type { BrazeList } from './request';

const LIMIT = 100;
const MAX_PAGES_PER_SEARCH = 5;

/** A Braze list paged by limit and offset, as a pick-list reads it. */
interface OffsetList extends BrazeList {
	/** The answer's key that holds the entries. */
	key: string;
	/** Each entry's ID and name. */
	id: string;
	name: string;
	/** Leave `offset` out of the first request (Braze wants it greater than 0). */
	omitZeroOffset?: boolean;
}

/**
 * A list-search method (methods.listSearch) over a Braze list paged by limit and offset: reads
 * from the offset in the token, filters, and reads on while a search has found nothing yet.
 */
export function offsetListSearch(list: OffsetList) {
	return async function searchList(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		let offset = Number(paginationToken ?? 0);
		if (!Number.isInteger(offset) || offset < 0) offset = 0;
		const results: INodeListSearchItems[] = [];
		for (let read = 0; ; read += 1) {
			const skip = offset === 0 && list.omitZeroOffset ? {} : { offset };
			const page = await getBrazeList(this, list, { limit: LIMIT, ...skip });
			const entries = Array.isArray(page[list.key]) ? (page[list.key] as IDataObject[]) : [];
			for (const entry of entries) {
				const id = entry[list.id];
				if (typeof id !== 'string') continue;
				const item = { name: String(entry[list.name] ?? id), value: id };
				if (matches(filter, item)) results.push(item);
			}
			offset += entries.length;
			if (entries.length < LIMIT) return { results };
			if (results.length > 0 || read + 1 >= MAX_PAGES_PER_SEARCH) {
				return { results, paginationToken: String(offset) };
			}
		}
	};
}

/**
 * Content Blocks from GET /content_blocks/list (needs content_blocks.list); Braze wants an offset
 * greater than 0, so the first page has none
 * (https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/get_list_email_content_blocks).
 */
export const searchContentBlocks = offsetListSearch({
	url: '/content_blocks/list',
	permission: 'content_blocks.list',
	noun: 'Content Blocks',
	key: 'content_blocks',
	id: 'content_block_id',
	name: 'name',
	omitZeroOffset: true,
});
