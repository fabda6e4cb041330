import type { GenericValue, IDataObject } from 'n8n-workflow';

import type { BrazeBody } from '../helpers/body/types';
import type { RecipientChunk } from './chunking';
import { resentWarning } from './request/unclearAnswers';
import type { ChangeWords, ResendGround } from './request/unclearAnswers';

// A successful item's output is shaped here and nowhere else: Braze's answer to the item's own
// request, its requests' ids when its users were split, or its share of a request it shared with
// other items; then the node's notes on how it was sent.

/** On an output item Braze confirmed in an earlier try of the node. */
export const ALREADY_SENT_WARNING =
	'Sent by an earlier try of this node (Retry On Fail, or the execution this Retry repeats) and confirmed by Braze: not sent again.';

/**
 * On every item when all the items of a run wrote to, or messaged, one and the same user. Often
 * a mistake (an ID typed as fixed text instead of an expression), sometimes intended (several
 * events for one user), so it warns and does not fail.
 */
export const SAME_USER_WARNING =
	'Every item of this run named the same user. If each item should reach its own user, set the identifier field to an expression, e.g. {{ $json.id }}.';

/** The output field that flags an item sent again after an unclear answer. */
export const RESENT_FIELD = 'resent_after_unclear_answer';

/** What the operation declares about its output (ExecutorSpec). */
export interface DeclaredOutput {
	/** Body keys copied to the front of the output. */
	echoBodyKeys?: string[];
	/** False where Braze answers without a dispatch_id: the output then names none. */
	outputsDispatchId?: boolean;
}

/** One request of an item's own requests, as the output (and a partly sent item's error) lists it. */
export type RequestSummary = RecipientChunk & {
	request: number;
	dispatch_id: IDataObject[string];
	schedule_id?: IDataObject[string];
	errors?: IDataObject[] | GenericValue[];
};

export function requestSummary(
	index: number,
	chunk: RecipientChunk | undefined,
	answer: IDataObject,
): RequestSummary {
	const result: RequestSummary = { request: index + 1, ...chunk, dispatch_id: answer.dispatch_id };
	if (answer.schedule_id !== undefined) result.schedule_id = answer.schedule_id;
	if (Array.isArray(answer.errors) && answer.errors.length) result.errors = answer.errors;
	return result;
}

/** The dispatch_id of each request, in order: null where Braze gave none. */
export function dispatchIdsOf(done: RequestSummary[]): GenericValue[] {
	return done.map((request) => request.dispatch_id ?? null);
}

/**
 * How the output is shaped besides what the operation declares. With Simplify (node version 2,
 * simplify.ts) the node's bookkeeping of how the item went out is left out: an item that shared
 * a request loses `request` (its number, how many there were, how many items it carried, Braze's
 * counts for the whole request); an item whose users were split loses `requests` (each
 * request's users, repeated from the input). What a user acts on stays: dispatch_id and
 * dispatch_ids, schedule_id(s), message, whom the item named, processed, errors and
 * request_errors, and the notes added after (warning, resent_after_unclear_answer).
 */
export interface OutputShape {
	simplify: boolean;
	/** Whether the item's one request was shared with other items of the run. */
	shared: boolean;
}

/**
 * A successful item's output before its notes: Braze's answer when the item made one request (or
 * its share of a shared one); for several, what one request would give (dispatch_id, and
 * schedule_id for a schedule, and message), then every request's ids. The body keys the
 * operation echoes come first.
 */
export function answerOutput(
	body: BrazeBody,
	done: RequestSummary[],
	answers: IDataObject[],
	declared: DeclaredOutput,
	shape: OutputShape = { simplify: false, shared: false },
): IDataObject {
	const echoed: IDataObject = {};
	for (const key of declared.echoBodyKeys ?? []) echoed[key] = body[key];
	const idsGiven = declared.outputsDispatchId !== false;
	if (answers.length !== 1) {
		return { ...echoed, ...combinedResult(done, idsGiven, shape.simplify) };
	}
	const answer = idsGiven ? answers[0] : withoutMissingId(answers[0]);
	return {
		...echoed,
		...(shape.shared && shape.simplify ? withoutShareBookkeeping(answer) : answer),
	};
}

