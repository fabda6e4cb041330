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
 * chunks or shared with other items, and each request goes through one step (itemRequest.ts):
 * checked against the run's ledger, paced, sent, retried by FAILURE_POLICY, and recorded. Each
 * input item gets its output items (itemOutput.ts). docs/architecture.md draws the whole path.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { BodyField } from '../helpers/body/fields';
import { normalizeBodyTypes } from '../helpers/body/normalizeTypes';
import { bodyOf } from '../helpers/body/requestBody';
import { namedUser } from '../helpers/body/namedUser';
import type { BodyStep, BrazeBody } from '../helpers/body/types';
import { assertRequestSizes } from './bodySize';
import { chunkBody, splitRecipients } from './chunking';
import type { RecipientChunk } from './chunking';
import { dryRunResult, isDryRun } from './dryRun';
import { sendItemRequest, sendUnlessHalted } from './itemRequest';
import type { ItemRequests, ItemRun } from './itemRequest';
import { answerOutput, dispatchIdsOf, requestSummary, withNotes } from './itemOutput';
import type { OutputNotes, RequestSummary } from './itemOutput';
import { asLocalRefusal } from './localRefusal';
import { partlySent } from './partlySent';
import { cancellableSleep, rateLimitGate } from './request/rateLimit';
import type { FailureKind } from './request/failurePolicy';
import type { HaltCheck, RetryRun } from './request/retry';
import { retrySettings } from './request/settings';
import { readsOnly } from './request/unclearAnswers';
import type { UnclearAnswer } from './request/unclearAnswers';
import { haltFailure, reportedEarlier, runLedgerOf, stoppedByAnother } from './ledger/runLedger';
import type { RunLedger } from './ledger/runLedger';
import { namedUsersOf, oneUserNamed } from './sameUser';
import { firstPageDryRun, pagedRecords } from './reads/pages';
import type { PagingSpec } from './reads/pages';
import { outputChoice, shapeRecord } from './reads/recordShape';
import type { RecordShape } from './reads/recordShape';
import { sharedRequest } from './sharedRequests';
import { simplifies } from './simplify';
import type { BatchSpec } from './sharedRequests';

