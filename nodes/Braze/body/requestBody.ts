import type { IHttpRequestOptions } from 'n8n-workflow';

import type { BrazeBody } from './types';

/** The JSON body under construction; routing always starts it as an object. */
export function bodyOf(requestOptions: Pick<IHttpRequestOptions, 'body'>): BrazeBody {
	if (requestOptions.body === null || typeof requestOptions.body !== 'object') {
		requestOptions.body = {};
	}
	return requestOptions.body as BrazeBody;
}
