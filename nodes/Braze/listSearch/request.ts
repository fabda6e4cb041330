import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';

/** One Braze list endpoint, as the searchable lists use it. */
export interface BrazeList {
	/** The endpoint path, e.g. /campaigns/list. */
	url: string;
	/** The API key permission Braze requires for it, e.g. campaigns.list. */
	permission: string;
	/** What the list holds, in words: "campaigns". */
	noun: string;
}

/** The HTTP status of a failed request, however n8n wrapped it. */
function statusOf(error: unknown): number | undefined {
	const e = error as IDataObject & { cause?: IDataObject & { response?: IDataObject } };
	const candidates = [
		e?.httpCode,
		e?.status,
		e?.statusCode,
		(e?.response as IDataObject | undefined)?.status,
		e?.cause?.status,
		e?.cause?.statusCode,
		e?.cause?.response?.status,
	];
	for (const candidate of candidates) {
		const n = Number(candidate);
		if (Number.isInteger(n) && n >= 100) return n;
	}
	return undefined;
}

/**
 * GET one page of a Braze list endpoint with the node's credential. A key without the listing
 * permission gets a message naming that permission and the By ID way round it.
 */
export async function getBrazeList(
	context: ILoadOptionsFunctions,
	list: BrazeList,
	qs: IDataObject,
): Promise<IDataObject> {
	try {
		return (await context.helpers.httpRequestWithAuthentication.call(context, 'brazeApi', {
			method: 'GET',
			url: list.url,
			qs,
			headers: { Accept: 'application/json' },
			json: true,
		})) as IDataObject;
	} catch (error) {
		const status = statusOf(error);
		if (status === 403) {
			throw new NodeOperationError(
				context.getNode(),
				`The API key lacks the ${list.permission} permission: pick By ID, or create a key with ${list.permission}`,
				{
					description: `Braze refused to list ${list.noun} (403). Listing needs an API key with the ${list.permission} permission (Settings › APIs and Identifiers). Sending does not: By ID works with the key you have.`,
				},
			);
		}
		if (status === 401) {
			throw new NodeOperationError(
				context.getNode(),
				`Braze did not accept the API key while listing ${list.noun}: check the credential, or pick By ID`,
			);
		}
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}

/** Case-insensitive match of the search text against a list entry's name or id. */
export function matches(filter: string | undefined, item: INodeListSearchItems): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	if (needle === '') return true;
	return (
		item.name.toLowerCase().includes(needle) || String(item.value).toLowerCase().includes(needle)
	);
}

/** Braze's page-numbered exports return up to 100 entries a page. */
export const BRAZE_PAGE_SIZE = 100;
/** With a search text, at most this many pages are read per call before handing back a token. */
const MAX_PAGES_PER_SEARCH = 5;

/**
 * Searches a page-numbered Braze export (/campaigns/list, /canvas/list, /segments/list): reads
 * from the page in the token, filters, and reads on while a search has found nothing yet.
 */
export async function searchPagedList(
	context: ILoadOptionsFunctions,
	list: BrazeList & { key: string },
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	let page = Number(paginationToken ?? 0);
	if (!Number.isInteger(page) || page < 0) page = 0;
	const results: INodeListSearchItems[] = [];
	for (let read = 0; ; read += 1) {
		const response = await getBrazeList(context, list, { page, include_archived: false });
		const entries = Array.isArray(response[list.key]) ? (response[list.key] as IDataObject[]) : [];
		for (const entry of entries) {
			if (typeof entry.id !== 'string') continue;
			const item = { name: String(entry.name ?? entry.id), value: entry.id };
			if (matches(filter, item)) results.push(item);
		}
		page += 1;
		const more = entries.length >= BRAZE_PAGE_SIZE;
		if (!more) return { results };
		if (results.length > 0 || read + 1 >= MAX_PAGES_PER_SEARCH) {
			return { results, paginationToken: String(page) };
		}
	}
}
