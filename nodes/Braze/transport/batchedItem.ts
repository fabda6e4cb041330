import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { bodyOf } from '../body/requestBody';
import { brazeErrors } from './request/answer';
import { MAX_BODY_BYTES } from './bodySize';
import { dryRunResult, isDryRun } from './dryRun';
import type { RequestFailure } from './request/failurePolicy';
import { errorsOf, ItemBatcher } from './itemBatches';
import type { BatchLimits, ItemOutcome, PlannedRequest, SendPlanned } from './itemBatches';
import { withNotes } from './itemOutput';
import { waits } from './request/rateLimit';
import { sendWithRetries } from './request/retry';
import type { RetryRun } from './request/retry';
import { reportedEarlier, stoppedByAnother } from './runLedger';
import { oneUserNamed } from './sameUser';
import type { RunLedger } from './runLedger';
import { resendGround } from './request/unclearAnswers';
import type { ChangeWords } from './request/unclearAnswers';

/** How an operation's items share requests. */
export interface BatchSpec {
	/** The body arrays an item's objects go in, e.g. ['attributes']. */
	arrays: readonly string[];
	/** How much one request may hold, read from the first item of the run. */
	limits: (context: IExecuteSingleFunctions) => BatchLimits;
	/** The output fields that say whom an item was about, from its objects. */
	describe: (objects: Record<string, IDataObject[]>) => IDataObject;
}

/** Room left in a request for the rest of the JSON around the arrays. */
const BODY_MARGIN_BYTES = 1024;

/** One batcher per node run and try: routing's items of one try share requests. */
const batchers = new WeakMap<object, Map<number, ItemBatcher>>();

function batcherOf(
	context: IExecuteSingleFunctions,
	attempt: number,
	limits: BatchLimits,
): ItemBatcher {
	const scope = context.getExecuteData() as object;
	const byAttempt = batchers.get(scope) ?? new Map<number, ItemBatcher>();
	batchers.set(scope, byAttempt);
	let batcher = byAttempt.get(attempt);
	if (!batcher) {
		batcher = new ItemBatcher({
			...limits,
			maxBytes: limits.maxBytes ?? MAX_BODY_BYTES - BODY_MARGIN_BYTES,
		});
		byAttempt.set(attempt, batcher);
	}
	return batcher;
}

/**
 * One item of an operation whose items share requests: its objects are built and checked like
 * any body, then handed to the run's batcher; the item's output is its share of the answer.
 */
export async function executeBatchedItem(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	batch: BatchSpec,
	run: RetryRun,
	ledger: RunLedger,
	attempt: number,
	{ perUserWrite }: { perUserWrite: boolean },
): Promise<INodeExecutionData[]> {
	const itemIndex = context.getItemIndex();
	const body = bodyOf(requestData.options);
	const objects: Record<string, IDataObject[]> = {};
	for (const array of batch.arrays) {
		if (Array.isArray(body[array])) objects[array] = body[array] as IDataObject[];
	}
	const pairedItem = { item: itemIndex };
	const limits = batch.limits(context);
	if (isDryRun(context)) {
		const { method = 'POST', url = '' } = requestData.options;
		const json = dryRunResult(method, url, [objects]);
		json.note = `Items are grouped into requests of up to ${String(limits.total ?? limits.perArray)} objects when sent.`;
		return [{ json, pairedItem }];
	}
	const earlier = ledger.earlier(itemIndex, 0);
	if (earlier?.sent === 'yes') {
		ledger.confirm(itemIndex, []);
		return [{ json: withNotes({ ...earlier.json }, { replayed: true }, run.unclear), pairedItem }];
	}
	// An earlier try got no clear answer for this item: sent again only if its own objects come
	// out the same when applied twice (and Options › Retry Server Errors is on).
	const repeats =
		earlier?.sent === 'maybe'
			? resendGround(run.unclear, body, run.settings.retryServerErrors, run.sendOnceKey)
			: undefined;
	if (earlier?.sent === 'maybe' && !repeats) throw earlierTryError(context, run.unclear);

	const outcome = await batcherOf(context, attempt, limits).submit(
		{ itemIndex, objects },
		async (planned) => await sendPlanned(run, requestData, planned),
	);
	if (!outcome.ok) {
		const failure = outcome.error as RequestFailure;
		if (failure.sent === 'maybe' || repeats) {
			ledger.record(itemIndex, 0, { sent: 'maybe', at: earlier?.at ?? waits.now() });
		}
		throw errorForItem(context, failure.error ?? (outcome.error as Error));
	}
	const json = itemOutput(batch, objects, outcome);
	ledger.record(itemIndex, 0, { sent: 'yes', json: { ...json } });
	ledger.confirm(itemIndex, []);
	// Every item of a request sent again says so, and so does an item an earlier try left unclear.
	const resent = outcome.resent ?? repeats;
	const sameUser = perUserWrite && (await oneUserNamed(context, ledger, attempt));
	return [{ json: withNotes(json, { resent, sameUser }, run.unclear), pairedItem }];
}

