import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { RunLedger } from './ledger/runLedger';

// When every item of a run writes to, or messages, one and the same user, the outputs warn
// (itemOutput.ts SAME_USER_WARNING): often an ID typed as fixed text instead of an expression.

/** Whom the items of one try of one node run named: the user's text, or null for anything else. */
class NamedUsers {
	private readonly byItem = new Map<number, string | null>();
	/** The answer for the items noted so far: every item asks once all have started. */
	private answer: { noted: number; same: boolean } | undefined;

	constructor(private readonly itemCount: number) {}

	note(itemIndex: number, user: string | undefined): void {
		this.byItem.set(itemIndex, user ?? null);
	}

	/** Whether two or more items named a user and every item that got that far named the same one. */
	allSame(): boolean {
		if (this.itemCount < 2) return false;
		const noted = this.byItem.size;
		if (this.answer?.noted !== noted) {
			const users = new Set(this.byItem.values());
			this.answer = { noted, same: noted >= 2 && users.size === 1 && !users.has(null) };
		}
		return this.answer.same;
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

/** Whether every item of this try named the same one user (asked once every item has started). */
export async function oneUserNamed(
	context: IExecuteSingleFunctions,
	ledger: RunLedger,
	attempt: number,
): Promise<boolean> {
	await ledger.allStarted(attempt);
	return namedUsersOf(context, attempt).allSame();
}
