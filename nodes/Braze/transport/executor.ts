/**
 * The request seam: the one imperative part of this declarative node.
 *
 * Fields route themselves into the body (`routing.send`), and n8n's routing would then make
 * one request per item. Braze needs more than that: a send names at most 50 users per request
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages), a
 * retry is only safe where Braze cannot have acted, and a 429 must be waited out. So every
 * operation hands its request to this executor through the one hook routing offers for
 * running a request itself: `send: { paginate: true }` plus `operations.pagination` (see
 * operation.ts, which writes that block). Here the body is prepared and checked, split into
 * chunks, paced, sent, retried by FAILURE_POLICY, and answered with one output item per input
 * item. docs/architecture.md draws the whole path.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { BodyField } from '../body/fields';
import { normalizeBodyTypes } from '../body/normalizeTypes';
import { bodyOf } from '../body/requestBody';
import { namedUser } from '../body/namedUser';
import type { BodyStep, BrazeBody } from '../body/types';
import { brazeErrors } from './request/answer';
import { executeBatchedItem } from './batchedItem';
import type { BatchSpec } from './batchedItem';
import { assertRequestSizes } from './bodySize';
import { chunkBody, splitRecipients } from './chunking';
import type { RecipientChunk } from './chunking';
import { dryRunResult, isDryRun } from './dryRun';
import type { FailureKind, RequestFailure, SendOutcome } from './request/failurePolicy';
import { withNotes } from './itemOutput';
import type { OutputNotes } from './itemOutput';
import { partialFailure } from './partialFailure';
import type { RequestSummary } from './partialFailure';
import { cancellableSleep, rateLimitGate, waits } from './request/rateLimit';
import { withPayload } from './request/sendOnce';
import { sendWithRetries } from './request/retry';
import type { HaltCheck, RetryRun } from './request/retry';
import { asLocalRefusal } from './localRefusal';
import { ALREADY_SENT_WARNING, reportedEarlier, runLedgerOf, stoppedByAnother } from './runLedger';
import type { Halt, RunLedger } from './runLedger';
import { namedUsersOf, oneUserNamed } from './sameUser';
import { SEND_ONCE_WINDOW_MS } from './sendOnceKeys';
import { retrySettings } from './request/settings';
import { resendGround } from './request/unclearAnswers';
import type { ChangeWords, ResendGround, UnclearAnswer } from './request/unclearAnswers';

/** What an operation tells the executor; everything else is the same for every operation. */
export interface ExecutorSpec {
	/** The API key permission the endpoint needs, named when Braze answers 403. */
	permission: string;
	/**
	 * What a retry may do with a request whose answer was unclear (a 5xx, a timeout, a connection
	 * lost after sending), and how the errors word what may have happened (unclearAnswers.ts):
	 * `report(…)` where applying it twice would count twice, `resend(…)` where it comes out the same.
	 */
	onUnclearAnswer: UnclearAnswer;
	/**
	 * The routed fields the operation shows: each is given its JSON type first
	 * (body/normalizeTypes.ts). Filled in from the resource's form (resources/resource.ts).
	 */
	bodyFields?: readonly BodyField[];
	/** Then completes and checks the body, in order. */
	prepare: readonly BodyStep[];
	/** Body keys copied to the front of the output (e.g. schedule_id, which Braze does not echo). */
	echoBodyKeys?: string[];
	/** Adds to a successful output item, given the answers Braze gave in this try. */
	finish?: (json: IDataObject, answers: IDataObject[]) => void;
	/**
	 * The output items of a successful answer, e.g. one per listed entry (none for an empty
	 * list); each is paired with the input item. Without it, the answer is one output item.
	 */
	outputItems?: (context: IExecuteSingleFunctions, json: IDataObject) => IDataObject[];
	/** For endpoints that take many users at once: the run's items share requests (batchedItem.ts). */
	batch?: BatchSpec;
	/** The item's endpoint path, for endpoints with a path parameter; read after `prepare`. */
	path?: (context: IExecuteSingleFunctions) => string;
	/**
	 * The body's idempotency key, if it carries one: Braze acts on a request with that key once,
	 * so a request that may have been sent is sent again (under the same key) instead of being
	 * reported, in this try and in a later one within SEND_ONCE_WINDOW_MS.
	 */
	sendOnceKey?: (body: BrazeBody) => string | undefined;
	/**
	 * Each item writes to, or messages, the users it names: when every item of a run names the same
	 * one user, the outputs warn (sameUser.ts), since that is often an ID typed as fixed text.
	 */
	perUserWrite?: boolean;
}

