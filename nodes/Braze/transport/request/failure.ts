import type { Failure, NodeApiError } from 'n8n-workflow';

/**
 * Declares why a request failed on the error itself, as plain data (`error.failure`), on every
 * n8n version. n8n-workflow's NodeApiError takes a `failure` option from n8n 2.37 on; earlier
 * versions (1.x included) silently drop it, so it is set on the error here rather than passed to
 * the constructor. What a user needs (the reset time, that Braze failed) is in the error's
 * message and description too, which every version shows.
 */
export function withFailure(error: NodeApiError, failure: Failure | undefined): NodeApiError {
	if (failure) error.failure = failure;
	return error;
}
