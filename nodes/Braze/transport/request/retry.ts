import type { DeclarativeRestApiSettings, IExecutePaginationFunctions } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import type { BrazeAnswer } from './answer';
import {
	cancelledError,
	rateLimitError,
	reasonOf,
	resentRefusalNote,
	safeError,
	triedNote,
	withNote,
} from './retryErrors';
import { classify, FAILURE_POLICY, networkCode } from './failurePolicy';
import type { FailureKind, RequestFailure, SendOutcome } from './failurePolicy';
import { retryTime, waits } from './rateLimit';
import type { RateLimitGate } from './rateLimit';
import { sendOnce } from './sendOnce';
import type { RetrySettings } from './settings';
import { resendGround } from './unclearAnswers';
import type { ResendGround, UnclearAnswer } from './unclearAnswers';

/** The waits between tries (made through `waits`, which tests replace). */
export const retryDelays = {
	/** Before retrying a request that never reached Braze. */
	notReachedMs: [500, 1000, 2000],
	/** Before sending again a request Braze may have acted on (where that is safe). */
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
	/** The operation's rule for an unclear answer, and its words for what may have happened. */
	unclear: UnclearAnswer;
	/** The body's idempotency key, if the operation has one (ExecutorSpec.sendOnceKey). */
	sendOnceKey?: (body: BrazeBody) => string | undefined;
	/**
	 * Set when this request repeats one that an earlier try of the node got no clear answer for,
	 * and that may be sent again on this ground: it counts as sent again from its first try.
	 */
	repeatsUnclear?: ResendGround;
	halted?: HaltCheck;
	/**
	 * Told of every answer before the gate lets the next request go; `final` when this request
	 * will not be tried again for it.
	 */
	onAnswer?: (kind: FailureKind | 'ok', error?: Error, final?: boolean) => void;
}

/** The tries of one request so far. */
interface Tries {
	attempts: number;
	rateLimited: number;
	notReached: number;
	/** Retries of a request Braze may have acted on: from the first, it "may have been sent". */
	unclearRetries: number;
	/** Whether (and why) this request is sent again after an unclear answer. */
	resend: ResendGround | undefined;
	/** Why it was sent at all, when an earlier try of the node got no clear answer for it. */
	repeats: ResendGround | undefined;
}

/** What to do after a failed try: try again, or stop with this outcome. */
type Next = 'again' | SendOutcome;

/**
 * Sends one request (one chunk of an item's users, or one shared request of several items) and
 * returns Braze's answer as the output json. Retries only what FAILURE_POLICY allows, and what
 * Braze may have acted on only where the operation's rule for this body allows it. A failure
 * says whether the request may have been sent; a success whether it was sent again after an
 * unclear answer.
 */
export async function sendWithRetries(run: RetryRun): Promise<SendOutcome> {
	const { context, requestData, gate, settings } = run;
	const signal = context.getExecutionCancelSignal();
	const tries: Tries = {
		attempts: 0,
		rateLimited: 0,
		notReached: 0,
		unclearRetries: 0,
		resend: resendOf(run),
		repeats: run.repeatsUnclear,
	};
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
			return { failure: { ...halt, sent: mayHaveActed(tries) ? 'maybe' : halt.sent } };
		}
		tries.attempts += 1;
		const attempt = await sendOnce(
			context,
			requestData,
			settings.timeoutMs,
			run.permission,
			run.unclear,
		);
		if ('json' in attempt) {
			run.onAnswer?.('ok');
			gate.release(attempt.answer.rateLimit, attempt.answer.status);
			const resent = tries.unclearRetries > 0 ? tries.resend : tries.repeats;
			const { nextCursor } = attempt.answer;
			return {
				json: attempt.json,
				...(resent ? { resent } : {}),
				...(nextCursor !== undefined ? { nextCursor } : {}),
			};
		}
		const { error, answer } = attempt;
		const kind = classify(error, answer);
		// Told before the gate lets the next request go, so that a rejected key stops the others.
		run.onAnswer?.(kind, error, !triesAgain(kind, tries));
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
	if (policy.retry === 'ifSafe' && tries.resend) {
		const delay = retryDelays.serverErrorMs[tries.unclearRetries];
		tries.unclearRetries += 1;
		if (delay !== undefined) return await pause(run, tries, delay);
	}
	// Braze's (or a stranger's) answer is already an error in the user's words.
	if (answer) {
		// A refusal of a request sent again: the first try may be what it refuses.
		if (kind === 'refused' && mayHaveActed(tries)) withNote(error, resentRefusalNote(run.unclear));
		return fail(tries, error, reasonOf(kind, answer.status, error), kind);
	}
	if (policy.retry === 'backoff') {
		const delay = retryDelays.notReachedMs[tries.notReached];
		tries.notReached += 1;
		if (delay !== undefined) return await pause(run, tries, delay);
		const safe = safeError(run.context, error, run.requestData, run.settings, run.unclear);
		return fail(tries, safe, `Braze could not be reached (${networkCode(error)})`, kind);
	}
	const safe = safeError(run.context, error, run.requestData, run.settings, run.unclear);
	return fail(tries, safe, reasonOf(kind, undefined, safe), kind);
}

/** Whether Braze may have acted on an earlier try of this request, here or in an earlier node try. */
function mayHaveActed(tries: Tries): boolean {
	return tries.unclearRetries > 0 || tries.repeats !== undefined;
}

/** Whether this request is sent again after such an answer (within its limits of tries). */
function triesAgain(kind: FailureKind, tries: Tries): boolean {
	const { retry } = FAILURE_POLICY[kind];
	if (retry === 'afterReset' || retry === 'backoff') return true;
	return retry === 'ifSafe' && tries.resend !== undefined;
}

/** What this request's body lets a retry do after an unclear answer (unclearAnswers.ts). */
function resendOf(run: RetryRun): ResendGround | undefined {
	const { options } = run.requestData;
	const body = (options.method === 'GET' ? options.qs : options.body) ?? {};
	return resendGround(
		run.unclear,
		body as BrazeBody,
		run.settings.retryServerErrors,
		run.sendOnceKey,
	);
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
			sent: mayHaveActed(tries) ? 'maybe' : FAILURE_POLICY[kind].sent,
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
	if (mayHaveActed(tries)) return fail(tries, cancelledError(run.context), reason, 'cancelled');
	return { failure: { error: cancelledError(run.context), sent: 'no', reason, kind: 'cancelled' } };
}
