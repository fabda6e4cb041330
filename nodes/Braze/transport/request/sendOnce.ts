import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { readAnswer } from './answer';
import type { ReadAnswer } from './answer';
import type { ChangeWords } from './unclearAnswers';
import { withoutKey } from './redactKey';

/** One try of one request: Braze's answer read, or the error of a request that got none. */
export type Attempt = ReadAnswer | { error: Error; answer?: undefined };

/**
 * Makes one HTTP request with the credential, exactly as n8n's routing would
 * (`httpRequestWithAuthentication`, the call behind routing's own request), but asks for the
 * full response: the status and the rate-limit headers come back with the body, so the
 * executor reads them here instead of through routing's postReceive actions.
 */
export async function sendOnce(
	context: IExecuteSingleFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	timeoutMs: number,
	permission: string,
	words?: ChangeWords,
): Promise<Attempt> {
	// Routing's options, resolved for this item: the same object n8n's own request would send.
	const options = {
		...requestData.options,
		headers: { ...requestData.options.headers },
		timeout: timeoutMs,
		returnFullResponse: true,
	} as IHttpRequestOptions;
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			'brazeApi',
			options,
		)) as IN8nHttpFullResponse;
	} catch (caught) {
		return { error: caught as Error };
	}
	return readAnswer(
		context,
		await withoutKey(context, response),
		permission,
		options.method,
		words,
	);
}

/**
 * The request with its payload: a GET carries it as the query string (and no body); every other
 * method (POST, and the catalog endpoints' PUT, PATCH and DELETE) as the JSON body.
 */
export function withPayload<Options extends Pick<IHttpRequestOptions, 'method' | 'body' | 'qs'>>(
	options: Options,
	payload: IDataObject,
): Options {
	if (options.method !== 'GET') return { ...options, body: payload };
	const request: Options = { ...options, qs: { ...options.qs, ...payload } };
	delete request.body;
	return request;
}