/** What an operation tells the executor; everything else is the same for every operation. */
export interface ExecutorSpec {
	/**
	 * The API key permission the endpoint needs, named when Braze answers 403; a function of the
	 * item where its fields pick the endpoint (KPI › Get's Metric).
	 */
	permission: string | ((context: IExecuteSingleFunctions) => string);
	/**
	 * Braze's own rate limit of the endpoint, where it has one apart from the shared hourly pool
	 * (e.g. 1,000 an hour shared by /events/list and /events, https://www.braze.com/docs/api/api_limits):
	 * its requests are paced by a gate of their own, learnt from their own X-RateLimit-* headers.
	 */
	rateLimitBucket?: string;
	/**
	 * What a retry may do with a request whose answer was unclear (a 5xx, a timeout, a connection
	 * lost after sending), and how the errors word what may have happened (unclearAnswers.ts):
	 * `report(…)` where applying it twice would count twice, `resend(…)` where it comes out the same.
	 */
	onUnclearAnswer: UnclearAnswer;
	/**
	 * The routed fields the operation shows: each is given its JSON type first
	 * (helpers/body/normalizeTypes.ts). Filled in from the resource's form (resources/resource.ts).
	 */
	bodyFields?: readonly BodyField[];
	/**
	 * Then completes and checks the body, in order: the operation's body steps, each a function
	 * `(context, body) => void` its file names here (preparedBody runs them).
	 */
	prepare: readonly BodyStep[];
	/** Body keys copied to the front of the output (e.g. schedule_id, which Braze does not echo). */
	echoBodyKeys?: string[];
	/**
	 * False where Braze answers without a dispatch_id (Live Activity › Start): the output then has
	 * no dispatch_id, dispatch_ids or requests[].dispatch_id that Braze did not give. True unless set.
	 */
	outputsDispatchId?: boolean;
	/** Adds to a successful output item, given the answers Braze gave in this try. */
	finish?: (json: IDataObject, answers: IDataObject[]) => void;
	/**
	 * The output items of a successful answer, e.g. one per listed entry (none for an empty
	 * list); each is paired with the input item. Without it, the answer is one output item.
	 */
	outputItems?: (context: IExecuteSingleFunctions, json: IDataObject) => IDataObject[];
	/** For endpoints that take many users at once: the run's items share requests (sharedRequests.ts). */
	batch?: BatchSpec;
	/**
	 * A Get Many: the item's records, read page by page (pages.ts), one output item per record.
	 * The form gets Return All and Limit (readFields.ts). A function of the item where a field
	 * picks the endpoint, and with it the paging (Custom Event › Get Many's Include Details).
	 */
	paging?: PagingSpec | ((context: IExecuteSingleFunctions) => PagingSpec);
	/**
	 * Records with more fields than a workflow needs: the form gets Output (Simplified, Raw,
	 * Selected Fields) and each output record is shaped by it, keeping the ID (recordShape.ts).
	 */
	shape?: RecordShape;
	/** The item's endpoint path, for endpoints with a path parameter; read after `prepare`. */
	path?: (context: IExecuteSingleFunctions) => string;
	/**
	 * A check of the prepared body that must read from Braze first (Catalog Item's Check Fields
	 * Against the Catalog reads the catalog's fields, once per run): it may complete the body or
	 * refuse the item, after `prepare` and before any of the item's requests is planned or sent.
	 */
	verify?: (item: ItemRun) => Promise<void>;
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
			// A read sent nothing: its error needs no list of what was sent.
			if (stopOnError && !readsOnly(spec.onUnclearAnswer)) ledger.track(error);
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

/**
 * One item, the same way whether its requests are its own or shared: its body prepared and
 * checked, then each request dry-run, or sent through the ledger (sendItemRequest), and the
 * outcome output (itemOutput.ts).
 */
async function executeItem(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	spec: ExecutorSpec,
	ledger: RunLedger,
	attempt: number,
): Promise<INodeExecutionData[]> {
	const body = preparedBody(context, requestData, spec, attempt);
	// Read before anything is sent: a Simplify that is neither true nor false refuses the item.
	const simplify = simplifies(context);
	const shaped = spec.shape && { shape: spec.shape, choice: outputChoice(context) };
	const shapeAll = (records: IDataObject[]) =>
		shaped ? records.map((record) => shapeRecord(record, shaped.shape, shaped.choice)) : records;
	if (spec.path) {
		requestData = { ...requestData, options: { ...requestData.options, url: spec.path(context) } };
	}
	const item: ItemRun = {
		retry: retryRun(context, requestData, spec, ledger, attempt),
		body,
		ledger,
		attempt,
	};
	if (spec.verify) await spec.verify(item);
	const pairedItem = { item: context.getItemIndex() };
	const paging = typeof spec.paging === 'function' ? spec.paging(context) : spec.paging;
	if (paging) {
		if (isDryRun(context)) return [{ json: firstPageDryRun(item, paging), pairedItem }];
		const records = shapeAll(await pagedRecords(item, paging));
		return records.map((json) => ({ json, pairedItem }));
	}
	const requests = requestsOf(item, spec.batch);
	if (isDryRun(context)) return [{ json: await requests.dryRun(), pairedItem }];
	const sent = await sendRequests(item, requests);
	if ('stopped' in sent) return sent.stopped;
	const { done, answers, fresh, notes } = sent;
	// An item sharing a /users/track request has no dispatch_id; a shared message has its request's;
	// an operation whose endpoint gives none (a catalog write) names none.
	ledger.confirm(
		context.getItemIndex(),
		(requests.shared && !spec.batch?.share) || spec.outputsDispatchId === false
			? []
			: dispatchIdsOf(done),
	);
	const shape = { simplify, shared: requests.shared };
	const json = withNotes(
		answerOutput(body, done, answers, spec, shape),
		{ ...notes, sameUser: spec.perUserWrite && (await oneUserNamed(context, ledger, attempt)) },
		spec.onUnclearAnswer,
	);
	spec.finish?.(json, fresh);
	const outputs = shapeAll(spec.outputItems ? spec.outputItems(context, json) : [json]);
	return outputs.map((output) => ({ json: output, pairedItem }));
}

/**
 * The item's body, as its request goes out: each routed field given its JSON type, then the
 * operation's body steps (`spec.prepare`, listed in the operation's file) in order.
 */
function preparedBody(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	spec: ExecutorSpec,
	attempt: number,
): BrazeBody {
	const body = bodyOf(requestData.options);
	normalizeBodyTypes(context, body, spec.bodyFields ?? []);
	for (const step of spec.prepare) step(context, body);
	// Noted before anything is awaited: routing starts every item before the first answer.
	if (spec.perUserWrite)
		namedUsersOf(context, attempt).note(context.getItemIndex(), namedUser(body));
	return body;
}

/**
 * The item's requests: a share of a request other items of the run share, where its operation
 * shares (`batch`) and, for a message, the item may (`batch.share`); else its own.
 */
function requestsOf(item: ItemRun, batch: BatchSpec | undefined): ItemRequests {
	if (!batch) return ownRequests(item);
	if (!batch.share) return sharedRequest(item, batch);
	const shared = batch.share(item.retry.context, item.body);
	return shared ? sharedRequest(item, batch, shared) : ownRequests(item);
}

/**
 * The item's own requests: one, or one per chunk of at most 50 of the users it names, each
 * checked for size before anything is sent.
 */
function ownRequests(item: ItemRun): ItemRequests {
	const { retry, body } = item;
	const split = splitRecipients(body);
	const chunks: Array<RecipientChunk | undefined> = split.length ? split : [undefined];
	assertRequestSizes(retry.context, body, chunks);
	return {
		chunks,
		shared: false,
		dryRun: () =>
			dryRunResult(
				retry.requestData.options,
				chunks.map((chunk) => chunkBody(body, chunk)),
			),
		send: async (index, repeats) =>
			await sendUnlessHalted(retry, chunkBody(body, chunks[index]), repeats),
	};
}

/** What the requests of one item gave. */
interface ItemSent {
	done: RequestSummary[];
	answers: IDataObject[];
	/** Answers Braze gave in this try (not replayed from an earlier one). */
	fresh: IDataObject[];
	/** Whether a request was replayed from an earlier try, or sent again after an unclear answer. */
	notes: OutputNotes;
}

/** Sends the item's requests in order; a failure ends the item there. */
async function sendRequests(
	item: ItemRun,
	requests: ItemRequests,
): Promise<ItemSent | { stopped: INodeExecutionData[] }> {
	const { chunks } = requests;
	const sent: ItemSent = { done: [], answers: [], fresh: [], notes: {} };
	for (const [index, chunk] of chunks.entries()) {
		const result = await sendItemRequest(item, requests, index);
		if ('failure' in result) {
			if (chunks.length === 1) throw result.failure.error;
			const plan = chunks.filter((entry): entry is RecipientChunk => entry !== undefined);
			const stop = { failure: result.failure, index, plan, done: sent.done };
			return { stopped: partlySent(item.retry.context, stop, item.retry.unclear) };
		}
		if (result.replayed) sent.notes.replayed = true;
		else sent.fresh.push(result.json);
		sent.notes.resent ??= result.resent;
		sent.answers.push(result.json);
		sent.done.push(requestSummary(index, chunk, result.json));
	}
	return sent;
}

/** The settings, gate and run-wide checks every request of the item shares. */
function retryRun(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	spec: ExecutorSpec,
	ledger: RunLedger,
	attempt: number,
): RetryRun {
	const itemIndex = context.getItemIndex();
	const gate = rateLimitGate(
		context.getExecutionCancelSignal(),
		context.getExecuteData(),
		`${context.getNode().credentials?.brazeApi?.id ?? ''}${spec.rateLimitBucket ? `|${spec.rateLimitBucket}` : ''}`,
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
		permission: typeof spec.permission === 'function' ? spec.permission(context) : spec.permission,
		gate,
		settings: retrySettings(context),
		unclear: spec.onUnclearAnswer,
		sendOnceKey: spec.sendOnceKey,
		halted,
		onAnswer,
	};
}

/** Kept here too: tests read it as the executor's. */
export { ALREADY_SENT_WARNING } from './itemOutput';
