import type { INodePropertyOptions } from 'n8n-workflow';

import { brazeRequestExecutor } from './executor';
import type { ExecutorSpec } from './executor';

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
	 * (request/sendOnce.ts `withPayload`), for Braze's read-only endpoints.
	 */
	method?: 'GET' | 'POST';
}

/**
 * An operation whose request runs through the executor. This writes the routing block every
 * operation shares: `send: { paginate: true }` is what makes n8n's routing call
 * `operations.pagination` instead of making the request itself, and `ignoreHttpStatusErrors`
 * lets the executor read Braze's error answers (status, headers, message) itself.
 */
export function brazeOperation(spec: OperationSpec): INodePropertyOptions {
	const { name, value, action, description, url, method = 'POST', ...executor } = spec;
	return {
		name,
		value,
		action,
		description,
		routing: {
			request: { method, url, ignoreHttpStatusErrors: true },
			send: { paginate: true },
			operations: { pagination: brazeRequestExecutor(executor) },
		},
	};
}
