import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, JsonObject } from 'n8n-workflow';

import type { BrazeBody } from '../helpers/body/types';

import { isPlainObject } from '../helpers/values/object';
import { jsonByteLength } from '../helpers/values/bytes';
import { assertRequestSizes, MAX_BODY_BYTES } from './bodySize';
import { dryRunResult } from './dryRun';
import { sendUnlessHalted } from './itemRequest';
import type { ItemRequests, ItemRun } from './itemRequest';
import { shareOutput } from './itemOutput';
import type { Share } from './itemOutput';
import { brazeErrors } from './request/answer';
import type { SendOutcome } from './request/failurePolicy';
import { stoppedByAnother } from './ledger/runLedger';

/**
 * Batching across items, for endpoints that take many users' objects in one request
 * (`/users/track` takes up to 75). n8n's routing makes one request per item; here each item's
 * executor hands in its objects, and the items that arrive together share requests.
 *
 * Routing starts every item's executor in one synchronous loop, and nothing before our executor
 * waits for I/O, so every item of the run has handed in its objects by the next turn of the
 * event loop. Items that arrive later (Request Options › Batching pauses the loop) form the next
 * group. An item's objects always travel in one request, so one answer covers the whole item.
 */

/** How an operation's items share requests (ExecutorSpec.batch). */
export interface BatchSpec {
	/** The body arrays an item's objects go in, e.g. ['attributes']. */
	arrays: readonly string[];
	/** How much one request may hold, read from the first item of the run. */
	limits: (context: IExecuteSingleFunctions) => BatchLimits;
	/** The output fields that say whom an item was about, from its objects. */
	describe: (objects: Record<string, IDataObject[]>) => IDataObject;
	/**
	 * For bodies that hold more than the arrays (a message, a campaign): whether this item may
	 * share, and with whom. Items share a request only when the rest of their bodies is the same
	 * (`key`); `body` is the item's body as it is shared (the same request as the item's own).
	 * Undefined: the item sends its own requests. Without `share`, every item shares, and a
	 * shared request holds the arrays alone (/users/track).
	 */
	share?: (context: IExecuteSingleFunctions, body: BrazeBody) => SharedBody | undefined;
	/** The item's output from its share of the answer; `shareOutput` (a user's object) unless set. */
	output?: (share: Share) => IDataObject;
	/** Dry Run's note on how items with `share` share requests, unless a message's words fit. */
	sharingNote?: (limits: BatchLimits) => string;
	/**
	 * For endpoints that refuse a whole request over some of its objects and name them (a catalog's
	 * bulk item endpoints name the item IDs in their 400,
	 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk):
	 * this item's own error when Braze's refusal concerns its objects, else undefined. Braze acted
	 * on none of the request, so the items it does not concern go again, in a request without the
	 * others; a refusal that concerns no item by name stays every item's error.
	 */
	refusal?: (
		context: IExecuteSingleFunctions,
		refusal: Error,
		objects: Record<string, IDataObject[]>,
	) => Error | undefined;
}

/** An item's body as it shares a request: what else the request holds, and how it is told apart. */
export interface SharedBody {
	/** The same for items that may share a request: the body without the arrays, as JSON. */
	key: string;
	body: BrazeBody;
}

/** One item's objects, by the body array they go in (`attributes`, `events`, …). */
export interface ItemShare {
	itemIndex: number;
	objects: Record<string, IDataObject[]>;
	/** The rest of the body, the same for every item of a group (`key`); none for /users/track. */
	rest?: IDataObject;
	key?: string;
}

/** How much one request may hold: objects in total and per array, and bytes of JSON. */
export interface BatchLimits {
	total?: number;
	perArray?: number;
	maxBytes?: number;
	/** How much one object counts towards `total` (1 unless given: a subscription entry counts its users). */
	weight?: (object: IDataObject) => number;
}