/** The executor of one operation, in the form routing calls as `operations.pagination`. */
export function brazeRequestExecutor(spec: ExecutorSpec) {
	return async function executeBrazeRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const ledger = runLedgerOf(this);
		const attempt = ledger.begin(this.getItemIndex());
		const stopOnError = !this.continueOnFail();
		try {
			return await executeItem(this, requestData, spec, ledger, attempt);
		} catch (thrown) {
			// Not sent because another item stopped the run: that item's error is the one to show.
			if (stopOnError && stoppedByAnother.has(thrown as Error)) return [];
			const error = asLocalRefusal(this, thrown);
			if (stopOnError && !reportedEarlier.has(error)) {
				ledger.halt(attempt, { reason: error.message, item: this.getItemIndex() });
			}
			if (stopOnError) ledger.track(error);
			await untilRoutingListens(this, ledger, attempt);
			throw error;
		}
	};
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
	const requestOptions = context.getNodeParameter('requestOptions', {}) as {
		batching?: { batch?: { batchSize?: unknown; batchInterval?: unknown } };
	};
	const batch = requestOptions.batching?.batch ?? {};
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

/** One item's executor run: what every step of sending it needs. */
interface ItemRun {
	context: IExecutePaginationFunctions;
	requestData: DeclarativeRestApiSettings.ResultOptions;
	body: BrazeBody;
	spec: ExecutorSpec;
	ledger: RunLedger;
	/** Which try of the node this is (n8n's Retry On Fail runs it again). */
	attempt: number;
}

/** One item: prepare and check the body, then dry-run it or send it chunk by chunk. */
async function executeItem(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	spec: ExecutorSpec,
	ledger: RunLedger,
	attempt: number,
): Promise<INodeExecutionData[]> {
	const body = bodyOf(requestData.options);
	normalizeBodyTypes(context, body, spec.bodyFields ?? []);
	for (const step of spec.prepare) step(context, body);
	// Noted before anything is awaited: routing starts every item before the first answer.
	if (spec.perUserWrite)
		namedUsersOf(context, attempt).note(context.getItemIndex(), namedUser(body));
	if (spec.path) {
		requestData = { ...requestData, options: { ...requestData.options, url: spec.path(context) } };
	}
	if (spec.batch) {
		const run = retryRun({ context, requestData, body, spec, ledger, attempt });
		return await executeBatchedItem(context, requestData, spec.batch, run, ledger, attempt, {
			perUserWrite: spec.perUserWrite === true,
		});
	}
	const chunks = splitRecipients(body);
	const plan: Array<RecipientChunk | undefined> = chunks.length ? chunks : [undefined];
	assertRequestSizes(context, body, plan);
	const pairedItem = { item: context.getItemIndex() };
	if (isDryRun(context)) {
		const { method = 'POST', url = '' } = requestData.options;
		const bodies = plan.map((chunk) => chunkBody(body, chunk));
		return [{ json: dryRunResult(method, url, bodies), pairedItem }];
	}
	const sent = await sendPlan({ context, requestData, body, spec, ledger, attempt }, plan);
	if ('stopped' in sent) return sent.stopped;
	const { done, answers, fresh, notes } = sent;
	ledger.confirm(
		context.getItemIndex(),
		done.map((request) => request.dispatch_id ?? null),
	);
	const echoed: IDataObject = {};
	for (const key of spec.echoBodyKeys ?? []) echoed[key] = body[key];
	const json = withNotes(
		plan.length === 1 ? { ...echoed, ...answers[0] } : { ...echoed, ...combinedResult(done) },
		{ ...notes, sameUser: spec.perUserWrite && (await oneUserNamed(context, ledger, attempt)) },
		spec.onUnclearAnswer,
	);
	spec.finish?.(json, fresh);
	const outputs = spec.outputItems ? spec.outputItems(context, json) : [json];
	return outputs.map((output) => ({ json: output, pairedItem }));
}

