import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { nodeRunState } from './nodeRunState';
import { brazeErrors } from '../request/answer';
import type { RequestFailure } from '../request/failurePolicy';

/** What became of one request (one chunk of one item) in an earlier try of this node run. */
export type RequestRecord =
	| { sent: 'yes'; json: IDataObject }
	/** `at`: when (ms) the request that may have been sent was made. */
	| { sent: 'maybe'; at?: number };

/**
 * Errors that report an earlier try's unclear outcome. They are known before anything is sent,
 * so they do not stop the items that were never sent: sending those is what a retry is for.
 */
export const reportedEarlier = new WeakSet<Error>();

/**
 * Errors of items not sent because another item's error stops the run (Stop on Error). n8n shows
 * only one error for the node, the first item's in order: these give way to the error that
 * stopped the run, so that the user sees that one, on its own item.
 */
export const stoppedByAnother = new WeakSet<Error>();

/** Why the node stops sending for the rest of this run. */
export interface Halt {
	/** The error's message, quoted in the errors of the items not sent. */
	reason: string;
	/** The index (from 0, as n8n's editor shows it) of the item whose failure halted the run. */
	item: number;
}

/** Not sent, because of another item: Braze refused the key, or the run stops at an error. */
export function haltFailure(
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

/** An item Braze confirmed, as a stopped run's error lists it for a re-run to skip. */
interface SentItem {
	item: number;
	/** Its requests' dispatch_ids (none for an item that shared its request). */
	dispatch_ids: unknown[];
}

/** An error whose description gets the run's summary of what was already sent. */
interface TrackedError {
	error: Error & { description?: string | null; context?: IDataObject };
	base: string;
}

/**
 * What one run of the node (all its items, across n8n's Retry On Fail tries) has sent so far.
 *
 * n8n's routing starts every item at once and, on Retry On Fail, runs the whole node again
 * with the same input. This ledger lets each item's executor see the others:
 * - a request confirmed by Braze in an earlier try is not sent again, and one that may have
 *   been sent is reported, not resent;
 * - after Braze rejects the key (401) or its permission (403), no further request is made;
 * - with Stop on Error, items not yet sent are not sent once an item has failed, and every
 *   error names the items already sent, with their dispatch_ids, so a re-run can skip them.
 */
export class RunLedger {
	private readonly starts = new Map<number, number>();
	private readonly confirmed = new Map<number, unknown[]>();
	private readonly halts = new Map<number, Halt>();
	private readonly tracked: TrackedError[] = [];
	private startedInTry = new Map<number, number>();
	private allStartedWaiters: Array<() => void> = [];
	/** Set once Braze refused the key or its permission: nothing more is sent in this run. */
	keyRejection: Halt | undefined;

	/**
	 * `saved`: the request records, kept in the node's context of the execution. n8n saves that
	 * context with the execution, and its Retry of a failed execution starts from it, so the
	 * retry sees what the failed execution sent.
	 */
	constructor(
		private readonly itemCount: number,
		private readonly saved: Record<string, RequestRecord> = {},
	) {}

	/** Call when an item's executor starts; returns which try of the node this is (1, 2, …). */
	begin(itemIndex: number): number {
		const attempt = (this.starts.get(itemIndex) ?? 0) + 1;
		this.starts.set(itemIndex, attempt);
		const started = (this.startedInTry.get(attempt) ?? 0) + 1;
		this.startedInTry.set(attempt, started);
		if (started >= this.itemCount) {
			for (const wake of this.allStartedWaiters.splice(0)) wake();
		}
		return attempt;
	}

	/** Resolves once every item of this try has started (n8n's loop over the items is done). */
	async allStarted(attempt: number): Promise<void> {
		if ((this.startedInTry.get(attempt) ?? 0) >= this.itemCount) return;
		await new Promise<void>((resolve) => this.allStartedWaiters.push(resolve));
	}

	/** The outcome of this item's request in an earlier try, if any. */
	earlier(itemIndex: number, request: number): RequestRecord | undefined {
		return this.saved[`${itemIndex}:${request}`];
	}

	record(itemIndex: number, request: number, outcome: RequestRecord): void {
		this.saved[`${itemIndex}:${request}`] = outcome;
	}

	/** An item all of whose requests Braze confirmed, with their dispatch_ids. */
	confirm(itemIndex: number, dispatchIds: unknown[]): void {
		this.confirmed.set(itemIndex, dispatchIds);
		this.refreshSummaries();
	}

	halt(attempt: number, halt: Halt): void {
		if (!this.halts.has(attempt)) this.halts.set(attempt, halt);
	}

	/** Why this try stopped sending, if it did (Stop on Error only). */
	haltOf(attempt: number): Halt | undefined {
		return this.halts.get(attempt);
	}

	/** An error about to stop the run: its description will list what was already sent. */
	track(error: TrackedError['error']): void {
		if (this.tracked.some((entry) => entry.error === error)) return;
		this.tracked.push({ error, base: String(error.description ?? '') });
		this.refreshSummaries();
	}

	/** The items already sent in this run, for a re-run to skip. */
	sentItems(): SentItem[] {
		return [...this.confirmed.entries()]
			.sort(([a], [b]) => a - b)
			.map(([itemIndex, dispatchIds]) => ({ item: itemIndex, dispatch_ids: dispatchIds }));
	}

	/**
	 * The items not confirmed, by what became of them (n8n's item indexes): Braze may have acted on
	 * one of their requests (maybe), confirmed some of their requests but not all (partly), or
	 * none was sent (refused before sending, stopped, or failed where Braze cannot have acted).
	 */
	private unconfirmedItems(): { maybe: number[]; partly: number[]; notSent: number[] } {
		const maybe = new Set<number>();
		const some = new Set<number>();
		for (const [key, record] of Object.entries(this.saved)) {
			const itemIndex = Number(key.split(':')[0]);
			if (this.confirmed.has(itemIndex)) continue;
			(record.sent === 'maybe' ? maybe : some).add(itemIndex);
		}
		const result = { maybe: [] as number[], partly: [] as number[], notSent: [] as number[] };
		for (let itemIndex = 0; itemIndex < this.itemCount; itemIndex++) {
			if (this.confirmed.has(itemIndex)) continue;
			const group = maybe.has(itemIndex) ? 'maybe' : some.has(itemIndex) ? 'partly' : 'notSent';
			result[group].push(itemIndex);
		}
		return result;
	}

	// The errors are read by n8n only after every item has settled, so updating them as later
	// items finish still reaches the user.
	// Only tracked errors read the summary: without one, an item's confirmation costs nothing more
	// (rebuilding it for every confirmation made a run quadratic in its items).
	private refreshSummaries(): void {
		if (this.itemCount < 2 || !this.tracked.length) return;
		const sent = this.sentItems();
		const { maybe, partly, notSent } = this.unconfirmedItems();
		const sentences = [
			sent.length
				? `Already sent in this run, so do not send them again: ${sentList(sent)}.`
				: maybe.length || partly.length
					? ''
					: 'No item of this run was sent.',
			maybe.length
				? `May or may not have reached Braze: ${itemList(maybe)}; check them in Braze before sending them again.`
				: '',
			partly.length ? `Partly sent: ${itemList(partly)}; their errors list what was not sent.` : '',
			notSent.length && (sent.length || maybe.length || partly.length)
				? `Not sent: ${itemList(notSent)}; to finish, run the node again for these items only.`
				: '',
		].filter(Boolean);
		const summary = ` ${sentences.join(' ')}`;
		for (const { error, base } of this.tracked) {
			error.description = `${base}${summary}`.trim();
			if (error.context) {
				error.context.sent_items = sent;
				error.context.maybe_sent_items = maybe;
				if (partly.length) error.context.partly_sent_items = partly;
				error.context.not_sent_items = notSent;
			}
		}
	}
}

/** Items sent: each with its dispatch_ids, or (User operations get none) their numbers alone. */
function sentList(sent: SentItem[]): string {
	if (!sent.some((entry) => entry.dispatch_ids.length))
		return itemList(sent.map((entry) => entry.item));
	return sent
		.map((entry) =>
			entry.dispatch_ids.length
				? `item ${entry.item} (dispatch_id ${entry.dispatch_ids.map(String).join(', ')})`
				: `item ${entry.item}`,
		)
		.join('; ');
}

/**
 * "item 3", "items 0–74", "items 0–3, 7, 9–10": ascending item indexes, runs joined. They count
 * from 0, as n8n's editor does in "[item 3]" after an error message.
 */
function itemList(numbers: number[]): string {
	const runs: string[] = [];
	for (let start = 0; start < numbers.length;) {
		let end = start;
		while (end + 1 < numbers.length && numbers[end + 1] === numbers[end] + 1) end += 1;
		runs.push(start === end ? String(numbers[start]) : `${numbers[start]}–${numbers[end]}`);
		start = end + 1;
	}
	return `${numbers.length === 1 ? 'item' : 'items'} ${runs.join(', ')}`;
}

/** One ledger per node run: its execute data is the same object for every item and every try. */
const ledgers = new WeakMap<object, RunLedger>();

export function runLedgerOf(context: IExecuteSingleFunctions): RunLedger {
	const scope = context.getExecuteData();
	let ledger = ledgers.get(scope);
	if (!ledger) {
		const items = context.getExecuteData().data.main?.[0] ?? [];
		// With the node's Execute Once setting, n8n runs the first item alone: waiting for the
		// others to start would wait for ever.
		ledger = new RunLedger(
			context.getNode().executeOnce ? 1 : Math.max(1, items.length),
			nodeRunState<Record<string, RequestRecord>>(context, 'brazeRequests', () => ({})),
		);
		ledgers.set(scope, ledger);
	}
	return ledger;
}
