import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	JsonObject,
} from 'n8n-workflow';

import { brazeAnswerOf, brazeErrors, CHECK_ACTIVITY_LOG, MAY_OR_MAY_NOT } from './answer';
import type { BrazeAnswer } from './answer';
import { cancellableSleep, nextClockHour, retryTime } from './rateLimit';
import type { RateLimitGate } from './rateLimit';

/** How the node reacts to a bad network or a busy Braze (Options collection). */
export interface RetrySettings {
	/** The longest single wait for a rate-limit reset, in ms. */
	maxWaitMs: number;
	/** Retry answers that may have been acted on (5xx, timeouts, dropped connections). */
	retryServerErrors: boolean;
	/** How long a request may go without an answer, in ms. */
	timeoutMs: number;
}

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

/**
 * The waits between tries. Tests shorten them through `setRetryDelays`, so that the retry
 * paths run without real waiting; the node itself never changes them.
 */
export const retryDelays = {
	/** Before retrying a request that never reached Braze. */
	notReachedMs: [500, 1000, 2000],
	/** Before retrying a request Braze may have acted on (opt-in). */
	serverErrorMs: [1000, 3000],
	/** After a 429 that names no reset time. */
	unannouncedRateLimitMs: [1000, 2000, 4000, 8000, 16000, 30000],
};
export const DEFAULT_RETRY_DELAYS = structuredClone(retryDelays);

export function setRetryDelays(delays: Partial<typeof retryDelays>): void {
	Object.assign(retryDelays, delays);
}

/** A request that keeps being rate limited, however short each wait, stops at some point. */
const MAX_RATE_LIMITED_ATTEMPTS = 50;

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
	 * optIn: send again only if the user accepts duplicates (Retry Server Errors).
	 * never: report.
	 */
	retry: 'afterReset' | 'backoff' | 'optIn' | 'never';
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
	serverError: { sent: 'maybe', retry: 'optIn' },
	timedOut: { sent: 'maybe', retry: 'optIn' },
	connectionLost: { sent: 'maybe', retry: 'optIn' },
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

export type SendOutcome = { json: IDataObject } | { failure: RequestFailure };

function networkCode(error: Error): string {
	const cause = (error as { cause?: { code?: string } }).cause;
	return (error as { code?: string }).code ?? cause?.code ?? '';
}