/** What the requests of one item gave. */
interface PlanSent {
	done: RequestSummary[];
	answers: IDataObject[];
	/** Answers Braze gave in this try (not replayed from an earlier one). */
	fresh: IDataObject[];
	/** Whether a request was replayed from an earlier try, or sent again after an unclear answer. */
	notes: OutputNotes;
}

/** That, or the output of a partial failure. */
type PlanResult = PlanSent | { stopped: INodeExecutionData[] };

/** Sends the item's requests in order; a partial failure ends the item there. */
async function sendPlan(
	item: ItemRun,
	plan: Array<RecipientChunk | undefined>,
): Promise<PlanResult> {
	const retry = retryRun(item);
	const result: PlanSent = { done: [], answers: [], fresh: [], notes: {} };
	for (const [index, chunk] of plan.entries()) {
		const { outcome, source } = await sendChunk(item, retry, plan.length, index, chunk);
		if ('failure' in outcome) {
			if (plan.length === 1) throw outcome.failure.error;
			const chunks = plan.filter((entry): entry is RecipientChunk => entry !== undefined);
			const stop = { failure: outcome.failure, index, plan: chunks, done: result.done };
			return { stopped: partialFailure(item.context, stop, item.spec.onUnclearAnswer) };
		}
		if (source === 'earlier try') result.notes.replayed = true;
		else result.fresh.push(outcome.json);
		result.notes.resent ??= outcome.resent;
		result.answers.push(outcome.json);
		result.done.push(summary(index, chunk, outcome.json));
	}
	return result;
}

/**
 * One request of the item. What an earlier try of the node settled is not sent again: a
 * request Braze confirmed is replayed from the ledger; one it may have acted on is reported,
 * unless sending it again is safe (its key, or a change that comes out the same).
 */
async function sendChunk(
	item: ItemRun,
	retry: RetryRun,
	of: number,
	index: number,
	chunk: RecipientChunk | undefined,
): Promise<{ outcome: SendOutcome; source: 'earlier try' | 'this try' }> {
	const { context, requestData, body, ledger } = item;
	const itemIndex = context.getItemIndex();
	// A GET changes nothing in Braze: it is asked again on a retry, and its answer (a list) is
	// not saved with the execution.
	const reads = requestData.options.method === 'GET';
	const earlier = reads ? undefined : ledger.earlier(itemIndex, index);
	if (earlier?.sent === 'yes') return { outcome: { json: earlier.json }, source: 'earlier try' };
	const resendingEarlier = earlier?.sent === 'maybe' ? resendsEarlier(item, earlier.at) : undefined;
	if (earlier?.sent === 'maybe' && !resendingEarlier) {
		const failure = earlierTryFailure(context, item.spec.onUnclearAnswer, index + 1, of);
		return { outcome: { failure }, source: 'this try' };
	}
	const halt = retry.halted?.();
	if (halt) return { outcome: { failure: halt }, source: 'this try' };
	const chunkRequest = {
		...requestData,
		options: withPayload(requestData.options, chunkBody(body, chunk)),
	};
	const outcome = await sendWithRetries({
		...retry,
		requestData: chunkRequest,
		repeatsUnclear: resendingEarlier,
	});
	if (reads) return { outcome, source: 'this try' };
	if ('json' in outcome) ledger.record(itemIndex, index, { sent: 'yes', json: outcome.json });
	else if (outcome.failure.sent === 'maybe') {
		ledger.record(itemIndex, index, { sent: 'maybe', at: earlier?.at ?? waits.now() });
	}
	return { outcome, source: 'this try' };
}

