import type { DeclarativeRestApiSettings, IExecutePaginationFunctions } from 'n8n-workflow';

import type { BrazeAnswer } from './answer';
import {
	cancelledError,
	rateLimitError,
	reasonOf,
	safeError,
	triedNote,
	withNote,
} from './failureErrors';
import { classify, FAILURE_POLICY, networkCode } from './failurePolicy';
import type { FailureKind, RequestFailure, SendOutcome } from './failurePolicy';
import { retryTime, waits } from './rateLimit';
import type { RateLimitGate } from './rateLimit';
import { sendOnce } from './request';
import type { RetrySettings } from './settings';

/** The waits between tries (made through `waits`, which tests replace). */
export const retryDelays = {
	/** Before retrying a request that never reached Braze. */
	notReachedMs: [500, 1000, 2000],
	/** Before retrying a request Braze may have acted on (opt-in). */
	serverErrorMs: [1000, 3000],
	/** After a 429 that names no reset time. */
	unannouncedRateLimitMs: [1000, 2000, 4000, 8000, 16000, 30000],
};

/** A request that keeps being rate limited, however short each wait, stops at some point. */
const MAX_RATE_LIMITED_ATTEMPTS = 50;

/** Checked before each request leaves: a reason not to send at all (see RunLedger). */
export type HaltCheck = () => RequestFailure | undefined;

/** Everything one request's tries need. */
export interface RetryRun {
	context: IExecutePaginationFunctions;
	requestData: DeclarativeRestApiSettings.ResultOptions;
	/** The API key permission the endpoint needs, named in a 403. */
	permission: string;
	gate: RateLimitGate;
	settings: RetrySettings;
	halted?: HaltCheck;
	/** Told of every answer before the gate lets the next request go. */
	onAnswer?: (kind: FailureKind | 'ok', error?: Error) => void;
}

/** The tries of one request so far. */
interface Tries {
	attempts: number;
	rateLimited: number;
	notReached: number;
	/** Retries of a request Braze may have acted on: from the first, it "may have been sent". */
	optInRetries: number;
}

/** What to do after a failed try: try again, or stop with this outcome. */
type Next = 'again' | SendOutcome;

/**
 * Sends one request (one chunk of an item's users) and returns Braze's answer as the output
 * json. Retries only what FAILURE_POLICY allows. A failure says whether the request may have
 * been sent.
 */
export async function sendWithRetries(run: RetryRun): Promise<SendOutcome> {
	const { context, requestData, gate, settings } = run;
	const signal = context.getExecutionCancelSignal();
	const tries: Tries = { attempts: 0, rateLimited: 0, notReached: 0, optInRetries: 0 };
	for (;;) {
		const gateResult = await gate.acquire(settings.maxWaitMs, signal);
		if (!gateResult.go) {
			return gateResult.cancelled
				? cancelled(run, tries)
				: rateLimitFailure(run, tries, gateResult.resetAt);
		}
		const halt = run.halted?.();
		if (halt) {
			gate.release(undefined, undefined);
			return { failure: { ...halt, sent: tries.optInRetries > 0 ? 'maybe' : halt.sent } };
		}
		tries.attempts += 1;
		const attempt = await sendOnce(context, requestData, settings.timeoutMs, run.permission);
		if ('json' in attempt) {
			run.onAnswer?.('ok');
			gate.release(attempt.answer.rateLimit, attempt.answer.status);
			return { json: attempt.json };
		}
		const { error, answer } = attempt;
		const kind = classify(error, answer);
		// Told before the gate lets the next request go, so that a rejected key stops the others.
		run.onAnswer?.(kind, error);
		gate.release(answer?.rateLimit, answer?.status);
		const next = await afterFailure(run, tries, kind, error, answer);
		if (next !== 'again') return next;
	}
}

/** Decides, by FAILURE_POLICY, whether a failed try is tried again. */
async function afterFailure(
	run: RetryRun,
	tries: Tries,
	kind: FailureKind,
	error: Error,
	answer: BrazeAnswer | undefined,
): Promise<Next> {
	const policy = FAILURE_POLICY[kind];
	if (policy.retry === 'afterReset') return afterRateLimit(run, tries, answer);
	if (policy.retry === 'optIn' && run.settings.retryServerErrors) {
		const delay = retryDelays.serverErrorMs[tries.optInRetries];
		tries.optInRetries += 1;
		if (delay !== undefined) return await pause(run, tries, delay);
	}
	// Braze's (or a stranger's) answer is already an error in the user's words.
	if (answer) return fail(tries, error, reasonOf(kind, answer.status, error), kind);
	if (policy.retry === 'backoff') {
		const delay = retryDelays.notReachedMs[tries.notReached];
		tries.notReached += 1;
		if (delay !== undefined) return await pause(run, tries, delay);
		const safe = safeError(run.context, error, run.requestData, run.settings);
		return fail(tries, safe, `Braze could not be reached (${networkCode(error)})`, kind);
	}
	const safe = safeError(run.context, error, run.requestData, run.settings);
	return fail(tries, safe, reasonOf(kind, undefined, safe), kind);
}

/** A 429: the gate waits for the reset Braze named (or a growing pause), within Max Wait. */
function afterRateLimit(run: RetryRun, tries: Tries, answer: BrazeAnswer | undefined): Next {
	tries.rateLimited += 1;
	const retryAt = answer ? retryTime(answer.rateLimit) : undefined;
	const resetAt = retryAt === undefined ? undefined : new Date(retryAt);
	if (tries.rateLimited >= MAX_RATE_LIMITED_ATTEMPTS) return rateLimitFailure(run, tries, resetAt);
	if (retryAt === undefined) {
		const delay = retryDelays.unannouncedRateLimitMs[tries.rateLimited - 1];
		if (delay === undefined || delay > run.settings.maxWaitMs) {
			return rateLimitFailure(run, tries, undefined);
		}
		run.gate.holdUntil(waits.now() + delay);
	}
	return 'again'; // the gate waits for the reset, or refuses if it is too far away
}

/** Waits before the next try; a cancelled execution stops there. */
async function pause(run: RetryRun, tries: Tries, delay: number): Promise<Next> {
	const signal = run.context.getExecutionCancelSignal();
	return (await waits.sleep(delay, signal)) ? 'again' : cancelled(run, tries);
}

function fail(tries: Tries, error: Error, reason: string, kind: FailureKind): SendOutcome {
	return {
		failure: {
			error: withNote(error, triedNote(tries.attempts)),
			// Once a try may have been acted on, the request as a whole may have been.
			sent: tries.optInRetries > 0 ? 'maybe' : FAILURE_POLICY[kind].sent,
			reason,
			kind,
		},
	};
}

function rateLimitFailure(run: RetryRun, tries: Tries, resetAt: Date | undefined): SendOutcome {
	const error = rateLimitError(run.context, resetAt, run.settings);
	return fail(tries, error, 'Braze rate limit reached (429)', 'rateLimited');
}

function cancelled(run: RetryRun, tries: Tries): SendOutcome {
	const reason = 'the execution was cancelled';
	if (tries.optInRetries > 0) return fail(tries, cancelledError(run.context), reason, 'cancelled');
	return { failure: { error: cancelledError(run.context), sent: 'no', reason, kind: 'cancelled' } };
}
