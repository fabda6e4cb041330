import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import type { BrazeBody } from '../helpers/body/types';
import type { RecipientChunk } from './chunking';
import { brazeErrors } from './request/answer';
import type { RequestFailure, SendOutcome } from './request/failurePolicy';
import { waits } from './request/rateLimit';
import { sendWithRetries } from './request/retry';
import type { RetryRun } from './request/retry';
import { withPayload } from './request/sendOnce';
import { readsOnly, resendGround } from './request/unclearAnswers';
import type { ResendGround } from './request/unclearAnswers';
import { reportedEarlier } from './ledger/runLedger';
import type { RunLedger } from './ledger/runLedger';
import { SEND_ONCE_WINDOW_MS } from './ledger/sendOnceKeys';

/** One item on its way to Braze, after its body steps. */
export interface ItemRun {
	/** What every request of the item is sent with: its context, settings, gate and halts. */
	retry: RetryRun;
	body: BrazeBody;
	ledger: RunLedger;
	/** Which try of the node this is (n8n's Retry On Fail runs it again). */
	attempt: number;
}

/**
 * The requests one item makes, in order: its own (one, or one per chunk of its named users), or
 * its share of a request it makes with other items of the run (sharedRequests.ts).
 */
export interface ItemRequests {
	/** The users each request names, one entry per request (undefined: the body's, or nobody). */
	chunks: Array<RecipientChunk | undefined>;
	/** Whether the item's one request is shared with other items of the run. */
	shared: boolean;
	/** The Dry Run output: the requests as they would be sent. */
	dryRun: () => IDataObject | Promise<IDataObject>;
	/** Sends request `index`; `repeats` when an earlier try left it unclear and it may go again. */
	send: (index: number, repeats: ResendGround | undefined) => Promise<SendOutcome>;
}

/** What one request of an item gave: Braze's answer (replayed from an earlier try, or fresh), or the failure. */
export type RequestResult =
	{ json: IDataObject; replayed?: boolean; resent?: ResendGround } | { failure: RequestFailure };

/**
 * The one way an item's request goes out, whether its own or shared: check, send, record,
 * report. What an earlier try of the node settled is not sent again: a request Braze confirmed
 * is replayed from the run's ledger; one it may have acted on is reported, unless sending it
 * again is safe (its key, or a change that comes out the same). The outcome is recorded for a
 * later try.
 */
export async function sendItemRequest(
	item: ItemRun,
	requests: ItemRequests,
	index: number,
): Promise<RequestResult> {
	const { retry, ledger } = item;
	const itemIndex = retry.context.getItemIndex();
	// A read (a GET, or a POST that changes nothing, declared `askAgain`: /users/export/ids)
	// changes nothing in Braze: it is asked again on a retry, and its answer is not saved with the
	// execution.
	const reads = retry.requestData.options.method === 'GET' || readsOnly(retry.unclear);
	const earlier = reads ? undefined : ledger.earlier(itemIndex, index);
	if (earlier?.sent === 'yes') return { json: earlier.json, replayed: true };
	const repeats = earlier?.sent === 'maybe' ? resendsEarlier(item, earlier.at) : undefined;
	if (earlier?.sent === 'maybe' && !repeats) {
		return { failure: earlierTryFailure(retry, requests, index) };
	}
	const outcome = await requests.send(index, repeats);
	if (reads) return outcome;
	if ('json' in outcome) {
		ledger.record(itemIndex, index, { sent: 'yes', json: outcome.json });
		return { json: outcome.json, resent: outcome.resent ?? repeats };
	}
	// Sent again after an earlier try's unclear answer, it stays unclear whatever this try's failure.
	if (outcome.failure.sent === 'maybe' || repeats) {
		ledger.record(itemIndex, index, { sent: 'maybe', at: earlier?.at ?? waits.now() });
	}
	return outcome;
}

/**
 * Sends one request with this payload (an item's own, or one the run's items share) through the
 * retries, unless the run has stopped sending. `repeats`: why it may go again after an earlier
 * try's unclear answer; it then counts as sent again from its first try.
 */
export async function sendUnlessHalted(
	retry: RetryRun,
	payload: IDataObject,
	repeats?: ResendGround,
): Promise<SendOutcome> {
	const halt = retry.halted?.();
	if (halt) return { failure: halt };
	const { requestData } = retry;
	return await sendWithRetries({
		...retry,
		requestData: { ...requestData, options: withPayload(requestData.options, payload) },
		repeatsUnclear: repeats,
	});
}

/**
 * Whether a request an earlier try may have sent can go again, and why: it carries an
 * idempotency key and its first try is recent enough for Braze to still know the key, or it is a
 * change that comes out the same when applied twice and Options › Retry Server Errors is on.
 */
function resendsEarlier(item: ItemRun, firstTriedAt: number | undefined): ResendGround | undefined {
	const { retry, body } = item;
	const ground = resendGround(
		retry.unclear,
		body,
		retry.settings.retryServerErrors,
		retry.sendOnceKey,
	);
	if (ground !== 'sendOnceKey') return ground;
	if (firstTriedAt === undefined) return undefined;
	return waits.now() - firstTriedAt < SEND_ONCE_WINDOW_MS ? ground : undefined;
}

/** A request that an earlier try of this node may have sent: reported, not sent again. */
function earlierTryFailure(retry: RetryRun, requests: ItemRequests, index: number): RequestFailure {
	const { context, unclear } = retry;
	const of = requests.chunks.length;
	const [which, request] = requests.shared
		? ['This item may or may not have reached Braze in', 'the request that carried this item']
		: [
				`${of > 1 ? `Request ${index + 1} of ${of} of this item` : 'This item'} may or may not have been sent by`,
				'it',
			];
	const error = new NodeApiError(
		context.getNode(),
		{},
		{
			message: `${which} an earlier try of this node: it is not sent again`,
			description: `n8n ran the node again (Retry On Fail, or a Retry of the execution). The earlier try got no clear answer from Braze for ${request}, so ${unclear.outcome}. ${unclear.next}`,
			itemIndex: context.getItemIndex(),
		},
	);
	brazeErrors.add(error);
	reportedEarlier.add(error);
	return { error, sent: 'maybe', reason: 'an earlier try may have sent it', kind: 'halted' };
}
