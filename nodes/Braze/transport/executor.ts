import { NodeApiError, NodeOperationError } from 'n8n-workflow';
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
import { brazeErrors, CHECK_ACTIVITY_LOG, MAY_OR_MAY_NOT } from './answer';
import {
	chunkBody,
	describeRecipients,
	mergeChunks,
	recipientCount,
	splitRecipients,
} from './chunking';
import type { RecipientChunk } from './chunking';
import { cancellableSleep, rateLimitGate } from './rateLimit';
import { FAILURE_POLICY, sendWithRetries } from './retry';
import type { FailureKind, HaltCheck, RequestFailure, SendOutcome } from './retry';
import { runLedgerOf } from './runLedger';
import type { Halt, RunLedger } from './runLedger';
import { bodyOf } from '../body/requestBody';
import { retrySettings } from './settings';
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
 * consecutive requests of at most 50 (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages),
 * and still yields one output item. What the other items of the run did is in the RunLedger.
 */
export function brazeRequestExecutor(
	validate: BodyValidator,
	executorOptions: ExecutorOptions = {},
) {
	return async function executeBrazeRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const ledger = runLedgerOf(this);
		const attempt = ledger.begin(this.getItemIndex());
		const stopOnError = !this.continueOnFail();
		try {
			return await executeItem(this, requestData, validate, executorOptions, ledger, attempt);
		} catch (error) {
			if (stopOnError) {
				ledger.halt(attempt, {
					reason: (error as Error).message,
					item: this.getItemIndex() + 1,
				});
				ledger.track(error as Error);
			}
			await untilRoutingListens(this, ledger, attempt);
			throw asNodeError(this, error);
		}
	};
}

/** Everything thrown here is already one of n8n's node errors; anything else is wrapped. */
function asNodeError(
	context: IExecuteSingleFunctions,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, {
		itemIndex: context.getItemIndex(),
	});
}

/**
 * With Request Options › Batching, n8n's routing pauses between batches before it listens to
 * the items' outcomes; a failure thrown during that pause is an unhandled rejection. So a
 * failing item waits until every item has started (bounded by the batches' own schedule).
 */
