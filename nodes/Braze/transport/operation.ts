import type { IHttpRequestOptions, INodePropertyOptions } from 'n8n-workflow';

import { brazeRequestExecutor } from './executor';
import type { ExecutorSpec } from './executor';

/** The HTTP methods of Braze's REST endpoints. */
export type BrazeMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An operation as its file declares it: the form's words, its endpoint, and its body steps. */
export interface OperationSpec extends ExecutorSpec {
	name: string;
	value: string;
	action: string;
	description: string;
	/** Braze's endpoint path. */
	url: string;
	/**
	 * POST (the default) sends the prepared body as JSON; GET sends it as the query string
	 * (request/sendOnce.ts `withPayload`), for Braze's read-only endpoints. PUT, PATCH and DELETE
	 * send it as JSON like POST, for the endpoints Braze defines with them (the catalog endpoints,
	 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk);
	 * a DELETE whose path names what it deletes sends an empty object ({}).
	 */
	method?: BrazeMethod;
	/**
	 * How a GET's lists go in the query string, where Braze names a form: 'brackets' sends
	 * phone_numbers[]=…&phone_numbers[]=… (https://www.braze.com/docs/api/endpoints/sms/get_query_invalid_numbers).
	 */
	arrayFormat?: IHttpRequestOptions['arrayFormat'];
}

/**
 * An operation whose request runs through the executor. This writes the routing block every
 * operation shares: `send: { paginate: true }` is what makes n8n's routing call
 * `operations.pagination` instead of making the request itself, and `ignoreHttpStatusErrors`
 * lets the executor read Braze's error answers (status, headers, message) itself.
 */
export function brazeOperation(spec: OperationSpec): INodePropertyOptions {
	const { name, value, action, description, url, method = 'POST', arrayFormat, ...executor } = spec;
	return {
		name,
		value,
		action,
		description,
		routing: {
			request: { method, url, ignoreHttpStatusErrors: true, ...(arrayFormat && { arrayFormat }) },
			send: { paginate: true },
			operations: { pagination: brazeRequestExecutor(executor) },
		},
	};
}