/** One request: its body, where each item's objects sit in each array, and its place in the group. */
export interface PlannedRequest {
	/** The arrays of the request's body, filled with its items' objects. */
	body: Record<string, IDataObject[]>;
	/** The rest of the body, the same for all its items (none for /users/track). */
	rest?: IDataObject;
	members: Array<{ itemIndex: number; positions: Record<string, number[]> }>;
	/** 1-based number of this request among the requests of its group, and how many there are. */
	number: number;
	of: number;
	/** Running totals while planning. */
	load: { weight: number; bytes: number };
}

function loadOf(share: ItemShare, limits: BatchLimits): { weight: number; bytes: number } {
	const weigh = limits.weight ?? (() => 1);
	let weight = 0;
	for (const list of Object.values(share.objects))
		for (const object of list) weight += weigh(object);
	const bytes = limits.maxBytes === undefined ? 0 : jsonByteLength(share.objects);
	return { weight, bytes };
}

function fits(
	request: PlannedRequest,
	share: ItemShare,
	load: PlannedRequest['load'],
	limits: BatchLimits,
): boolean {
	if (limits.total !== undefined && request.load.weight + load.weight > limits.total) return false;
	if (limits.maxBytes !== undefined && request.load.bytes + load.bytes > limits.maxBytes)
		return false;
	if (limits.perArray === undefined) return true;
	return Object.entries(share.objects).every(
		([array, list]) => (request.body[array]?.length ?? 0) + list.length <= (limits.perArray ?? 0),
	);
}

/** Fills requests in item order, each up to the limits; an item is never split. */
export function planRequests(shares: ItemShare[], limits: BatchLimits): PlannedRequest[] {
	const requests: PlannedRequest[] = [];
	let current: PlannedRequest | undefined;
	for (const share of [...shares].sort((a, b) => a.itemIndex - b.itemIndex)) {
		const load = loadOf(share, limits);
		// An item too big for a request alone still goes alone: Braze's answer says why.
		if (
			current === undefined ||
			(current.members.length > 0 && !fits(current, share, load, limits))
		) {
			current = {
				body: {},
				...(share.rest ? { rest: share.rest } : {}),
				members: [],
				number: requests.length + 1,
				of: 0,
				// The rest of the body (a message) goes in every request of the group once.
				load: {
					weight: 0,
					bytes: share.rest && limits.maxBytes !== undefined ? jsonByteLength(share.rest) : 0,
				},
			};
			requests.push(current);
		}
		current.load.weight += load.weight;
		current.load.bytes += load.bytes;
		const positions: Record<string, number[]> = {};
		for (const [array, list] of Object.entries(share.objects)) {
			const target = (current.body[array] ??= []);
			positions[array] = list.map((object) => target.push(object) - 1);
		}
		current.members.push({ itemIndex: share.itemIndex, positions });
	}
	for (const request of requests) request.of = requests.length;
	return requests;
}

/** The body a planned request goes out with: the rest of the body, then the arrays. */
export const plannedBody = (request: PlannedRequest): IDataObject => ({
	...request.rest,
	...request.body,
});

/** Sends one planned request: Braze's answer (and whether it was sent again), or the failure. */
export type SendPlanned = (request: PlannedRequest) => Promise<SendOutcome>;

/** One item's place in a planned request. */
type Member = PlannedRequest['members'][number];

/** What one item gets back: the outcome of the request that carried it, and its place in it. */
export interface ShareOutcome {
	outcome: SendOutcome;
	request: PlannedRequest;
	member: Member;
}

interface Waiting {
	share: ItemShare;
	send: SendPlanned;
	resolve: (outcome: ShareOutcome) => void;
	reject: (error: unknown) => void;
	/** The item's own error in a refusal that names its objects (BatchSpec.refusal). */
	blame?: (refusal: Error) => Error | undefined;
}

/** Collects the items of one node run and sends them in shared requests. */
export class ItemBatcher {
	private waiting: Waiting[] = [];

