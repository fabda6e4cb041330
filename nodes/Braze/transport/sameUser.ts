import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { RunLedger } from './runLedger';

/**
 * On every item when all the items of a run wrote to, or messaged, one and the same user. Often
 * a mistake (an ID typed as fixed text instead of an expression), sometimes intended (several
 * events for one user), so it warns and does not fail.
 */
export const SAME_USER_WARNING =
	'Every item of this run named the same user. If each item should reach its own user, set the identifier field to an expression, e.g. {{ $json.id }}.';

/** Whom the items of one try of one node run named: the user's text, or null for anything else. */
class NamedUsers {
	private readonly byItem = new Map<number, string | null>();

	constructor(private readonly itemCount: number) {}

	note(itemIndex: number, user: string | undefined): void {
		this.byItem.set(itemIndex, user ?? null);
	}

	/** Whether two or more items named a user and every item that got that far named the same one. */
	allSame(): boolean {
		if (this.itemCount < 2) return false;
		const users = new Set(this.byItem.values());
		const noted = this.byItem.size;
		return noted >= 2 && users.size === 1 && !users.has(null);
	}
}

/** One record per node run (its execute data is the same object for every item) and try. */
const runs = new WeakMap<object, Map<number, NamedUsers>>();

/** The record of this item's run and try. */
export function namedUsersOf(context: IExecuteSingleFunctions, attempt: number): NamedUsers {
	const scope = context.getExecuteData();
	const byAttempt = runs.get(scope) ?? new Map<number, NamedUsers>();
	runs.set(scope, byAttempt);
	let users = byAttempt.get(attempt);
	if (!users) {
		users = new NamedUsers(scope.data.main?.[0]?.length ?? 1);
		byAttempt.set(attempt, users);
	}
	return users;
}

/** Adds a warning sentence to an output item, after any it already has. */
export function addWarning(json: IDataObject, sentence: string): void {
	json.warning = typeof json.warning === 'string' ? `${json.warning} ${sentence}` : sentence;
}

/** Whether every item of this try named the same one user (asked once every item has started). */
export async function oneUserNamed(
	context: IExecuteSingleFunctions,
	ledger: RunLedger,
	attempt: number,
): Promise<boolean> {
	await ledger.allStarted(attempt);
	return namedUsersOf(context, attempt).allSame();
}
