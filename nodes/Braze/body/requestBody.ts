import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** The JSON body under construction; routing always starts it as an object. */
export function bodyOf(requestOptions: Pick<IHttpRequestOptions, 'body'>): IDataObject {
	if (requestOptions.body === null || typeof requestOptions.body !== 'object') {
		requestOptions.body = {};
	}
	return requestOptions.body as IDataObject;
}
