import type { IDataObject } from 'n8n-workflow';

import { ALREADY_SENT_WARNING } from './runLedger';
import { addWarning, SAME_USER_WARNING } from './sameUser';
import { resentWarning } from './request/unclearAnswers';
import type { ChangeWords, ResendGround } from './request/unclearAnswers';

/** What an item's output says besides Braze's answer: the node's own notes on how it was sent. */
export interface OutputNotes {
	/** Braze confirmed (part of) it in an earlier try of the node: replayed, not sent again. */
	replayed?: boolean;
	/** It was sent again after an unclear answer, and on what ground. */
	resent?: ResendGround;
	/** Every item of the run named the same one user (sameUser.ts). */
	sameUser?: boolean;
}

/** The output field that flags an item sent again after an unclear answer. */
export const RESENT_FIELD = 'resent_after_unclear_answer';

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
