import type { BrazeBody } from '../../helpers/body/types';

/**
 * What a retry may do with a request whose answer never came clear: a 5xx, a timeout or a
 * connection lost after sending. Braze may have acted on it, so sending it again is only safe
 * where applying it twice comes out the same, or where Braze itself acts once per key.
 * Every operation declares its rule and its words (`onUnclearAnswer` on its spec).
 */

/**
 * report: never sent again, whatever the options; the item fails and says what may have happened.
 * resend: applying it twice comes out the same, so Options › Retry Server Errors sends it again
 *   (here and on n8n's own retries of the node or the execution).
 * askAgain: a read, which changes nothing in Braze: asked again whatever the options.
 */
export type UnclearAnswerRule = 'report' | 'resend' | 'askAgain';

/** Why a request that may have been acted on was sent again. */
export type ResendGround = 'idempotent' | 'sendOnceKey' | 'read';

/** How an operation's errors word an unclear outcome, in terms of what the operation does. */
export interface ChangeWords {
	/** The change, as the subject of a sentence: "the profile update". */
	change: string;
	/** What may have happened: "the profile update may or may not have been applied". */
	outcome: string;
	/** What to do about it before running again. */
	next: string;
	/** For an operation that splits named users into requests: what each request did to them. */
	recipients?: string;
}

export interface UnclearAnswer extends ChangeWords {
	/** The rule, or, where it depends on the body (an increment is not a set), a function of it. */
	retry: UnclearAnswerRule | ((body: BrazeBody) => UnclearAnswerRule);
}

export const report = (words: ChangeWords): UnclearAnswer => ({ ...words, retry: 'report' });
export const resend = (words: ChangeWords): UnclearAnswer => ({ ...words, retry: 'resend' });
export const askAgain = (words: ChangeWords): UnclearAnswer => ({ ...words, retry: 'askAgain' });
/**
 * Whether the operation only reads (its rule is `askAgain`): a GET, or a POST that changes
 * nothing, such as /users/export/ids. A read is asked again on a retry and is not recorded in
 * the run's ledger as sent (itemRequest.ts).
 */
export const readsOnly = (unclear: UnclearAnswer): boolean => unclear.retry === 'askAgain';
/** Resent only when `idempotent(body)`: a request that would count twice is reported. */
export const resendIf = (
	idempotent: (body: BrazeBody) => boolean,
	words: ChangeWords,
): UnclearAnswer => ({ ...words, retry: (body) => (idempotent(body) ? 'resend' : 'report') });

/** The advice of a change that comes out the same when applied twice. */
const SAFE_AGAIN =
	'Running the item again is safe (Options › Retry Server Errors does so by itself): applied twice, it comes out the same.';
/** The advice after a message that may have been sent: the activity log shows whether it was. */
export const CHECK_ACTIVITY_LOG =
	"Check Braze's message activity log before running again, so that nobody is messaged twice.";

