import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from './invalidInput';

/**
 * The shape of the IDs a user types or picks, by the body key that carries them. Braze makes
 * most of them (API identifiers of apps, campaigns, Canvases, segments, subscription groups,
 * templates, message variations, schedules: 36-character UUIDs in practice). Braze documents
 * no length or alphabet for those, so the node takes a generous bound: at most 128 letters,
 * digits, `-` and `_`, three times a UUID. A Send ID has its documented rule: ASCII, at most 64
 * characters (https://www.braze.com/docs/api/parameters). An Activity ID is the user's own
 * name (https://www.braze.com/docs/api/endpoints/messaging/live_activity/start): any text on
 * one line, at most 255 characters.
 */
interface IdRule {
	max: number;
	pattern: RegExp;
	/** Why a value outside `pattern` is refused, finishing "<label> …". */
	problem: string;
	/** Where the length bound comes from, finishing "<label> is n characters long; …". */
	bound: string;
	/** What a good value looks like, as the fix's first sentence. */
	shape: string;
}

const API_ID: IdRule = {
	max: 128,
	pattern: /^[A-Za-z0-9_-]+$/,
	problem: 'is not a Braze API identifier',
	bound: "Braze's API identifiers are 36 characters, and the node takes at most 128",
	shape:
		"Braze's API identifiers are letters, digits, - and _, usually 36 characters such as 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d: copy it from Braze (Settings › APIs and Identifiers, or the item's own page).",
};

const SEND_ID: IdRule = {
	max: 64,
	pattern: /^[\x20-\x7e]+$/,
	problem: 'must contain only ASCII characters',
	bound: 'Braze accepts at most 64',
	shape:
		'A send ID is ASCII only (plain letters, digits and punctuation; no accents, emoji or line breaks), at most 64 characters.',
};

const OWN_NAME: IdRule = {
	max: 255,
	pattern: /^[^\p{Cc}]+$/u,
	problem: 'contains a line break or another control character',
	bound: 'the node takes at most 255',
	shape:
		'An Activity ID is your own name for the Live Activity: one line of text, at most 255 characters.',
};

/**
 * The rule of each body key. Other `_id` keys (Collapse ID, Notification Group Thread ID,
 * Notification Channel ID, WhatsApp Flow ID) are the app's own text, left to Braze.
 */
const RULES = new Map<string, IdRule>([
	['app_id', API_ID],
	['campaign_id', API_ID],
	['canvas_id', API_ID],
	['content_block_id', API_ID],
	['email_template_id', API_ID],
	['message_variation_id', API_ID],
	['schedule_id', API_ID],
	['segment_id', API_ID],
	['subscription_group_id', API_ID],
	['send_id', SEND_ID],
	['activity_id', OWN_NAME],
]);

/** The body keys with a rule. */
export const CHECKED_ID_KEYS: readonly string[] = [...RULES.keys()];

/** The value as an error shows it: quoted, line breaks escaped, a long one cut short. */
function quoted(id: string): string {
	const chars = [...id];
	return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : id);
}

/**
 * Refuses an ID whose body key (`campaign_id`, `messages.sms.app_id`: the last part counts) has
 * a rule, when it is too long or has characters the rule does not take. `label` is the field as
 * the form shows it. An empty ID passes: whether it is required is the caller's business.
 */
export function assertBrazeId(
	context: IExecuteSingleFunctions,
	bodyKey: string,
	id: string,
	label: string,
): void {
	const rule = RULES.get(bodyKey.slice(bodyKey.lastIndexOf('.') + 1));
	if (!rule || id === '') return;
	const length = [...id].length;
	const fix = (change: string) =>
		`${rule.shape} ${change} "${label}", or fix the expression that fills it.`;
	if (length > rule.max) {
		throw invalidInput(
			context,
			`${label} is ${length.toLocaleString('en-US')} characters long; ${rule.bound}`,
			fix('Shorten'),
		);
	}
	if (!rule.pattern.test(id)) {
		const typedExpression = id.includes('{{') || id.includes('}}');
		throw invalidInput(
			context,
			rule === SEND_ID ? `${label} ${rule.problem}` : `${label} ${quoted(id)} ${rule.problem}`,
			typedExpression
				? `"${label}" holds an expression typed as fixed text: switch the field to Expression, or enter the ID itself.`
				: fix('Correct'),
		);
	}
}
