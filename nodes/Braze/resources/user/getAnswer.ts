import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { UserAlias } from '../../helpers/body/types';
import { isPlainObject } from '../../helpers/values/object';
import type { Share } from '../../transport/itemOutput';
import { userIdentifier } from './fields/identity';
import { ifNotFound } from './getOptions';

/**
 * User › Get's answer, item by item. /users/export/ids answers `users` (the profiles found) and
 * `invalid_user_ids` (the identifiers that matched nobody)
 * (https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier). An item that
 * shared its request with others gets only the users its own external ID or alias matches.
 */

/** The item's user as one identifier object ({ external_id }, { user_alias }, …), checked. */
export const lookupOf = (context: IExecuteSingleFunctions): IDataObject =>
	userIdentifier(context, 'Look Up By');

const usersOf = (answer: IDataObject): IDataObject[] =>
	Array.isArray(answer.users) ? answer.users.filter(isPlainObject) : [];

const sameAlias = (a: unknown, b: UserAlias) =>
	isPlainObject(a) && a.alias_name === b.alias_name && a.alias_label === b.alias_label;

/** Whether a user of the answer is one this item asked for, by its external ID or an alias. */
function asked(user: IDataObject, ids: unknown[], aliases: UserAlias[]): boolean {
	if (typeof user.external_id === 'string' && ids.includes(user.external_id)) return true;
	const own = Array.isArray(user.user_aliases) ? user.user_aliases : [];
	return aliases.some((alias) => own.some((candidate) => sameAlias(candidate, alias)));
}

/** An item's part of a shared request's answer: the users its own identifiers match. */
export function matchingShare({ answer, about }: Share): IDataObject {
	const ids = Array.isArray(about.external_ids) ? about.external_ids : [];
	const aliases = (Array.isArray(about.user_aliases) ? about.user_aliases : []) as UserAlias[];
	return {
		message: answer.message ?? 'success',
		users: usersOf(answer).filter((user) => asked(user, ids, aliases)),
	};
}

/** The identifier an item asked for, under the key its profile would show it. */
function askedRecord(lookup: IDataObject): IDataObject {
	const { user_alias: alias, ...rest } = lookup;
	return alias === undefined ? rest : { user_aliases: [alias] };
}

/** The identifier in words: `external ID "crm-7"`, `alias "lead-1" (label "crm_lead_id")`. */
function describeLookup(lookup: IDataObject): string {
	const alias = lookup.user_alias as UserAlias | undefined;
	if (alias) return `alias "${alias.alias_name}" (label "${alias.alias_label}")`;
	const [[kind, value]] = Object.entries(lookup);
	const words: Record<string, string> = {
		external_id: 'external ID',
		braze_id: 'Braze ID',
		email: 'email address',
		phone: 'phone number',
	};
	return `${words[kind] ?? kind} "${String(value)}"`;
}

/**
 * The item's output items: one per user found (`found: true`; an email or phone on several
 * profiles gives each), or for a user Braze does not know, the item fails, or outputs
 * `found: false` with what it asked for (Options › If Not Found).
 */
export function foundUsers(context: IExecuteSingleFunctions, json: IDataObject): IDataObject[] {
	const users = usersOf(json);
	if (users.length) return users.map((user) => ({ found: true, ...user }));
	const lookup = lookupOf(context);
	if (ifNotFound(context) === 'returnNotFound') return [{ found: false, ...askedRecord(lookup) }];
	throw new NodeOperationError(
		context.getNode(),
		`No Braze user has the ${describeLookup(lookup)}`,
		{
			description:
				'Braze knows no profile with it (external IDs and aliases are case sensitive). Check the value, or set Options › If Not Found to Return Found: False to get an item with found: false instead.',
			itemIndex: context.getItemIndex(),
		},
	);
}
