import type { INodePropertyOptions } from 'n8n-workflow';

import { brazeRequestExecutor } from './executor';
import type { ExecutorSpec } from './executor';

/** An operation as its file declares it: the form's words, its endpoint, and its body steps. */
export interface OperationSpec extends ExecutorSpec {
	name: string;
	value: string;
	action: string;
	description: string;
	/** Braze's endpoint path; every request the node makes is a POST with a JSON body. */
	url: string;
}

/**
 * An operation whose request runs through the executor. This writes the routing block every
 * operation shares: `send: { paginate: true }` is what makes n8n's routing call
 * `operations.pagination` instead of making the request itself, and `ignoreHttpStatusErrors`
 * lets the executor read Braze's error answers (status, headers, message) itself.
 */
export function brazeOperation(spec: OperationSpec): INodePropertyOptions {
	const { name, value, action, description, url, ...executor } = spec;
	return {
		name,
		value,
		action,
		description,
		routing: {
			request: { method: 'POST', url, ignoreHttpStatusErrors: true },
			send: { paginate: true },
			operations: { pagination: brazeRequestExecutor(executor) },
		},
	};
}