/**
 * Sends one planned request through the same retries, pacing and halts as any request; whether
 * it may be sent again after an unclear answer is decided on its body, all its items' objects.
 */
async function sendPlanned(
	run: RetryRun,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	planned: PlannedRequest,
): ReturnType<SendPlanned> {
	const halt = run.halted?.();
	if (halt) throw halt;
	const outcome = await sendWithRetries({
		...run,
		requestData: { ...requestData, options: { ...requestData.options, body: planned.body } },
	});
	if ('json' in outcome) return { answer: outcome.json, resent: outcome.resent };
	throw outcome.failure;
}

/** The item's output: whom it was about, whether Braze processed it, and its request. */
function itemOutput(
	batch: BatchSpec,
	objects: Record<string, IDataObject[]>,
	outcome: Extract<ItemOutcome, { ok: true }>,
): IDataObject {
	const { answer, request, member } = outcome;
	const { mine, unplaced } = errorsOf(answer, member);
	const counts: IDataObject = {};
	for (const [key, value] of Object.entries(answer)) {
		if (key.endsWith('_processed') || key === 'deleted') counts[key] = value;
	}
	return {
		message: answer.message ?? 'success',
		...batch.describe(objects),
		processed: mine.length === 0,
		...(mine.length ? { errors: mine } : {}),
		...(unplaced.length ? { request_errors: unplaced } : {}),
		request: { number: request.number, of: request.of, items: request.members.length, ...counts },
	};
}

function earlierTryError(context: IExecuteSingleFunctions, words: ChangeWords): Error {
	const error = new NodeApiError(context.getNode(), {} as JsonObject, {
		message:
			'This item may or may not have reached Braze in an earlier try of this node: it is not sent again',
		description: `n8n ran the node again (Retry On Fail, or a Retry of the execution). The earlier try got no clear answer from Braze for the request that carried this item, so ${words.outcome}. ${words.next}`,
		itemIndex: context.getItemIndex(),
	});
	brazeErrors.add(error);
	reportedEarlier.add(error);
	return error;
}

/**
 * The request's error, as this item's own: same message and description, this item's index.
 * The first item's error is its own already.
 */
function errorForItem(context: IExecuteSingleFunctions, error: Error): Error {
	const source = error as Error & {
		description?: string | null;
		httpCode?: string | null;
		context?: IDataObject;
	};
	if (source.context?.itemIndex === context.getItemIndex()) return error;
	const options = {
		message: source.message,
		description: source.description ?? undefined,
		itemIndex: context.getItemIndex(),
	};
	const copy =
		error instanceof NodeApiError
			? new NodeApiError(context.getNode(), {} as JsonObject, {
					...options,
					httpCode: source.httpCode ?? undefined,
				})
			: new NodeOperationError(context.getNode(), source.message, options);
	brazeErrors.add(copy);
	if (stoppedByAnother.has(error)) stoppedByAnother.add(copy);
	return copy;
}
