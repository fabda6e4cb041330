import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../helpers/validation/invalidInput';
import { accepted } from '../../../helpers/validation/userData';
import type { Checked } from '../../../helpers/validation/userData';
import { describeValue } from '../../../helpers/values/describe';

/** Separators of typed addresses and numbers: neither an address nor an E.164 number holds one. */
const SEPARATORS = /[,;\n\r]+/;

/** What an address list field is called and holds, for its refusals. */
export interface ListWords {
	/** The field, as the form shows it: "Emails". */
	label: string;
	/** One entry: "address", "phone number". */
	entry: string;
	/** At most this many per item: Braze's per-request maximum. */
	max: number;
}

/**
 * An item's list of email addresses or phone numbers: one, several separated by commas,
 * semicolons or new lines, or a list from an expression. Each entry is checked (`check`: an
 * address, an E.164 number) and given as Braze wants it; blanks and repeats are dropped. An
 * item holds at most `max`, since its entries travel in one request (items share requests).
 */
export function readAddressList(
	context: IExecuteSingleFunctions,
	name: string,
	words: ListWords,
	check: (text: string) => Checked<string>,
): string[] {
	const raw: unknown = context.getNodeParameter(name, '');
	const entries = Array.isArray(raw)
		? (raw as unknown[])
		: typeof raw === 'string'
			? raw.split(SEPARATORS)
			: raw === undefined || raw === null
				? []
				: undefined;
	if (!entries) {
		throw invalidInput(
			context,
			`${words.label} must be text or a list, but it is ${describeValue(raw)}`,
			`Give each ${words.entry} as text, several separated by commas, or make the expression give a list of them, e.g. {{ $json.rows.map(row => row.value) }}.`,
		);
	}
	const list = new Set<string>();
	for (const [index, entry] of entries.entries()) {
		if (typeof entry !== 'string') {
			throw invalidInput(
				context,
				`${words.label}: entry ${index + 1} is ${describeValue(entry)}, not text`,
				`Each entry must be one ${words.entry} as text; map a list of objects to the ${words.entry} first, e.g. {{ $json.contacts.map(contact => contact.value) }}.`,
			);
		}
		if (entry.trim() === '') continue;
		list.add(accepted(context, `${words.label}: `, check(entry.trim())));
	}
	if (list.size === 0) {
		throw invalidInput(
			context,
			`${words.label} is empty`,
			`Give at least one ${words.entry}. If it comes from an expression, check that it gives one for this item.`,
		);
	}
	if (list.size > words.max) {
		throw invalidInput(
			context,
			`${words.label} holds ${list.size} entries`,
			`Braze takes at most ${words.max} per request, and an item's entries travel in one request: give at most ${words.max} per item (e.g. split the list with the Split Out node). Items of a run share requests, so many small items cost no more requests.`,
		);
	}
	return [...list];
}