async function untilRoutingListens(
	context: IExecutePaginationFunctions,
	ledger: RunLedger,
	attempt: number,
): Promise<void> {
	const requestOptions = context.getNodeParameter('requestOptions', {}) as IDataObject;
	const batch = ((requestOptions.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	const interval = Number(batch.batchInterval ?? 0);
	if (!(interval > 0)) return;
	const size = Math.max(1, Number(batch.batchSize) || 1);
	const items = context.getExecuteData().data.main?.[0]?.length ?? 1;
	const batchesLeft = Math.ceil(Math.max(0, items - context.getItemIndex() - 1) / size) + 1;
	await Promise.race([
		ledger.allStarted(attempt),
		cancellableSleep(batchesLeft * interval + 1000, context.getExecutionCancelSignal()),
	]);
}

async function executeItem(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	validate: BodyValidator,
	executorOptions: ExecutorOptions,
	ledger: RunLedger,
	attempt: number,
): Promise<INodeExecutionData[]> {
	const itemIndex = context.getItemIndex();
	const body = bodyOf(requestData.options as IHttpRequestOptions);
	validate(context, body);
	const chunks = splitRecipients(body);
	const plan: Array<RecipientChunk | undefined> = chunks.length ? chunks : [undefined];
	assertRequestSizes(context, body, plan);
	const pairedItem = { item: itemIndex };
	if (isDryRun(context)) {
		const { method = 'POST', url = '' } = requestData.options;
		const bodies = plan.map((chunk) => chunkBody(body, chunk));
		return [{ json: dryRunResult(method, url, bodies), pairedItem }];
	}
	const settings = retrySettings(context);
	const gate = rateLimitGate(
		context.getExecutionCancelSignal(),
		context.getExecuteData(),
		String(context.getNode().credentials?.brazeApi?.id ?? ''),
	);
	const stopOnError = !context.continueOnFail();
	const halted: HaltCheck = () => {
		if (ledger.keyRejection) return haltFailure(context, ledger.keyRejection, 'key');
		const halt = stopOnError ? ledger.haltOf(attempt) : undefined;
		return halt ? haltFailure(context, halt, 'stop') : undefined;
	};
	// Told before the rate-limit gate lets the next request go, so the others see it in time.
	const onAnswer = (kind: FailureKind | 'ok', error?: Error) => {
		if (kind === 'ok' || !error) return;
		const halt = { reason: error.message, item: itemIndex + 1 };
		if (kind === 'keyRejected' && !ledger.keyRejection) ledger.keyRejection = halt;
		const { retry } = FAILURE_POLICY[kind];
		const final = retry === 'never' || (retry === 'optIn' && !settings.retryServerErrors);
		if (final && stopOnError) ledger.halt(attempt, halt);
	};
	const done: RequestSummary[] = [];
	const answers: IDataObject[] = [];
	let replayed = 0;
	for (const [index, chunk] of plan.entries()) {
		const earlier = ledger.earlier(itemIndex, index);
		let outcome: SendOutcome;
		if (earlier?.sent === 'yes') {
			outcome = { json: earlier.json };
			replayed += 1;
		} else if (earlier?.sent === 'maybe') {
			outcome = { failure: earlierTryFailure(context, index + 1, plan.length) };
		} else {
			const first = halted();
			if (first) {
				outcome = { failure: first };
			} else {
				const chunkRequest = {
					...requestData,
					options: { ...requestData.options, body: chunkBody(body, chunk) },
				};
				outcome = await sendWithRetries(context, chunkRequest, gate, settings, halted, onAnswer);
				if ('json' in outcome) ledger.record(itemIndex, index, { sent: 'yes', json: outcome.json });
				else if (outcome.failure.sent === 'maybe')
					ledger.record(itemIndex, index, { sent: 'maybe' });
			}
		}
		if ('failure' in outcome) {
			if (plan.length === 1) throw outcome.failure.error;
			return partialFailure(context, outcome.failure, index, plan as RecipientChunk[], done);
		}
		answers.push(outcome.json);
		done.push(summary(index, chunk, outcome.json));
	}
	ledger.confirm(
		itemIndex,
		done.map((request) => request.dispatch_id ?? null),
	);
	const echoed: IDataObject = {};
	for (const key of executorOptions.echoBodyKeys ?? []) echoed[key] = body[key];
	const json =
		plan.length === 1 ? { ...echoed, ...answers[0] } : { ...echoed, ...combinedResult(done) };
	if (replayed) json.warning = ALREADY_SENT_WARNING;
	return [{ json, pairedItem }];
}

/** On an output item Braze confirmed in an earlier try of the node (Retry On Fail). */
export const ALREADY_SENT_WARNING =
	'Sent by an earlier try of this node (Retry On Fail) and confirmed by Braze: not sent again.';

/** Not sent, because of another item: Braze refused the key, or the run stops at an error. */
function haltFailure(
	context: IExecuteSingleFunctions,
	halt: Halt,
	why: 'key' | 'stop',
): RequestFailure {
	const message =
		why === 'key'
			? `Not sent: Braze rejected the API key or its permission on item ${halt.item} of this run`
			: `Not sent: the node stops at the error of item ${halt.item}`;
	const description =
		why === 'key'
			? `${halt.reason}. After that answer the node makes no further request with this key in this run. Fix the credential, then run again.`
			: `${halt.reason}. With Settings › On Error set to Stop Workflow, items not sent yet are not sent once one fails. To send each item on its own, set On Error to Continue (using error output).`;
	const error = new NodeOperationError(context.getNode(), message, {
		description,
		itemIndex: context.getItemIndex(),
	});
	brazeErrors.add(error);
	return { error, sent: 'no', reason: message, kind: 'halted' };
}

/** A request that an earlier try of this node may have sent: reported, never sent again. */
function earlierTryFailure(
	context: IExecuteSingleFunctions,
	request: number,
	of: number,
): RequestFailure {
	const which = of > 1 ? `Request ${request} of ${of} of this item` : 'This item';
	const error = new NodeApiError(context.getNode(), {} as JsonObject, {
		message: `${which} may or may not have been sent by an earlier try of this node: it is not sent again`,
		description: `n8n's Retry On Fail ran the node again. The earlier try got no clear answer from Braze for it, so ${MAY_OR_MAY_NOT}. ${CHECK_ACTIVITY_LOG}`,
		itemIndex: context.getItemIndex(),
	});
	brazeErrors.add(error);
	return { error, sent: 'maybe', reason: 'an earlier try may have sent it', kind: 'halted' };
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
