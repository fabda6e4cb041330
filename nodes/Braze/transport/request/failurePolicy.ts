import type { IDataObject } from 'n8n-workflow';

import type { BrazeAnswer } from './answer';
import type { ResendGround } from './unclearAnswers';

/** Network failures that happen before a single byte reaches Braze: always safe to retry. */
const NOT_REACHED_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EADDRNOTAVAIL',
]);
/** The HTTP client's codes for a request that got no answer in time. */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** Why a request failed, as far as sending again is concerned. */
export type FailureKind =
	| 'rateLimited'
	| 'keyRejected'
	| 'refused'
	| 'redirected'
	| 'unreadable'
	| 'serverError'
	| 'urlRefused'
	| 'notReached'
	| 'tlsFailed'
	| 'timedOut'
	| 'cancelled'
	| 'connectionLost';

interface FailurePolicy {
	/** Whether Braze may have acted on the request. */
	sent: 'no' | 'maybe';
	/**
	 * afterReset: wait for the rate limit, then send again (nothing was sent).
	 * backoff: send again after a short wait (the request never left).
	 * ifSafe: send again only where that cannot apply the change twice: by the operation's rule
	 *   for an unclear answer (with Options › Retry Server Errors), under an idempotency key, or
	 *   for a read (unclearAnswers.ts).
	 * never: report.
	 */
	retry: 'afterReset' | 'backoff' | 'ifSafe' | 'never';
}

/** The one table that decides what is retried: only what Braze cannot have acted on, by default. */
export const FAILURE_POLICY: Record<FailureKind, FailurePolicy> = {
	rateLimited: { sent: 'no', retry: 'afterReset' },
	// "All fatal error codes mean no messages are sent": https://www.braze.com/docs/api/errors/
	keyRejected: { sent: 'no', retry: 'never' },
	refused: { sent: 'no', retry: 'never' },
	redirected: { sent: 'no', retry: 'never' },
	urlRefused: { sent: 'no', retry: 'never' },
	notReached: { sent: 'no', retry: 'backoff' },
	// The certificate is checked before the request is written: nothing left, but trying again
	// cannot help.
	tlsFailed: { sent: 'no', retry: 'never' },
	unreadable: { sent: 'maybe', retry: 'never' },
	serverError: { sent: 'maybe', retry: 'ifSafe' },
	timedOut: { sent: 'maybe', retry: 'ifSafe' },
	connectionLost: { sent: 'maybe', retry: 'ifSafe' },
	cancelled: { sent: 'maybe', retry: 'never' },
};

/** A request that could not be completed. */
export interface RequestFailure {
	/** The error in the user's words, safe to show (no request data). */
	error: Error;
	/** 'maybe' when Braze may have acted on it (5xx, timeout, dropped answer). */
	sent: 'no' | 'maybe';
	/** Short cause, for "… on request k of n". */
	reason: string;
	kind: FailureKind | 'halted';
}

/**
 * Braze's answer (and, when the request was sent again after an unclear answer, on what ground),
 * or the failure.
 */
export type SendOutcome =
	| { json: IDataObject; resent?: ResendGround; nextCursor?: string }
	| { failure: RequestFailure };

export function networkCode(error: Error): string {
	const cause = (error as { cause?: { code?: string } }).cause;
	return (error as { code?: string }).code ?? cause?.code ?? '';
}

/** The credential's refusal of an insecure URL (InsecureBrazeUrlError), as n8n wrapped it. */
export function isUrlRefusal(error: Error): Error | undefined {
	return [error, (error as { cause?: Error }).cause].find(
		(candidate) => candidate?.name === 'InsecureBrazeUrlError',
	);
}

/** Sorts a failed request into the kinds the policy table knows. */
export function classify(error: Error, answer: BrazeAnswer | undefined): FailureKind {
	if (answer) {
		const { status } = answer;
		if (status === 429) return 'rateLimited';
		if (status === 401 || status === 403) return 'keyRejected';
		if (status >= 300 && status < 400) return 'redirected';
		if (status < 300) return 'unreadable';
		if (status >= 500) return 'serverError';
		return 'refused';
	}
	if (isUrlRefusal(error)) return 'urlRefused';
	const code = networkCode(error);
	if (NOT_REACHED_CODES.has(code)) return 'notReached';
	if (TIMEOUT_CODES.has(code)) return 'timedOut';
	if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) return 'tlsFailed';
	if (code === 'ERR_CANCELED') return 'cancelled';
	return 'connectionLost';
}
