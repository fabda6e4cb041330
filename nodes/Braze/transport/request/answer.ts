import { NodeApiError } from 'n8n-workflow';
import type {
	Failure,
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';

import { isPlainObject } from '../../helpers/values/object';
import { withFailure } from './failure';
import { readRateLimitInfo, retryTime, waits } from './rateLimit';
import type { RateLimitInfo } from './rateLimit';
import { CHANGES } from './unclearAnswers';
import type { ChangeWords } from './unclearAnswers';

/** Errors this package built itself; they carry no request data, so they are safe to pass on. */
export const brazeErrors = new WeakSet<Error>();

/** What an answer said besides its body: its status and rate-limit headers. */
export interface BrazeAnswer {
	status: number;
	rateLimit: RateLimitInfo;
	/** The `cursor` of the next page, from a `Link: <…?cursor=…>; rel="next"` header. */
	nextCursor?: string;
}

/** One answer read: Braze's JSON on success, or the error in the user's words. */
export type ReadAnswer =
	{ json: IDataObject; answer: BrazeAnswer } | { error: Error; answer: BrazeAnswer };

/**
 * An ambiguous outcome in the user's words, with what to do: the operation's own words (what it
 * changes), or by default a message's; a GET (a list) changes nothing in Braze, so its only loss
 * is the answer.
 */
export function unclearOutcome(
	method: string | undefined,
	words?: ChangeWords,
): { outcome: string; next: string } {
	return words ?? (method === 'GET' ? CHANGES.read : CHANGES.message);
}

/**
 * Braze answers with a JSON object carrying a `message` text, on success and on error
 * (https://www.braze.com/docs/api/errors/); a transactional send answers with its `dispatch_id`
 * and no message
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_transactional_message).
 * Anything else came from something that is not Braze.
 */
function isBrazeJson(body: unknown): body is IDataObject {
	return (
		isPlainObject(body) &&
		(typeof body.message === 'string' || typeof body.dispatch_id === 'string')
	);
}

function headerText(response: IN8nHttpFullResponse, name: string): string {
	const value = response.headers?.[name];
	return String(Array.isArray(value) ? value[0] : (value ?? ''));
}

/**
 * The next page's cursor from a Link header (Braze's cursor paging, e.g.
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/get_catalog_items_details_bulk:
 * `Link: <https://…/catalogs/…/items?cursor=c2tpcDow>; rel="next"`). Only the cursor is kept: the
 * next page is asked of the same endpoint on the credential's host, never of the link's host.
 */
export function nextPageCursor(link: string): string | undefined {
	for (const part of link.split(',')) {
		const match = /<([^>]*)>\s*;\s*rel="?next"?/i.exec(part);
		if (!match) continue;
		const query = match[1].includes('?') ? match[1].slice(match[1].indexOf('?') + 1) : '';
		const cursor = new URLSearchParams(query).get('cursor');
		if (cursor) return cursor;
	}
	return undefined;
}

/** The redirect's target, as an origin only: a full Location can carry tokens of its own. */
function redirectTarget(response: IN8nHttpFullResponse): string {
	const location = headerText(response, 'location');
	if (!location) return 'nowhere (no Location header)';
	if (!/^[a-z][a-z0-9+.-]*:/i.test(location)) return 'to another path on the same host';
	try {
		return `to ${new URL(location).origin}`;
	} catch {
		return 'to an unreadable address';
	}
}

/**
 * Reads Braze's full answer (status, headers, body), as the executor receives it. Errors are
 * turned into errors in the user's terms, keeping Braze's own message
 * (https://www.braze.com/docs/api/errors/). `permission` is the API key permission the
 * endpoint needs, named in a 403; `words` say what a 5xx may have done (the operation's).
 */
export function readAnswer(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	permission: string,
	method = 'POST',
	words?: ChangeWords,
): ReadAnswer {
	const status = response.statusCode;
	const answer: BrazeAnswer = { status, rateLimit: readRateLimitInfo(response) };
	const nextCursor = nextPageCursor(headerText(response, 'link'));
	if (nextCursor !== undefined) answer.nextCursor = nextCursor;
	if (status < 300) {
		if (isBrazeJson(response.body)) return { json: { ...response.body }, answer };
		// Braze documents its lists without a `message` (e.g.
		// https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/get_messages_scheduled).
		if (method === 'GET' && isPlainObject(response.body)) {
			return { json: { ...response.body }, answer };
		}
		return {
			error: unreadableAnswerError(context, response, unclearOutcome(method, words)),
			answer,
		};
	}
	// A redirect's body is never read: the node does not follow it, and nothing was sent.
	const redirected = status < 400;
	const body = !redirected && isPlainObject(response.body) ? response.body : {};
	const refusal = refusalText(status, {
		permission,
		body,
		rateLimit: answer.rateLimit,
		unclear: unclearOutcome(method, words),
		redirect: redirected ? redirectTarget(response) : '',
	});
	const { failure, ...text } = refusal;
	const error = withFailure(
		new NodeApiError(context.getNode(), (redirected ? { status } : { ...body }) as JsonObject, {
			...text,
			httpCode: String(status),
			itemIndex: context.getItemIndex(),
		}),
		failure,
	);
	brazeErrors.add(error);
	return { error, answer };
}

/**
 * Braze's own words in an error answer. Most endpoints answer {"message": …}; the Live Activity
 * endpoints answer {"error": …}, multi-line ("\nProblem:\n  …\nResolution:\n  …")
 * (https://www.braze.com/docs/api/endpoints/messaging/live_activity/start). Either is read, on
 * one line.
 */
function brazeErrorText(body: IDataObject): string {
	const text = [body.message, body.error].find(
		(value): value is string => typeof value === 'string' && value.trim() !== '',
	);
	return text === undefined ? '' : text.replace(/\s+/g, ' ').trim();
}

/**
 * An error status's words: its first sentence, its advice, and what n8n may do about it
 * (`failure`, set on the error by `withFailure`).
 */
export interface Refusal {
	message: string;
	description: string;
	failure?: Failure;
}

/** What a refused request was, as its words need it. */
export type RefusedRequest =
	| {
			/** A list search: what it lists ("campaigns"); its words offer By ID instead. */
			list: string;
			permission: string;
	  }
	| {
			/** A request of an operation. */
			list?: undefined;
			/** The API key permission the endpoint needs. */
			permission: string;
			/** Braze's error answer. */
			body: IDataObject;
			rateLimit: RateLimitInfo;
			/** What a server error may have done, in the operation's words, and what to do. */
			unclear: { outcome: string; next: string };
			/** Where a redirect points, in words (redirectTarget). */
			redirect: string;
	  };

/** Offered in every list search's error: a resource locator takes the ID itself. */
const BY_ID = 'Pick By ID to enter the ID directly.';

/**
 * The one mapping of an error status to words, for an operation's request and for a list search
 * (whose words say what it lists and offer By ID). https://www.braze.com/docs/api/errors/
 */
export function refusalText(status: number, request: RefusedRequest): Refusal {
	const { permission, list } = request;
	if (status < 400) {
		return list === undefined
			? {
					message: `Braze did not act: the URL answered with a redirect (${status}), so nothing was sent`,
					description: `The redirect points ${request.redirect}. The node never follows redirects, so neither the API key nor the message went there. Braze's REST API does not redirect: check the credential's Instance or Custom URL (your instance's REST endpoint, such as https://rest.iad-01.braze.com).`,
				}
			: {
					message: `Braze did not answer the list of ${list}: the URL answered with a redirect (${status})`,
					description: `The node never follows redirects, so the API key went nowhere else. Braze's REST API does not redirect: check the credential's Instance or Custom URL. ${BY_ID}`,
				};
	}
	if (status >= 500) {
		return list === undefined
			? {
					message: `Braze answered with a server error (${status}): ${request.unclear.outcome}`,
					description: `Braze failed while handling the request. ${request.unclear.next}`,
					failure: { cause: 'temporarily-unavailable' },
				}
			: {
					message: `Braze answered with a server error (${status}) while listing ${list}`,
					description: `Try again in a moment. ${BY_ID}`,
				};
	}
	switch (status) {
		case 401:
			return list === undefined
				? {
						message: 'Braze rejected the API key (401 Unauthorized)',
						description:
							"Check the REST API key in the Braze credential (without quotes), and that the credential's Instance matches your dashboard: a key only works on its own instance (an EU workspace needs an EU instance).",
					}
				: {
						message: `Braze did not accept the API key while listing ${list}: check the credential, or pick By ID`,
						description:
							"Check the REST API key and that the credential's Instance matches your dashboard (a key only works on its own instance).",
					};
		case 403:
			return list === undefined
				? {
						message: `The Braze API key lacks the ${permission} permission (403)`,
						description: `Braze keys cannot be edited: create a key with the ${permission} permission under Settings › APIs and Identifiers, and put it in the credential.${saysBraze(brazeErrorText(request.body))}`,
					}
				: {
						message: `The API key lacks the ${permission} permission: pick By ID, or create a key with ${permission}`,
						description: `Braze refused to list ${list} (403). Listing needs an API key with the ${permission} permission (Settings › APIs and Identifiers). Sending does not: By ID works with the key you have.`,
					};
		case 404:
			// A catalog endpoint's 404 names what is missing (catalog-not-found, item-not-found):
			// Braze's own words follow, below.
			if (list === undefined && hasErrorList(request.body)) break;
			return list === undefined
				? {
						message: 'Braze has no such endpoint (404)',
						description: "Check the credential's Instance or Custom URL.",
					}
				: {
						message: `Braze has no list of ${list} at this URL (404)`,
						description: `Check the credential's Instance or Custom URL. ${BY_ID}`,
					};
	}
	if (list !== undefined) {
		return { message: `Braze refused to list ${list} (${status})`, description: BY_ID };
	}
	if (status === 413) {
		return {
			message: 'The request is larger than Braze accepts (413)',
			description:
				'Braze accepts request bodies up to 4 MB. Shorten the largest field of the request (message content, recipient lists, attributes or trigger properties).',
		};
	}
	if (status === 429) return rateLimitRefusal(request.rateLimit);
	const errors = Array.isArray(request.body.errors) ? request.body.errors : [];
	// The catalog endpoints' errors are objects; their first message says more than "Invalid Request".
	const first = errors.find(isPlainObject);
	const brazeMessage =
		first && typeof first.message === 'string'
			? `${first.message}${typeof first.id === 'string' ? ` (${first.id})` : ''}`
			: brazeErrorText(request.body);
	const details = errors.map(errorText).join('; ');
	return {
		message: `Braze rejected the request (${status})${brazeMessage ? `: ${brazeMessage}` : ''}`,
		description: details
			? `Braze says: ${details}`
			: 'Check the fields named in the message and try again.',
	};
}

/** Whether Braze's error answer lists its errors (the catalog endpoints' `errors`). */
function hasErrorList(body: IDataObject): boolean {
	return Array.isArray(body.errors) && body.errors.length > 0;
}

/**
 * One of Braze's errors in words: a text as it is; a catalog endpoint's object as its id, message
 * and the values it names, e.g. `invalid-ids: Item IDs can only include … (id: "sku 1")`
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk).
 */
function errorText(error: unknown): string {
	if (!isPlainObject(error)) return String(error);
	const { id, message, parameters, parameter_values: values } = error;
	const named =
		Array.isArray(values) && values.length
			? ` (${Array.isArray(parameters) && parameters.length ? `${parameters.map(String).join(', ')}: ` : ''}${values.map((value) => JSON.stringify(value)).join(', ')})`
			: '';
	return `${[id, message].filter((part) => typeof part === 'string').join(': ')}${named}`;
}

/** Braze's own words, after ours, if it gave any. */
function saysBraze(text: string): string {
	return text ? ` Braze says: ${text}` : '';
}

function rateLimitRefusal(rateLimit: RateLimitInfo): Refusal {
	const retryAt = retryTime(rateLimit);
	return {
		message: 'Braze rate limit reached (429): nothing was sent for this item',
		description: `${retryAt ? `The limit resets at ${new Date(retryAt).toISOString()}. ` : ''}Run again after the reset, or raise Options › Max Wait on Rate Limit.`,
		failure: {
			cause: 'rate-limited',
			...(retryAt ? { resetsAtEpochMs: retryAt } : {}),
			...(rateLimit.retryAtMs
				? { retryAfterMs: Math.max(0, rateLimit.retryAtMs - waits.now()) }
				: {}),
		},
	};
}

/**
 * A 2xx whose body is not Braze's JSON (an HTML login page, a proxy's answer, or a body cut
 * short): the request went out, and nobody can say whether Braze acted on it.
 */
function unreadableAnswerError(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	unclear: { outcome: string; next: string },
): Error {
	const status = response.statusCode;
	const type = headerText(response, 'content-type').split(';')[0] || 'no content type';
	const { outcome, next } = unclear;
	const error = new NodeApiError(
		context.getNode(),
		{ status },
		{
			message: `The answer was not Braze's (HTTP ${status}, ${type}): ${outcome}`,
			description: `Braze answers with JSON; this answer could not be read as such. Something else (a login page, a proxy) may be answering at the Braze URL, or the answer was cut short. ${next} Check the credential's Instance or Custom URL.`,
			httpCode: String(status),
			itemIndex: context.getItemIndex(),
		},
	);
	brazeErrors.add(error);
	return error;
}
