import type { IHttpRequestOptions } from 'n8n-workflow';

import type { BodyStep, BrazeBody } from './types';

/** The JSON body under construction; routing always starts it as an object. */
export function bodyOf(requestOptions: Pick<IHttpRequestOptions, 'body'>): BrazeBody {
	if (requestOptions.body === null || typeof requestOptions.body !== 'object') {
		requestOptions.body = {};
	}
	return requestOptions.body as BrazeBody;
}

/** A body step that leaves only these keys, e.g. a Delete Schedule sends only the ids. */
export function keepOnlyKeys(keys: string[]): BodyStep {
	return function keepOnly(_context, body) {
		for (const key of Object.keys(body)) if (!keys.includes(key)) delete body[key];
	};
}
