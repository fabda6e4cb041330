import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { refusalText } from '../transport/request/answer';
import { isUrlRefusal } from '../transport/request/failurePolicy';
import { credentialKey, redactKey } from '../transport/request/redactKey';
import { isObjectLike, isPlainObject } from '../helpers/values/object';

/** One Braze list endpoint, as the searchable lists use it. */
export interface BrazeList {
	/** The endpoint path, e.g. /campaigns/list. */
	url: string;
	/** The API key permission Braze requires for it, e.g. campaigns.list. */
	permission: string;
	/** What the list holds, in words: "campaigns". */
	noun: string;
	/** Which entries the list offers, when not all of them (e.g. only API campaigns). */
	keep?: (entry: IDataObject) => boolean;
}

/** The parts of a failed request's error that say what happened, however n8n wrapped it. */
interface FailedRequest {
	httpCode?: unknown;
	status?: unknown;
	statusCode?: unknown;
	code?: unknown;
	response?: { status?: unknown };
	cause?: FailedRequest;
}

function failedRequest(error: unknown): FailedRequest {
	return isObjectLike(error) ? (error as FailedRequest) : {};
}

/** The HTTP status of a failed request, however n8n wrapped it. */
function statusOf(error: unknown): number | undefined {
	const e = failedRequest(error);
	const candidates = [
		e.httpCode,
		e.status,
		e.statusCode,
		e.response?.status,
		e.cause?.status,
		e.cause?.statusCode,
		e.cause?.response?.status,
	];
	for (const candidate of candidates) {
		const n = Number(candidate);
		if (Number.isInteger(n) && n >= 100) return n;
	}
	return undefined;
}

/** The network error code of a failed request (ECONNREFUSED, ENOTFOUND, …), if any. */
function codeOf(error: unknown): string {
	const e = failedRequest(error);
	const code = e.cause?.code ?? e.code;
	return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : '';
}

/** How long a list may take to load before the search gives up. */
const LIST_TIMEOUT_MS = 30_000;

/**
 * The error a failed list shows in the editor, in the words of every refused request
 * (refusalText). Built from the bare facts: the error n8n throws keeps the request
 * configuration, Authorization header included, in its causes.
 */
function listError(
	context: ILoadOptionsFunctions,
	list: BrazeList,
	status: number | undefined,
	code: string,
): NodeOperationError {
	const { message, description } =
		status === undefined
			? {
					message: `Could not reach Braze to list ${list.noun}`,
					description: `${code ? `Connection error: ${code}. ` : ''}Check the credential's Instance or Custom URL and the network. Pick By ID to enter the ID directly.`,
				}
			: refusalText(status, { list: list.noun, permission: list.permission });
	return new NodeOperationError(context.getNode(), message, { description });
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
	let answer: unknown;
	try {
		answer = await context.helpers.httpRequestWithAuthentication.call(context, 'brazeApi', {
			method: 'GET',
			url: list.url,
			qs,
			headers: { Accept: 'application/json' },
			json: true,
			timeout: LIST_TIMEOUT_MS,
		});
	} catch (error) {
		const refusal = isUrlRefusal(error as Error);
		if (refusal) throw new NodeOperationError(context.getNode(), refusal.message);
		throw listError(context, list, statusOf(error), codeOf(error));
	}
	if (!isPlainObject(answer)) {
		throw new NodeOperationError(
			context.getNode(),
			`The answer to the list of ${list.noun} was not Braze's`,
			{
				description:
					"Braze answers with JSON; something else (a login page, a proxy) answered at the Braze URL. Check the credential's Instance or Custom URL. Pick By ID to enter the ID directly.",
			},
		);
	}
	// The key out of the answer, in case something at the URL echoes the request's headers.
	return redactKey(answer, await credentialKey(context));
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
		const listed = response[list.key];
		const entries: unknown[] = Array.isArray(listed) ? listed : [];
		for (const entry of entries) {
			if (!isPlainObject(entry) || typeof entry.id !== 'string') continue;
			if (list.keep && !list.keep(entry)) continue;
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

/** A list-search method (methods.listSearch) over one page-numbered Braze export. */
export function pagedListSearch(list: BrazeList & { key: string }) {
	return async function searchList(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchPagedList(this, list, filter, paginationToken);
	};
}

/** A Braze list paged by limit and offset (/templates/email/list, /content_blocks/list). */
export interface OffsetList extends BrazeList {
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
			const page = await getBrazeList(this, list, { limit: BRAZE_PAGE_SIZE, ...skip });
			const listed = page[list.key];
			const entries: unknown[] = Array.isArray(listed) ? listed : [];
			for (const entry of entries) {
				if (!isPlainObject(entry)) continue;
				const id = entry[list.id];
				if (typeof id !== 'string') continue;
				const item = { name: String(entry[list.name] ?? id), value: id };
				if (matches(filter, item)) results.push(item);
			}
			offset += entries.length;
			if (entries.length < BRAZE_PAGE_SIZE) return { results };
			if (results.length > 0 || read + 1 >= MAX_PAGES_PER_SEARCH) {
				return { results, paginationToken: String(offset) };
			}
		}
	};
}
