import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { collectionParameter } from '../../helpers/form/parameters';

/** How the node reacts to a bad network or a busy Braze (Options collection). */
export interface RetrySettings {
	/** The longest single wait for a rate-limit reset, in ms. */
	maxWaitMs: number;
	/** Retry answers that may have been acted on (5xx, timeouts, dropped connections). */
	retryServerErrors: boolean;
	/** How long a request may go without an answer, in ms. */
	timeoutMs: number;
}

/** Seconds: covers Braze's per-minute limits; the hourly one needs up to 3600. */
export const DEFAULT_MAX_WAIT_ON_RATE_LIMIT = 60;
/** Seconds without an answer before a request counts as timed out. Braze answers in well under a second normally. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** The item's Options › Max Wait on Rate Limit, Retry Server Errors and Timeout, in ms. */
export function retrySettings(context: IExecuteSingleFunctions): RetrySettings {
	const options = collectionParameter(context, 'options');
	const maxWait = Number(options.maxWaitOnRateLimit ?? DEFAULT_MAX_WAIT_ON_RATE_LIMIT);
	// Options › Timeout (seconds) first; then n8n's own Request Options › Timeout (ms).
	const requestOptions = collectionParameter(context, 'requestOptions');
	const timeout =
		options.timeout !== undefined
			? Number(options.timeout)
			: Number(requestOptions.timeout ?? DEFAULT_TIMEOUT_SECONDS * 1000) / 1000;
	return {
		maxWaitMs: Number.isFinite(maxWait) && maxWait > 0 ? maxWait * 1000 : 0,
		retryServerErrors: options.retryServerErrors === true,
		timeoutMs:
			Number.isFinite(timeout) && timeout > 0
				? Math.round(timeout * 1000)
				: DEFAULT_TIMEOUT_SECONDS * 1000,
	};
}