/** The credential's refusal of an insecure URL (InsecureBrazeUrlError), as n8n wrapped it. */
function isUrlRefusal(error: Error): Error | undefined {
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

/** Where the request went: the base URL is only known once the credential has set it. */
function requestUrl(error: Error, requestData: DeclarativeRestApiSettings.ResultOptions): string {
	const config = (error as { cause?: { config?: { baseURL?: string; url?: string } } }).cause
		?.config;
	const baseURL = requestData.options.baseURL ?? config?.baseURL ?? '';
	return `${baseURL}${requestData.options.url ?? ''}`;
}

/** The first sentence of a network failure, per kind. */
// No error code in the message: n8n replaces a message naming one with a generic text.
function networkMessage(kind: FailureKind, settings: RetrySettings): string {
	switch (kind) {
		case 'notReached':
			return 'Could not reach Braze: nothing was sent';
		case 'tlsFailed':
			return "Braze's certificate could not be verified: nothing was sent";
		case 'timedOut':
			return `No answer from Braze within ${settings.timeoutMs / 1000} s: ${MAY_OR_MAY_NOT}`;
		case 'cancelled':
			return `The execution was cancelled while waiting for Braze's answer: ${MAY_OR_MAY_NOT}`;
		default:
			return `The connection to Braze was lost before its answer: ${MAY_OR_MAY_NOT}`;
	}
}

/**
 * Network failures come wrapped with the request's configuration, Authorization header
 * included. Rebuild them from the bare facts so the key can never reach an output or a log.
 */
export function safeError(
	context: IExecuteSingleFunctions,
	error: Error,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	settings: RetrySettings,
	note = '',
): Error {
	if (brazeErrors.has(error)) return error;
	const refusal = isUrlRefusal(error);
	if (refusal) {
		const refused = new NodeOperationError(context.getNode(), refusal.message, {
			description: 'Fix the Braze credential, then run again. Nothing was sent.',
			itemIndex: context.getItemIndex(),
		});
		brazeErrors.add(refused);
		return refused;
	}
	const code = networkCode(error);
	const kind = classify(error, undefined);
	const url = requestUrl(error, requestData);
	const next =
		FAILURE_POLICY[kind].sent === 'maybe'
			? CHECK_ACTIVITY_LOG
			: 'The request did not reach Braze. Check the network, then run again.';
	const safe = new NodeApiError(
		context.getNode(),
		{ reason: code || 'request failed' } as JsonObject,
		{
			message: networkMessage(kind, settings),
			description:
				`Braze URL: ${url}.${code ? ` Connection error: ${code}.` : ''} Check the credential's Instance or Custom URL and the network. ${next}${note}`.trim(),
			itemIndex: context.getItemIndex(),
		},
	);
	brazeErrors.add(safe);
	return safe;
}

function rateLimitError(
	context: IExecuteSingleFunctions,
	resetAt: Date | undefined,
	settings: RetrySettings,
): Error {
	const seconds = Math.round(settings.maxWaitMs / 1000);
	const when = resetAt
		? `The limit resets at ${resetAt.toISOString()}, later than Options › Max Wait on Rate Limit (${seconds} s) allows.`
		: `Braze named no reset time; its hourly limits reset on the clock hour, next at ${nextClockHour().toISOString()}.`;
	const error = new NodeApiError(context.getNode(), { message: 'Rate Limited' } as JsonObject, {
		message: 'Braze rate limit reached (429): nothing was sent for this item',
		description: `${when} Run again after the reset, or raise Max Wait on Rate Limit (Braze's hourly limit resets on the clock hour, so up to 3600 s may be needed).`,
		httpCode: '429',
		itemIndex: context.getItemIndex(),
		failure: {
			cause: 'rate-limited',
			...(resetAt ? { resetsAtEpochMs: resetAt.getTime() } : {}),
		},
	});
	brazeErrors.add(error);
	return error;
}

function cancelledError(context: IExecuteSingleFunctions): Error {
	const error = new NodeOperationError(
		context.getNode(),
		'The execution was cancelled before this request was sent to Braze',
		{
			description: 'Nothing more was sent for this item.',
			itemIndex: context.getItemIndex(),
		},
	);
	brazeErrors.add(error);
	return error;
}

/** The note added to a final error when the request was tried more than once. */
function triedNote(attempts: number): string {
	return attempts > 1 ? ` The request was tried ${attempts} times.` : '';
}

function withNote(error: Error, note: string): Error {
	if (note && error instanceof NodeApiError) {
		error.description = `${error.description ?? ''}${note}`.trim();
	}
	return error;
}

/** Checked before each request leaves: a reason not to send at all (see RunLedger). */
export type HaltCheck = () => RequestFailure | undefined;

/**
 * Sends one request (one chunk of an item's users) and returns Braze's answer as the output
 * json. Retries only what FAILURE_POLICY allows. A failure says whether the request may have
 * been sent.
 */
export async function sendWithRetries(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	gate: RateLimitGate,
	settings: RetrySettings,
	halted: HaltCheck = () => undefined,
	onAnswer: (kind: FailureKind | 'ok', error?: Error) => void = () => {},
): Promise<SendOutcome> {
	const signal = context.getExecutionCancelSignal();
	let attempts = 0;
	let rateLimited = 0;
	let notReached = 0;
	let optInRetries = 0;
	let lastResetAt: Date | undefined;
	const fail = (error: Error, reason: string, kind: FailureKind) => ({
		failure: {
			error: withNote(error, triedNote(attempts)),
			// Once a try may have been acted on, the request as a whole may have been.
			sent: optInRetries > 0 ? 'maybe' : FAILURE_POLICY[kind].sent,
			reason,
			kind,
		} as RequestFailure,
	});
	const rateLimitFailure = (resetAt: Date | undefined) =>
		fail(
			rateLimitError(context, resetAt, settings),
			'Braze rate limit reached (429)',
			'rateLimited',
		);
	const cancelled = () =>
		optInRetries > 0
			? fail(cancelledError(context), 'the execution was cancelled', 'cancelled')
			: {
					failure: {
						error: cancelledError(context),
						sent: 'no',
						reason: 'the execution was cancelled',
						kind: 'cancelled',
					} as RequestFailure,
				};

	for (;;) {
		const gateResult = await gate.acquire(settings.maxWaitMs, signal);
		if (!gateResult.go) {
			return gateResult.cancelled ? cancelled() : rateLimitFailure(gateResult.resetAt);
		}
		const halt = halted();
		if (halt) {
			gate.release(undefined, undefined);
			return { failure: { ...halt, sent: optInRetries > 0 ? 'maybe' : halt.sent } };
		}
		attempts += 1;
		let items;
		try {
			items = await context.makeRoutingRequest({
				...requestData,
				options: {
					...requestData.options,
					headers: { ...requestData.options.headers },
					timeout: settings.timeoutMs,
				},
			});
		} catch (caught) {
			items = caught as Error;
		}
		if (Array.isArray(items)) {
			const json = items[0]?.json ?? {};
			const answer = brazeAnswerOf(json);
			onAnswer('ok');
			gate.release(answer?.rateLimit, answer?.status);
			return { json };
		}
		const error = items;
		const answer = brazeAnswerOf(error);
		const kind = classify(error, answer);
		// Told before the gate lets the next request go, so that a rejected key stops the others.
		onAnswer(kind, error);
		gate.release(answer?.rateLimit, answer?.status);
		const policy = FAILURE_POLICY[kind];

		if (policy.retry === 'afterReset') {
			rateLimited += 1;
			const retryAt = answer ? retryTime(answer.rateLimit) : undefined;
			lastResetAt = retryAt === undefined ? undefined : new Date(retryAt);
			if (rateLimited >= MAX_RATE_LIMITED_ATTEMPTS) return rateLimitFailure(lastResetAt);
			if (retryAt === undefined) {
				const delay = retryDelays.unannouncedRateLimitMs[rateLimited - 1];
				if (delay === undefined || delay > settings.maxWaitMs) return rateLimitFailure(undefined);
				gate.holdUntil(Date.now() + delay);
			}
			continue; // the gate waits for the reset, or refuses if it is too far away
		}
		if (policy.retry === 'optIn' && settings.retryServerErrors) {
			const delay = retryDelays.serverErrorMs[optInRetries];
			optInRetries += 1;
			if (delay !== undefined) {
				if (!(await cancellableSleep(delay, signal))) return cancelled();
				continue;
			}
		}
		// Braze's (or a stranger's) answer is already an error in the user's words.
		if (answer) return fail(error, reasonOf(kind, answer.status, error), kind);
		if (policy.retry === 'backoff') {
			const delay = retryDelays.notReachedMs[notReached];
			notReached += 1;
			if (delay === undefined) {
				const code = networkCode(error);
				return fail(
					safeError(context, error, requestData, settings),
					`Braze could not be reached (${code})`,
					kind,
				);
			}
			if (!(await cancellableSleep(delay, signal))) return cancelled();
			continue;
		}
		const safe = safeError(context, error, requestData, settings);
		return fail(safe, reasonOf(kind, undefined, safe), kind);
	}
}

/** Short cause, for "… on request k of n". */
function reasonOf(kind: FailureKind, status: number | undefined, error: Error): string {
	switch (kind) {
		case 'serverError':
			return `Braze answered with a server error (${status})`;
		case 'unreadable':
			return `the answer was not Braze's (HTTP ${status})`;
		case 'redirected':
			return `the Braze URL answered with a redirect (${status})`;
		case 'timedOut':
			return 'no answer from Braze in time';
		case 'connectionLost':
			return 'the connection to Braze was lost';
		case 'cancelled':
			return 'the execution was cancelled';
		case 'urlRefused':
			return 'the Braze URL was refused';
		case 'tlsFailed':
			return "Braze's certificate could not be verified";
		default:
			return error.message;
	}
}
