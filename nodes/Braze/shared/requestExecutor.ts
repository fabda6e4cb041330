import { NodeApiError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { assertRequestSizes } from './bodySize';
import { brazeErrors } from './brazeResponse';
import {
	chunkBody,
	describeRecipients,
	mergeChunks,
	recipientCount,
	splitRecipients,
} from './chunking';
import type { RecipientChunk } from './chunking';
import { rateLimitGate } from './rateLimit';
import { sendWithRetries } from './retry';
import type { RequestFailure, RetrySettings } from './retry';
import { bodyOf } from './requestBody';
import { DEFAULT_MAX_WAIT_ON_RATE_LIMIT } from './sendOptions';
import { dryRunResult, isDryRun } from './dryRun';

export type BodyValidator = (context: IExecuteSingleFunctions, body: IDataObject) => void;

export interface ExecutorOptions {
	/** Body keys copied to the front of the output (e.g. schedule_id, which Braze does not echo). */
	echoBodyKeys?: string[];
}

/** One request of an item's send, as the output reports it. */
interface RequestSummary extends RecipientChunk {
	request: number;
	dispatch_id: unknown;
	schedule_id?: unknown;
	errors?: unknown[];
}

/**
 * Runs after every field has written its part of the body: checks the whole request, then
 * sends it. Routing calls it as the operation's "pagination" hook, the one place a declarative
 * node controls how its request is made. A send naming more than 50 users goes out as
 * consecutive requests of at most 50 (§1.2), and still yields one output item.
 */
export function brazeRequestExecutor(
	validate: BodyValidator,
	executorOptions: ExecutorOptions = {},
) {
	return async function executeBrazeRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const body = bodyOf(requestData.options as IHttpRequestOptions);
		validate(this, body);
		const chunks = splitRecipients(body);
		const plan: Array<RecipientChunk | undefined> = chunks.length ? chunks : [undefined];
		assertRequestSizes(this, body, plan);
		const pairedItem = { item: this.getItemIndex() };
		if (isDryRun(this)) {
			const { method = 'POST', url = '' } = requestData.options;
			const bodies = plan.map((chunk) => chunkBody(body, chunk));
			return [{ json: dryRunResult(method, url, bodies), pairedItem }];
		}
		const settings = retrySettings(this);
		const gate = rateLimitGate(
			this.getExecutionCancelSignal(),
			this.getExecuteData(),
			String(this.getNode().credentials?.brazeApi?.id ?? ''),
		);
		const done: RequestSummary[] = [];
		const answers: IDataObject[] = [];
		for (const [index, chunk] of plan.entries()) {
			const chunkRequest = {
				...requestData,
				options: { ...requestData.options, body: chunkBody(body, chunk) },
			};
			const outcome = await sendWithRetries(this, chunkRequest, gate, settings);
			if ('failure' in outcome) {
				if (plan.length === 1) throw outcome.failure.error;
				return partialFailure(this, outcome.failure, index, plan as RecipientChunk[], done);
			}
			answers.push(outcome.json);
			done.push(summary(index, chunk, outcome.json));
		}
		const echoed: IDataObject = {};
		for (const key of executorOptions.echoBodyKeys ?? []) echoed[key] = body[key];
		if (plan.length === 1) return [{ json: { ...echoed, ...answers[0] }, pairedItem }];
		return [{ json: { ...echoed, ...combinedResult(done) }, pairedItem }];
	};
}

function retrySettings(context: IExecuteSingleFunctions): RetrySettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const maxWait = Number(options.maxWaitOnRateLimit ?? DEFAULT_MAX_WAIT_ON_RATE_LIMIT);
	return {
		maxWaitMs: Number.isFinite(maxWait) && maxWait > 0 ? maxWait * 1000 : 0,
		retryServerErrors: options.retryServerErrors === true,
	};
}

function summary(index: number, chunk: RecipientChunk | undefined, answer: IDataObject) {
	const result: RequestSummary = { request: index + 1, ...chunk, dispatch_id: answer.dispatch_id };
	if (answer.schedule_id !== undefined) result.schedule_id = answer.schedule_id;
	if (Array.isArray(answer.errors) && answer.errors.length) result.errors = answer.errors;
	return result;
}

