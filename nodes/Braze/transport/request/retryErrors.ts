import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { DeclarativeRestApiSettings, IExecuteSingleFunctions } from 'n8n-workflow';

import { brazeErrors, unclearOutcome } from './answer';
import { withFailure } from './failure';
import { classify, FAILURE_POLICY, isUrlRefusal, networkCode } from './failurePolicy';
import type { FailureKind } from './failurePolicy';
import { nextClockHour } from './rateLimit';
import type { RetrySettings } from './settings';
import type { ChangeWords } from './unclearAnswers';

// The errors a request ends with when retry.ts stops trying without an answer to read (answer.ts
// reads those): the network failed, the rate limit outlasted Max Wait, or the execution was
// cancelled; and the notes retry.ts adds to a final error.

/** Where the request went: the base URL is only known once the credential has set it. */
function requestUrl(error: Error, requestData: DeclarativeRestApiSettings.ResultOptions): string {
	const config = (error as { cause?: { config?: { baseURL?: string; url?: string } } }).cause
		?.config;
	const baseURL = requestData.options.baseURL ?? config?.baseURL ?? '';
	return `${baseURL}${requestData.options.url ?? ''}`;
}

/** The first sentence of a network failure, per kind. */
// No error code in the message: n8n replaces a message naming one with a generic text.
function networkMessage(kind: FailureKind, settings: RetrySettings, outcome: string): string {
	switch (kind) {
		case 'notReached':
			return 'Could not reach Braze: nothing was sent';
		case 'tlsFailed':
			return "Braze's certificate could not be verified: nothing was sent";
		case 'timedOut':
			return `No answer from Braze within ${settings.timeoutMs / 1000} s: ${outcome}`;
		case 'cancelled':
			return `The execution was cancelled while waiting for Braze's answer: ${outcome}`;
		default:
			return `The connection to Braze was lost before its answer: ${outcome}`;
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
	words?: ChangeWords,
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
	const unclear = unclearOutcome(requestData.options.method, words);
	const next =
		FAILURE_POLICY[kind].sent === 'maybe'
			? unclear.next
			: 'The request did not reach Braze. Check the network, then run again.';
	const safe = new NodeApiError(
		context.getNode(),
		{ reason: code || 'request failed' },
		{
			message: networkMessage(kind, settings, unclear.outcome),
			description:
				`Braze URL: ${url}.${code ? ` Connection error: ${code}.` : ''} Check the credential's Instance or Custom URL and the network. ${next}${note}`.trim(),
			itemIndex: context.getItemIndex(),
		},
	);
	brazeErrors.add(safe);
	return safe;
}

export function rateLimitError(
	context: IExecuteSingleFunctions,
	resetAt: Date | undefined,
	settings: RetrySettings,
): Error {
	const seconds = Math.round(settings.maxWaitMs / 1000);
	const when = resetAt
		? `The limit resets at ${resetAt.toISOString()}, later than Options › Max Wait on Rate Limit (${seconds} s) allows.`
		: `Braze named no reset time; its hourly limits reset on the clock hour, next at ${nextClockHour().toISOString()}.`;
	const error = withFailure(
		new NodeApiError(
			context.getNode(),
			{ message: 'Rate Limited' },
			{
				message: 'Braze rate limit reached (429): nothing was sent for this item',
				description: `${when} Run again after the reset, or raise Max Wait on Rate Limit (Braze's hourly limit resets on the clock hour, so up to 3600 s may be needed).`,
				httpCode: '429',
				itemIndex: context.getItemIndex(),
			},
		),
		{ cause: 'rate-limited', ...(resetAt ? { resetsAtEpochMs: resetAt.getTime() } : {}) },
	);
	brazeErrors.add(error);
	return error;
}

export function cancelledError(context: IExecuteSingleFunctions): Error {
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
export function triedNote(attempts: number): string {
	return attempts > 1 ? ` The request was tried ${attempts} times.` : '';
}

/**
 * The note on a refusal of a request sent again after an unclear answer: the first try may have
 * gone through, and the refusal be about that (a schedule it deleted is no longer there).
 */
export function resentRefusalNote(words: ChangeWords): string {
	return ` This request was sent again after an unclear answer from Braze, so ${words.outcome} by the first try; this refusal may come from that.`;
}

export function withNote(error: Error, note: string): Error {
	if (note && error instanceof NodeApiError) {
		error.description = `${error.description ?? ''}${note}`.trim();
	}
	return error;
}

/** Short cause, for "… on request k of n". */
export function reasonOf(kind: FailureKind, status: number | undefined, error: Error): string {
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