/**
 * Whether a request an earlier try may have sent can go again, and why: it carries an
 * idempotency key and its first try is recent enough for Braze to still know the key, or it is a
 * change that comes out the same when applied twice and Options › Retry Server Errors is on.
 */
function resendsEarlier(item: ItemRun, firstTriedAt: number | undefined): ResendGround | undefined {
	const { spec, body, context } = item;
	const ground = resendGround(
		spec.onUnclearAnswer,
		body,
		retrySettings(context).retryServerErrors,
		spec.sendOnceKey,
	);
	if (ground !== 'sendOnceKey') return ground;
	if (firstTriedAt === undefined) return undefined;
	return waits.now() - firstTriedAt < SEND_ONCE_WINDOW_MS ? ground : undefined;
}

/** The settings, gate and run-wide checks every request of the item shares. */
function retryRun(item: ItemRun): RetryRun {
	const { context, requestData, spec, ledger, attempt } = item;
	const itemIndex = context.getItemIndex();
	const settings = retrySettings(context);
	const gate = rateLimitGate(
		context.getExecutionCancelSignal(),
		context.getExecuteData(),
		String(context.getNode().credentials?.brazeApi?.id ?? ''),
	);
	const stopOnError = !context.continueOnFail();
	const halted: HaltCheck = () => {
		// With Stop on Error, an item of this try failed and its error is the one n8n shows.
		const halt = stopOnError ? ledger.haltOf(attempt) : undefined;
		if (ledger.keyRejection) return haltFailure(context, ledger.keyRejection, 'key', !!halt);
		return halt ? haltFailure(context, halt, 'stop', true) : undefined;
	};
	// Told before the rate-limit gate lets the next request go, so the others see it in time.
	const onAnswer = (kind: FailureKind | 'ok', error?: Error, final?: boolean) => {
		if (kind === 'ok' || !error) return;
		const halt = { reason: error.message, item: itemIndex };
		if (kind === 'keyRejected' && !ledger.keyRejection) ledger.keyRejection = halt;
		if (final && stopOnError) ledger.halt(attempt, halt);
	};
	return {
		context,
		requestData,
		permission: spec.permission,
		gate,
		settings,
		unclear: spec.onUnclearAnswer,
		sendOnceKey: spec.sendOnceKey,
		halted,
		onAnswer,
	};
}

/** Kept here too: tests and the output read it as the executor's. */
export { ALREADY_SENT_WARNING };

/** Not sent, because of another item: Braze refused the key, or the run stops at an error. */
function haltFailure(
	context: IExecuteSingleFunctions,
	halt: Halt,
	why: 'key' | 'stop',
	givesWay: boolean,
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
	if (givesWay) stoppedByAnother.add(error);
	return { error, sent: 'no', reason: message, kind: 'halted' };
}

/** A request that an earlier try of this node may have sent: reported, not sent again. */
function earlierTryFailure(
	context: IExecuteSingleFunctions,
	words: ChangeWords,
	request: number,
	of: number,
): RequestFailure {
	const which = of > 1 ? `Request ${request} of ${of} of this item` : 'This item';
	const error = new NodeApiError(
		context.getNode(),
		{},
		{
			message: `${which} may or may not have been sent by an earlier try of this node: it is not sent again`,
			description: `n8n ran the node again (Retry On Fail, or a Retry of the execution). The earlier try got no clear answer from Braze for it, so ${words.outcome}. ${words.next}`,
			itemIndex: context.getItemIndex(),
		},
	);
	brazeErrors.add(error);
	reportedEarlier.add(error);
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
		requests: done,
	};
}