	constructor(private readonly limits: BatchLimits) {}

	/**
	 * Hands in one item's objects. `send` is that item's way of sending (its execution
	 * context); a group is sent with the first item's.
	 */
	async submit(
		share: ItemShare,
		send: SendPlanned,
		blame?: Waiting['blame'],
	): Promise<ShareOutcome> {
		const outcome = new Promise<ShareOutcome>((resolve, reject) =>
			this.waiting.push({ share, send, resolve, reject, blame }),
		);
		if (this.waiting.length === 1) void this.flushSoon();
		return await outcome;
	}

	private async flushSoon(): Promise<void> {
		await sleep(0);
		const arrived = this.waiting.splice(0);
		// Items share a request only with items whose body is otherwise the same, in item order.
		const groups = new Map<string, Waiting[]>();
		for (const entry of [...arrived].sort((a, b) => a.share.itemIndex - b.share.itemIndex)) {
			const key = entry.share.key ?? '';
			groups.set(key, [...(groups.get(key) ?? []), entry]);
		}
		// One request after the other: they share the rate limit, and a halt stops the rest.
		for (const group of groups.values()) await this.sendGroup(group);
	}

	private async sendGroup(group: Waiting[]): Promise<void> {
		const byItem = new Map(group.map((entry) => [entry.share.itemIndex, entry]));
		const send = group[0].send;
		for (const request of planRequests(
			group.map((entry) => entry.share),
			this.limits,
		)) {
			await this.sendPlanned(request, byItem, send);
		}
	}

	/**
	 * Sends one planned request and gives each of its items the outcome. A refusal that names
	 * some of its items (BatchSpec.refusal) is theirs alone: the others were not acted on either,
	 * so they go again, as the same request without the named ones.
	 */
	private async sendPlanned(
		request: PlannedRequest,
		byItem: Map<number, Waiting>,
		send: SendPlanned,
	): Promise<void> {
		const sent = await send(request).then(
			(outcome) => ({ outcome }),
			(error: unknown) => ({ error }),
		);
		const failure =
			'outcome' in sent && 'failure' in sent.outcome ? sent.outcome.failure : undefined;
		const own = new Map<number, Error>();
		if (failure?.kind === 'refused') {
			for (const member of request.members) {
				const error = byItem.get(member.itemIndex)?.blame?.(failure.error);
				if (error) own.set(member.itemIndex, error);
			}
		}
		for (const member of request.members) {
			const waiting = byItem.get(member.itemIndex);
			const error = own.get(member.itemIndex);
			if (failure && error)
				waiting?.resolve({ outcome: { failure: { ...failure, error } }, request, member });
			else if (own.size) continue;
			else if ('error' in sent) waiting?.reject(sent.error);
			else waiting?.resolve({ outcome: sent.outcome, request, member });
		}
		const rest = request.members.filter((member) => !own.has(member.itemIndex));
		if (!own.size || !rest.length) return;
		const shares = rest.flatMap((member) => byItem.get(member.itemIndex)?.share ?? []);
		// They fitted in the request before, so they fit in one now.
		const [again] = planRequests(shares, {});
		await this.sendPlanned({ ...again, number: request.number, of: request.of }, byItem, send);
	}
}

/** Where a per-object error points: its array and index, when Braze names them. */
function placeOf(error: unknown): { array: string; index: number; error: IDataObject } | undefined {
	if (!isPlainObject(error)) return undefined;
	const { input_array: array, index } = error;
	return typeof array === 'string' && typeof index === 'number'
		? { array, index, error }
		: undefined;
}

/**
 * Braze's non-fatal errors of a request, for one of its items: those that name this item's
 * objects (by array and index), and those that name no object, which may concern any item.
 */
