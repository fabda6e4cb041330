import { NodeApiError } from 'n8n-workflow';
import type {
	Failure,
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';

import { readRateLimitInfo, retryTime } from './rateLimit';
import type { RateLimitInfo } from './rateLimit';

/** Errors this package built itself; they carry no request data, so they are safe to pass on. */
export const brazeErrors = new WeakSet<Error>();

/** What an answer said besides its body: its status and rate-limit headers. */
export interface BrazeAnswer {
	status: number;
	rateLimit: RateLimitInfo;
}

/** Keyed by the error thrown for an answer, or by the output item's json for a success. */
const answers = new WeakMap<object, BrazeAnswer>();

/** The status and rate-limit headers behind an error or a result built here. */
export function brazeAnswerOf(errorOrJson: object): BrazeAnswer | undefined {
	return answers.get(errorOrJson);
}

function braze400Description(body: IDataObject): string {
	const details = Array.isArray(body.errors) ? body.errors.map(String).join('; ') : '';
	return details
		? `Braze says: ${details}`
		: 'Check the fields named in the message and try again.';
}

/**
 * Turns Braze's error answers into errors in the user's terms (§6). Runs first among the
 * postReceive actions, with `ignoreHttpStatusErrors` on, so Braze's own message is kept.
 */
export function brazeErrorHandler(permission: string): PostReceiveAction {
	return async function throwOnBrazeError(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const status = response.statusCode;
		if (status < 400) return items;
		const body: IDataObject =
			response.body !== null && typeof response.body === 'object'
				? (response.body as IDataObject)
				: {};
		const brazeMessage = typeof body.message === 'string' ? body.message : '';
		const rateLimit = readRateLimitInfo(response);
		let message: string;
		let description: string;
		let failure: Failure | undefined;
		if (status === 401) {
			message = 'Braze rejected the API key (401 Unauthorized)';
			description =
				"Check the REST API key in the Braze credential (without quotes), and that the credential's Instance matches your dashboard: a key only works on its own instance (an EU workspace needs an EU instance).";
		} else if (status === 403) {
			message = `The Braze API key lacks the ${permission} permission (403)`;
			description = `Braze keys cannot be edited: create a key with the ${permission} permission under Settings › APIs and Identifiers, and put it in the credential.${brazeMessage ? ` Braze says: ${brazeMessage}` : ''}`;
		} else if (status === 429) {
			const retryAt = retryTime(rateLimit);
			message = 'Braze rate limit reached (429): nothing was sent for this item';
			description = `${retryAt ? `The limit resets at ${new Date(retryAt).toISOString()}. ` : ''}Run again after the reset, or raise Options › Max Wait on Rate Limit.`;
			failure = {
				cause: 'rate-limited',
				...(retryAt ? { resetsAtEpochMs: retryAt } : {}),
				...(rateLimit.retryAtMs
					? { retryAfterMs: Math.max(0, rateLimit.retryAtMs - Date.now()) }
					: {}),
			};
		} else if (status === 404) {
			message = 'Braze has no such endpoint (404)';
			description = "Check the credential's Instance or Custom URL.";
		} else if (status === 413) {
			message = 'The request is larger than Braze accepts (413)';
			description = 'Braze accepts request bodies up to 4 MB. Shorten the message content.';
		} else if (status >= 500) {
			message = `Braze answered with a server error (${status}): the message may or may not have been sent`;
			description =
				'Braze failed while handling the request. Check the message activity log in Braze before running again, so that nobody is messaged twice.';
			failure = { cause: 'temporarily-unavailable' };
		} else {
			message = `Braze rejected the request (${status})${brazeMessage ? `: ${brazeMessage}` : ''}`;
			description = braze400Description(body);
		}
		const error = new NodeApiError(this.getNode(), { ...body } as JsonObject, {
			message,
			description,
			httpCode: String(status),
			itemIndex: this.getItemIndex(),
			...(failure ? { failure } : {}),
		});
		brazeErrors.add(error);
		answers.set(error, { status, rateLimit });
		throw error;
	};
}

/**
 * One output item per input item: Braze's answer (dispatch_id, message, errors), linked back.
 * A 2xx whose body cannot be read (cut short on the way) still means Braze accepted the send
 * (§6.2): it is reported as sent, with the dispatch_id unknown, so that nobody sends it again.
 */
export async function toBrazeResult(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const readable =
		response.body !== null && typeof response.body === 'object' && !Array.isArray(response.body);
	const body: IDataObject = readable
		? { ...(response.body as IDataObject) }
		: {
				dispatch_id: null,
				message: 'success',
				errors: [
					`Braze accepted the request (HTTP ${response.statusCode}) but its answer could not be read, so its dispatch_id is unknown. Braze's message activity log shows the send.`,
				],
			};
	answers.set(body, { status: response.statusCode, rateLimit: readRateLimitInfo(response) });
	return [{ json: body, pairedItem: { item: this.getItemIndex() } }];
}
