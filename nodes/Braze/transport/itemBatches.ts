import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { jsonByteLength } from '../values/bytes';
import type { ResendGround } from './request/unclearAnswers';

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

/** One item's objects, by the body array they go in (`attributes`, `events`, …). */
export interface ItemShare {
	itemIndex: number;
	objects: Record<string, IDataObject[]>;
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
	body: Record<string, IDataObject[]>;
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
				members: [],
				number: requests.length + 1,
				of: 0,
				load: { weight: 0, bytes: 0 },
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

/**
 * Sends one planned request; resolves with Braze's answer (and whether the request was sent
 * again after an unclear answer) or rejects with the request's error.
 */
export type SendPlanned = (
	request: PlannedRequest,
) => Promise<{ answer: IDataObject; resent?: ResendGround }>;

interface Waiting {
	share: ItemShare;
	send: SendPlanned;
	resolve: (outcome: ItemOutcome) => void;
}

/** What one item gets back: the answer of the request that carried it, and its place in it. */
export type ItemOutcome =
	| {
			ok: true;
			answer: IDataObject;
			/** Set when the request was sent again after an unclear answer: so was every item of it. */
			resent?: ResendGround;
			request: PlannedRequest;
			member: PlannedRequest['members'][number];
	  }
	| { ok: false; error: unknown; request: PlannedRequest };

/** Collects the items of one node run and sends them in shared requests. */
export class ItemBatcher {
	private waiting: Waiting[] = [];

	constructor(private readonly limits: BatchLimits) {}

	/**
	 * Hands in one item's objects. `send` is that item's way of sending (its execution
	 * context); a group is sent with the first item's.
	 */
	async submit(share: ItemShare, send: SendPlanned): Promise<ItemOutcome> {
		const outcome = new Promise<ItemOutcome>((resolve) =>
			this.waiting.push({ share, send, resolve }),
		);
		if (this.waiting.length === 1) void this.flushSoon();
		return await outcome;
	}

	private async flushSoon(): Promise<void> {
		await sleep(0);
		const group = this.waiting.splice(0);
		const byItem = new Map(group.map((entry) => [entry.share.itemIndex, entry]));
		const send = group[0].send;
		// One request after the other: they share the rate limit, and a halt stops the rest.
		for (const request of planRequests(
			group.map((entry) => entry.share),
			this.limits,
		)) {
			let outcome: (member: PlannedRequest['members'][number]) => ItemOutcome;
			try {
				const { answer, resent } = await send(request);
				outcome = (member) => ({ ok: true, answer, resent, request, member });
			} catch (error) {
				outcome = () => ({ ok: false, error, request });
			}
			for (const member of request.members) byItem.get(member.itemIndex)?.resolve(outcome(member));
		}
	}
}

/** Where a per-object error points: its array and index, when Braze names them. */
function placeOf(error: unknown): { array: string; index: number } | undefined {
	if (error === null || typeof error !== 'object') return undefined;
	const { input_array: array, index } = error as IDataObject;
	return typeof array === 'string' && typeof index === 'number' ? { array, index } : undefined;
}

/**
 * Braze's non-fatal errors of a request, for one of its items: those that name this item's
 * objects (by array and index), and those that name no object, which may concern any item.
 */
export function errorsOf(
	answer: IDataObject,
	member: PlannedRequest['members'][number],
): { mine: IDataObject[]; unplaced: unknown[] } {
	const errors = Array.isArray(answer.errors) ? (answer.errors as unknown[]) : [];
	const mine: IDataObject[] = [];
	const unplaced: unknown[] = [];
	for (const error of errors) {
		const place = placeOf(error);
		if (place === undefined) unplaced.push(error);
		else if ((member.positions[place.array] ?? []).includes(place.index))
			mine.push(error as IDataObject);
	}
	return { mine, unplaced };
}