/**
 * The output of a chunked send: dispatch_id (and schedule_id, for a schedule) and message
 * first, as for a single request; then every request's ids.
 */
function combinedResult(done: RequestSummary[]): IDataObject {
	const errors = done.flatMap((request) => request.errors ?? []);
	const scheduled = done.some((request) => request.schedule_id !== undefined);
	return {
		dispatch_id: done[0]?.dispatch_id ?? null,
		...(scheduled ? { schedule_id: done[0]?.schedule_id ?? null } : {}),
		message: 'success',
		...(errors.length ? { errors } : {}),
		dispatch_ids: done.map((request) => request.dispatch_id ?? null),
		...(scheduled ? { schedule_ids: done.map((request) => request.schedule_id ?? null) } : {}),
		requests: done as unknown as IDataObject[],
	};
}

function range(first: number, last: number): string {
	return first === last ? `request ${first}` : `requests ${first}–${last}`;
}

/**
 * Request k of n failed: requests 1…k−1 stay reported, and the users not sent are named so a
 * re-run can target just them. With Continue On Fail the item becomes an error item that
 * carries the lists; otherwise the error does.
 */
function partialFailure(
	context: IExecuteSingleFunctions,
	failure: RequestFailure,
	index: number,
	plan: RecipientChunk[],
	done: RequestSummary[],
): INodeExecutionData[] {
	const k = index + 1;
	const n = plan.length;
	const failed = plan[index];
	const maybe = failure.sent === 'maybe';
	const notSent = mergeChunks(maybe ? plan.slice(index + 1) : plan.slice(index));
	const notSentCount = recipientCount(notSent);
	const total = plan.reduce((sum, chunk) => sum + recipientCount(chunk), 0);
	const sentCount = done.reduce((sum, request) => sum + recipientCount(request), 0);

	const message = maybe
		? `${failure.reason} on request ${k} of ${n}: its ${recipientCount(failed)} recipients may or may not have been sent the message`
		: `${failure.reason} on request ${k} of ${n}: ${notSentCount} of the item's ${total} recipients were not sent the message`;
	const parts = [
		done.length
			? `Sent: ${range(1, k - 1)} of ${n} (${sentCount} recipients; dispatch_ids ${done.map((request) => String(request.dispatch_id)).join(', ')}).`
			: 'Sent: nothing.',
	];
	if (maybe) {
		parts.push(
			`May or may not have been sent: request ${k} (${recipientCount(failed)} recipients: ${describeRecipients(failed)}). Check Braze's message activity log for them before sending to them again.`,
		);
	}
	if (notSentCount) {
		parts.push(
			`Not sent: ${range(maybe ? k + 1 : k, n)} (${notSentCount} recipients: ${describeRecipients(notSent)}).`,
		);
	}
	const cause = failure.error as Error & { description?: string | null };
	if (cause.description) parts.push(cause.description);
	if (notSentCount) parts.push('To finish, run the node again for the recipients not sent only.');
	const description = parts.join(' ');

	const details: IDataObject = {
		description,
		dispatch_ids: done.map((request) => request.dispatch_id ?? null),
		requests: done as unknown as IDataObject[],
		not_sent: notSent as IDataObject,
		...(maybe ? { may_have_been_sent: { request: k, ...failed } } : {}),
	};
	const pairedItem = { item: context.getItemIndex() };
	// Continue On Fail: an error item (json of only `error` and `details` is what n8n's error
	// output recognises) that keeps the lists, so the next node can send to the rest.
	if (context.continueOnFail()) return [{ json: { error: message, details }, pairedItem }];

	const httpCode = (failure.error as { httpCode?: string | null }).httpCode;
	const error = new NodeApiError(context.getNode(), { message } as JsonObject, {
		message,
		description,
		itemIndex: context.getItemIndex(),
		...(httpCode ? { httpCode } : {}),
	});
	const lists = { ...details };
	delete lists.description;
	error.context.details = lists;
	brazeErrors.add(error);
	throw error;
}