function errorsOf(
	answer: IDataObject,
	member: Member,
): { mine: IDataObject[]; unplaced: unknown[] } {
	const errors: unknown[] = Array.isArray(answer.errors) ? answer.errors : [];
	const mine: IDataObject[] = [];
	const unplaced: unknown[] = [];
	for (const error of errors) {
		const place = placeOf(error);
		if (place === undefined) unplaced.push(error);
		else if ((member.positions[place.array] ?? []).includes(place.index)) mine.push(place.error);
	}
	return { mine, unplaced };
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
	const scope = context.getExecuteData();
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
 * The one request of an item whose operation shares requests: its objects, built and checked like
 * any body, go to the run's batcher, and what the item gets back is its share of the answer.
 */
export function sharedRequest(item: ItemRun, batch: BatchSpec, shared?: SharedBody): ItemRequests {
	const { context, requestData } = item.retry;
	const body = shared?.body ?? item.body;
	const objects: Record<string, IDataObject[]> = {};
	const rest: IDataObject = { ...body };
	for (const array of batch.arrays) {
		delete rest[array];
		if (Array.isArray(body[array])) objects[array] = body[array] as IDataObject[];
	}
	const limits = batch.limits(context);
	// An item too big for a request on its own is refused before it joins the others.
	if (shared) assertRequestSizes(context, body, [undefined]);
	const itemShare: ItemShare = {
		itemIndex: context.getItemIndex(),
		objects,
		...(shared ? { rest, key: shared.key } : {}),
	};
	const batcher = () => batcherOf(context, item.attempt, limits);
	const output = batch.output ?? shareOutput;
	return {
		chunks: [undefined],
		shared: true,
		dryRun: shared
			? // Planned with the run's other items, as they would be sent, without sending.
				async () => {
					const { outcome, request } = await batcher().submit(itemShare, async (planned) => ({
						json: plannedRequest(planned),
					}));
					return {
						...dryRunResult(requestData.options, [plannedBody(request)]),
						...('json' in outcome ? outcome.json : {}),
						note:
							batch.sharingNote?.(limits) ??
							`Items whose message is the same share requests of up to ${String(limits.total)} recipients.`,
					};
				}
			: () => ({
					...dryRunResult(requestData.options, [objects]),
					note: `Items are grouped into requests of up to ${String(limits.total ?? limits.perArray)} objects when sent.`,
				}),
		// The shared request carries other items' objects too: it goes out as a new request, so an
		// earlier try's unclear answer (`repeats`) is this item's note, not the request's.
		send: async () => {
			const blame =
				batch.refusal && ((refusal: Error) => batch.refusal?.(context, refusal, objects));
			const sent = await batcher()
				.submit(
					itemShare,
					async (planned) => await sendUnlessHalted(item.retry, plannedBody(planned)),
					blame,
				)
				.catch((thrown: Error) => {
					throw errorForItem(context, thrown);
				});
			const { outcome, request, member } = sent;
			if ('failure' in outcome) {
				return {
					failure: { ...outcome.failure, error: errorForItem(context, outcome.failure.error) },
				};
			}
			const share: Share = {
				answer: outcome.json,
				about: batch.describe(objects),
				errors: errorsOf(outcome.json, member),
				request: {
					number: request.number,
					of: request.of,
					items: request.members.length,
					...(shared ? { recipients: request.load.weight } : {}),
				},
			};
			return { json: output(share), resent: outcome.resent };
		},
	};
}

/** Where a planned request stands among the run's, and which items (n8n's indexes) it carries. */
function plannedRequest(planned: PlannedRequest): IDataObject {
	return {
		request: {
			number: planned.number,
			of: planned.of,
			items: planned.members.map((member) => member.itemIndex),
		},
	};
}

/**
 * The request's error, as this item's own: same message and description, this item's index.
 * The first item's error is its own already.
 */
function errorForItem(context: IExecuteSingleFunctions, error: Error): Error {
	const source: Error & {
		description?: string | null;
		httpCode?: string | null;
		context?: IDataObject;
	} = error;
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