/** Each operation's words, by what it does. */
export const CHANGES = {
	message: {
		change: 'the message',
		outcome: 'the message may or may not have been sent',
		next: CHECK_ACTIVITY_LOG,
		recipients: 'sent the message',
	},
	canvasEntry: {
		change: 'the Canvas entry',
		outcome: 'the recipients may or may not have entered the Canvas',
		next: "Check the Canvas's analytics in Braze before running again, so that nobody enters it twice.",
		recipients: 'entered into the Canvas',
	},
	email: {
		change: 'the email',
		outcome: 'the email may or may not have been sent',
		next: "Check Braze's message activity log before running again, so that nobody gets the email twice. With Duplicate Protection on Automatic or Custom Key, a retry is safe.",
	},
	liveActivityStart: {
		change: 'the Live Activity',
		outcome: 'the Live Activity may or may not have been started',
		next: "Check Braze's message activity log before running again, so that no device gets it twice.",
		recipients: 'sent the Live Activity',
	},
	liveActivityUpdate: {
		change: 'the Live Activity update',
		outcome: 'the Live Activity update may or may not have been sent',
		next: "Check Braze's message activity log before running again, so that no device gets the update twice.",
	},
	schedule: {
		change: 'the schedule',
		outcome: 'the schedule may or may not have been created',
		next: 'Check the scheduled messages in Braze before running again, so that nothing is scheduled twice.',
		recipients: 'scheduled',
	},
	scheduleUpdate: {
		change: 'the schedule update',
		outcome: 'the schedule update may or may not have been applied',
		next: SAFE_AGAIN,
	},
	scheduleDeletion: {
		change: 'the schedule deletion',
		outcome: 'the schedule may or may not have been deleted',
		next: 'Running the item again is safe (Options › Retry Server Errors does so by itself); if the first try went through, Braze may answer that there is no such schedule.',
	},
	profileUpdate: {
		change: 'the profile update',
		outcome: 'the profile update may or may not have been applied',
		next: "Check the user's profile in Braze before running again: setting the same values twice is harmless, but an Increment By or a nested $add or $update would be applied twice.",
	},
	event: {
		change: 'the event',
		outcome: 'the event may or may not have been recorded',
		next: "Check the user's custom events in Braze before running again, so that the event is not recorded twice.",
	},
	purchase: {
		change: 'the purchase',
		outcome: 'the purchase may or may not have been recorded',
		next: "Check the user's purchases in Braze before running again, so that the purchase is not recorded twice.",
	},
	identification: {
		change: 'the identification',
		outcome: 'the alias-only profile may or may not have been identified',
		next: SAFE_AGAIN,
	},
	alias: {
		change: 'the new alias',
		outcome: 'the alias may or may not have been added',
		next: SAFE_AGAIN,
	},
	deletion: {
		change: 'the deletion',
		outcome: 'the user may or may not have been deleted',
		next: SAFE_AGAIN,
	},
	subscription: {
		change: 'the subscription change',
		outcome: 'the subscription status may or may not have been set',
		next: SAFE_AGAIN,
	},
	sendId: {
		change: 'the send ID',
		outcome: 'the send ID may or may not have been created',
		next: 'Running the item again is safe when it names its Send ID (Options › Retry Server Errors does so by itself); without one, Braze would make a second send ID.',
	},
	emailTemplate: {
		change: 'the new email template',
		outcome: 'the email template may or may not have been created',
		next: 'Check Templates › Email Templates in Braze before running again, so that the template is not created twice.',
	},
	emailTemplateUpdate: {
		change: 'the email template update',
		outcome: 'the email template update may or may not have been applied',
		next: SAFE_AGAIN,
	},
	contentBlock: {
		change: 'the new Content Block',
		outcome: 'the Content Block may or may not have been created',
		next: 'Check Templates › Content Blocks in Braze before running again: if it was created, Braze refuses a second one with the same name.',
	},
	contentBlockUpdate: {
		change: 'the Content Block update',
		outcome: 'the Content Block update may or may not have been applied',
		next: SAFE_AGAIN,
	},
	emailStatus: {
		change: 'the email subscription change',
		outcome: 'the email subscription state may or may not have been set',
		next: SAFE_AGAIN,
	},
	listRemoval: {
		change: 'the removal from the list',
		outcome: 'the addresses may or may not have been removed from the list',
		next: SAFE_AGAIN,
	},
	blocklist: {
		change: 'the blocklisting',
		outcome: 'the addresses may or may not have been blocklisted',
		next: SAFE_AGAIN,
	},
	invalidNumberRemoval: {
		change: 'the removal from the invalid list',
		outcome: 'the phone numbers may or may not have been removed from the invalid list',
		next: SAFE_AGAIN,
	},
	read: {
		change: 'the list',
		outcome: 'nothing was read',
		next: 'This request changes nothing in Braze: run it again.',
	},
} satisfies Record<string, ChangeWords>;

/**
 * Whether a request with this body may be sent again after an unclear answer, and why; undefined
 * when it is reported instead. `retryServerErrors` is the user's Options › Retry Server Errors;
 * `sendOnceKey` the body's idempotency key, under which Braze acts once whatever the option.
 */
export function resendGround(
	unclear: UnclearAnswer,
	body: BrazeBody,
	retryServerErrors: boolean,
	sendOnceKey?: (body: BrazeBody) => string | undefined,
): ResendGround | undefined {
	const rule = typeof unclear.retry === 'function' ? unclear.retry(body) : unclear.retry;
	if (rule === 'askAgain') return 'read';
	if (sendOnceKey?.(body)) return 'sendOnceKey';
	return rule === 'resend' && retryServerErrors ? 'idempotent' : undefined;
}

/** The output's note on an item that was sent again after an unclear answer. */
export function resentWarning(words: ChangeWords, ground: ResendGround): string {
	const change = words.change.charAt(0).toUpperCase() + words.change.slice(1);
	const sentAgain = `${change} was sent again after an unclear answer from Braze (a server error, a timeout or a lost connection)`;
	return ground === 'sendOnceKey'
		? `${sentAgain}, under the same external_send_id: Braze acts on it once.`
		: `${sentAgain}, as Options › Retry Server Errors allows: applied twice, it comes out the same.`;
}
