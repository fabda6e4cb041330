import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	JsonObject,
} from 'n8n-workflow';

import { brazeAnswerOf, brazeErrors } from './brazeResponse';
import { cancellableSleep, nextClockHour, retryTime } from './rateLimit';
import type { RateLimitGate } from './rateLimit';

/** How the node reacts to a bad network or a busy Braze (Options collection). */
export interface RetrySettings {
	/** The longest single wait for a rate-limit reset, in ms. */
	maxWaitMs: number;
	/** Retry answers that may have been acted on (5xx, timeouts, dropped connections). */
	retryServerErrors: boolean;
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
/** Waits before retrying a request that never reached Braze. */
export const NOT_REACHED_DELAYS_MS = [500, 1000, 2000];
/** Waits before retrying a request Braze may have acted on (opt-in). */
export const SERVER_ERROR_DELAYS_MS = [1000, 3000];
/** Waits after a 429 that names no reset time. */
const UNANNOUNCED_RATE_LIMIT_DELAYS_MS = [1000, 2000, 4000, 8000, 16000, 30000];
/** A request that keeps being rate limited, however short each wait, stops at some point. */
const MAX_RATE_LIMITED_ATTEMPTS = 50;

/** A request that could not be completed. */
export interface RequestFailure {
	/** The error in the user's words, safe to show (no request data). */
	error: Error;
	/** 'maybe' when Braze may have acted on it (5xx, timeout, dropped answer). */
	sent: 'no' | 'maybe';
	/** Short cause, for "… on request k of n". */
	reason: string;
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

/** Where the request went: the base URL is only known once the credential has set it. */
function requestUrl(error: Error, requestData: DeclarativeRestApiSettings.ResultOptions): string {
	const config = (error as { cause?: { config?: { baseURL?: string; url?: string } } }).cause
		?.config;
	const baseURL = requestData.options.baseURL ?? config?.baseURL ?? '';
	return `${baseURL}${requestData.options.url ?? ''}`;
}

/**
 * Network failures come wrapped with the request's configuration, Authorization header
 * included. Rebuild them from the bare facts so the key can never reach an output or a log.
 */
export function safeError(
	context: IExecuteSingleFunctions,
	error: Error,
	requestData: DeclarativeRestApiSettings.ResultOptions,
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
	const url = requestUrl(error, requestData);
	const sentence = NOT_REACHED_CODES.has(code)
		? 'The request did not reach Braze, so nothing was sent. '
		: 'If the request may have reached Braze, check its message activity log before running again, so that nobody is messaged twice. ';
	// The code goes in the description: n8n would replace a message naming it with a generic text.
	const safe = new NodeApiError(
		context.getNode(),
		{ reason: code || 'request failed' } as JsonObject,
		{
			message: `Could not get an answer from Braze at ${url}`,
			description:
				`${code ? `The connection failed (${code}). ` : ''}Check the credential's Instance or Custom URL and the network. ${sentence}${note}`.trim(),
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

/**
 * Sends one request (one chunk of an item's users) and returns Braze's answer as the output
 * json. Retries only where Braze cannot have acted on the first try (429, connection never
 * made), unless the user opted into retrying server errors. A failure says whether the request
 * may have been sent.
 */
export async function sendWithRetries(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	gate: RateLimitGate,
	settings: RetrySettings,
): Promise<SendOutcome> {
	const signal = context.getExecutionCancelSignal();
	let attempts = 0;
	let rateLimited = 0;
	let notReached = 0;
	let serverErrors = 0;
	let maybeSent = false;
	let lastResetAt: Date | undefined;
	const fail = (
		error: Error,
		reason: string,
		sent: 'no' | 'maybe' = maybeSent ? 'maybe' : 'no',
	) => ({
		failure: { error: withNote(error, triedNote(attempts)), sent, reason },
	});
	const rateLimitFailure = (resetAt: Date | undefined) =>
		fail(rateLimitError(context, resetAt, settings), 'Braze rate limit reached (429)');
	const cancelled = () => fail(cancelledError(context), 'the execution was cancelled');

	for (;;) {
		const gateResult = await gate.acquire(settings.maxWaitMs, signal);
		if (!gateResult.go) {
			return gateResult.cancelled ? cancelled() : rateLimitFailure(gateResult.resetAt);
		}
		attempts += 1;
		let items;
		try {
			items = await context.makeRoutingRequest({
				...requestData,
				options: { ...requestData.options, headers: { ...requestData.options.headers } },
			});
		} catch (caught) {
			items = caught as Error;
		}
		if (Array.isArray(items)) {
			const json = items[0]?.json ?? {};
			const answer = brazeAnswerOf(json);
			gate.release(answer?.rateLimit, answer?.status);
			return { json };
		}
		const error = items;
		const answer = brazeAnswerOf(error);
		gate.release(answer?.rateLimit, answer?.status);

		if (answer?.status === 429) {
			rateLimited += 1;
			const retryAt = retryTime(answer.rateLimit);
			lastResetAt = retryAt === undefined ? undefined : new Date(retryAt);
			if (rateLimited >= MAX_RATE_LIMITED_ATTEMPTS) return rateLimitFailure(lastResetAt);
			if (retryAt === undefined) {
				const delay = UNANNOUNCED_RATE_LIMIT_DELAYS_MS[rateLimited - 1];
				if (delay === undefined || delay > settings.maxWaitMs) return rateLimitFailure(undefined);
				gate.holdUntil(Date.now() + delay);
			}
			continue; // the gate waits for the reset, or refuses if it is too far away
		}
		if (answer && answer.status < 500) {
			// Braze refused it (4xx): "all fatal error codes mean no messages are sent" (§6.2).
			return fail(error, error.message);
		}
		if (isUrlRefusal(error)) {
			// The credential refused to send the key to this URL: nothing left the machine.
			return fail(safeError(context, error, requestData), 'the Braze URL was refused');
		}
		const code = networkCode(error);
		if (!answer && NOT_REACHED_CODES.has(code)) {
			const delay = NOT_REACHED_DELAYS_MS[notReached];
			notReached += 1;
			if (delay === undefined) {
				return fail(safeError(context, error, requestData), `Braze could not be reached (${code})`);
			}
			if (!(await cancellableSleep(delay, signal))) return cancelled();
			continue;
		}
		// A 5xx, a timeout or a connection lost after sending: Braze may have acted on it.
		maybeSent = true;
		const delay = settings.retryServerErrors ? SERVER_ERROR_DELAYS_MS[serverErrors] : undefined;
		serverErrors += 1;
		if (delay === undefined) {
			const reason = answer
				? `Braze answered with a server error (${answer.status})`
				: `No answer from Braze (${code || 'connection lost'})`;
			return fail(safeError(context, error, requestData), reason, 'maybe');
		}
		if (!(await cancellableSleep(delay, signal))) return cancelled();
	}
}