/** A shared request's output (shareOutput) without the request's bookkeeping. */
function withoutShareBookkeeping(json: IDataObject): IDataObject {
	const kept = { ...json };
	delete kept.request;
	return kept;
}

/**
 * Several requests' answers as one output; without the ids Braze did not give, if so declared,
 * and simplified without the list of requests.
 */
function combinedResult(done: RequestSummary[], idsGiven: boolean, simplify: boolean): IDataObject {
	const errors = done.flatMap((request) => request.errors ?? []);
	const dispatchIds = dispatchIdsOf(done);
	const scheduled = done.some((request) => request.schedule_id !== undefined);
	return {
		...(idsGiven || dispatchIds[0] !== null ? { dispatch_id: dispatchIds[0] } : {}),
		...(scheduled ? { schedule_id: done[0]?.schedule_id ?? null } : {}),
		message: 'success',
		...(errors.length ? { errors } : {}),
		...(idsGiven || dispatchIds.some((id) => id !== null) ? { dispatch_ids: dispatchIds } : {}),
		...(scheduled ? { schedule_ids: done.map((request) => request.schedule_id ?? null) } : {}),
		...(simplify ? {} : { requests: idsGiven ? done : done.map(withoutMissingId) }),
	};
}

/** The answer or request without its dispatch_id, where Braze gave none. */
function withoutMissingId<T extends { dispatch_id?: unknown }>(object: T): Omit<T, 'dispatch_id'> {
	const { dispatch_id: id, ...rest } = object;
	return id === undefined || id === null ? rest : object;
}

/** An item's part of a request it shared with other items of the run. */
export interface Share {
	/** Braze's answer to the shared request. */
	answer: IDataObject;
	/** Whom the item was about (BatchSpec.describe). */
	about: IDataObject;
	/** Braze's non-fatal errors naming this item's objects, and those naming no object. */
	errors: { mine: IDataObject[]; unplaced: unknown[] };
	/**
	 * The request's number among the run's shared requests, how many items it carried, and for a
	 * message, how many recipients.
	 */
	request: { number: number; of: number; items: number; recipients?: number };
}

/**
 * The output of an item whose message went out in a request shared with other items: Braze's
 * answer as for a request of its own (its dispatch_id is the request's, shared by every
 * recipient in it), and the request it went in.
 */
export function sendShareOutput({ answer, request }: Share): IDataObject {
	return { ...answer, message: answer.message ?? 'success', request };
}

/** The output of an item that shared its request: whom it was about, whether Braze processed it. */
export function shareOutput({ answer, about, errors, request }: Share): IDataObject {
	const counts: IDataObject = {};
	for (const [key, value] of Object.entries(answer)) {
		if (key.endsWith('_processed') || key === 'deleted') counts[key] = value;
	}
	return {
		message: answer.message ?? 'success',
		...about,
		processed: errors.mine.length === 0,
		...(errors.mine.length ? { errors: errors.mine } : {}),
		...(errors.unplaced.length ? { request_errors: errors.unplaced } : {}),
		request: { ...request, ...counts },
	};
}

/** What an item's output says besides Braze's answer: the node's own notes on how it was sent. */
export interface OutputNotes {
	/** Braze confirmed (part of) it in an earlier try of the node: replayed, not sent again. */
	replayed?: boolean;
	/** It was sent again after an unclear answer, and on what ground. */
	resent?: ResendGround;
	/** Every item of the run named the same one user (sameUser.ts). */
	sameUser?: boolean;
}

/**
 * The one place the node's notes join a successful item's output, whether the item had requests
 * of its own or shared them: one `warning` of one or more sentences, and the flag of an item sent
 * again after an unclear answer. A read asked again needs neither: it changed nothing.
 */
export function withNotes(json: IDataObject, notes: OutputNotes, words: ChangeWords): IDataObject {
	if (notes.replayed) addWarning(json, ALREADY_SENT_WARNING);
	if (notes.resent && notes.resent !== 'read') {
		json[RESENT_FIELD] = true;
		addWarning(json, resentWarning(words, notes.resent));
	}
	if (notes.sameUser) addWarning(json, SAME_USER_WARNING);
	return json;
}

/** Adds a warning sentence to an output item, after any it already has. */
function addWarning(json: IDataObject, sentence: string): void {
	json.warning = typeof json.warning === 'string' ? `${json.warning} ${sentence}` : sentence;
}
