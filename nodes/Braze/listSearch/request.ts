import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { credentialKey, redactKey } from '../transport/request/redactKey';

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

/** The network error code of a failed request (ECONNREFUSED, ENOTFOUND, …), if any. */
function codeOf(error: unknown): string {
	const e = error as { code?: unknown; cause?: { code?: unknown } };
	const code = e?.cause?.code ?? e?.code;
	return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : '';
}

/** How long a list may take to load before the search gives up. */
const LIST_TIMEOUT_MS = 30_000;

/**
 * The error a failed list shows in the editor. Built from the bare facts: the error n8n throws
 * keeps the request configuration, Authorization header included, in its causes.
 */
function listError(
	context: ILoadOptionsFunctions,
	list: BrazeList,
	status: number | undefined,
	code: string,
): NodeOperationError {
	const byId = 'Pick By ID to enter the ID directly.';
	let message: string;
	let description: string;
	if (status === 403) {
		message = `The API key lacks the ${list.permission} permission: pick By ID, or create a key with ${list.permission}`;
		description = `Braze refused to list ${list.noun} (403). Listing needs an API key with the ${list.permission} permission (Settings › APIs and Identifiers). Sending does not: By ID works with the key you have.`;
	} else if (status === 401) {
		message = `Braze did not accept the API key while listing ${list.noun}: check the credential, or pick By ID`;
		description =
			"Check the REST API key and that the credential's Instance matches your dashboard (a key only works on its own instance).";
	} else if (status !== undefined && status >= 300 && status < 400) {
		message = `Braze did not answer the list of ${list.noun}: the URL answered with a redirect (${status})`;
		description = `The node never follows redirects, so the API key went nowhere else. Braze's REST API does not redirect: check the credential's Instance or Custom URL. ${byId}`;
	} else if (status === 404) {
		message = `Braze has no list of ${list.noun} at this URL (404)`;
		description = `Check the credential's Instance or Custom URL. ${byId}`;
	} else if (status !== undefined && status >= 500) {
		message = `Braze answered with a server error (${status}) while listing ${list.noun}`;
		description = `Try again in a moment. ${byId}`;
	} else if (status !== undefined) {
		message = `Braze refused to list ${list.noun} (${status})`;
		description = byId;
	} else {
		message = `Could not reach Braze to list ${list.noun}`;
		description = `${code ? `Connection error: ${code}. ` : ''}Check the credential's Instance or Custom URL and the network. ${byId}`;
	}
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
		const refusal = [error, (error as { cause?: unknown }).cause].find(
			(candidate) => (candidate as Error | undefined)?.name === 'InsecureBrazeUrlError',
		) as Error | undefined;
		if (refusal) throw new NodeOperationError(context.getNode(), refusal.message);
		throw listError(context, list, statusOf(error), codeOf(error));
	}
	if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) {
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
	return redactKey(answer as IDataObject, await credentialKey(context));
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
			if (typeof entry.id !== 'string' || (list.keep && !list.keep(entry))) continue;
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
