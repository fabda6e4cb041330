import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	HIDE_WITHOUT_SEGMENT,
	HIDE_WITHOUT_USERS,
	ONLY_VERSION_1,
	showForAliasesAndSegment,
	showForRecipients,
	showForSend,
} from '../helpers/form/displayOptions';
import type { BrazeBody, UserAlias } from '../helpers/body/types';
import { userIdField } from '../helpers/validation/fieldValues';
import { byteLength } from '../helpers/values/bytes';
import { invalidInput } from '../helpers/validation/invalidInput';
import { describeValue } from '../helpers/values/describe';
import { readUserId } from '../helpers/values/text';
import { brazeIdLocator } from '../helpers/form/locator';
import { entriesParameter } from '../helpers/form/parameters';

export const MAX_ALIAS_BYTES = 236;

/**
 * Defined once for every operation that names recipients (Trigger, Send, Schedule): n8n's
 * routing evaluates every definition of a field for every item.
 */
export const externalUserIdsProperty: INodeProperties = {
	displayName: 'External User IDs',
	name: 'externalUserIds',
	type: 'string',
	default: '',
	placeholder: 'user-1, user-2',
	description:
		'The external IDs of the users to message, separated by commas, semicolons or new lines, or a list given by an expression (for example the userIds field of the incoming item). Blanks and repeats are dropped. The users must already exist in Braze.',
	displayOptions: { ...showForRecipients(), hide: HIDE_WITHOUT_USERS },
	// Not routed: routing would read it once more in each of its two passes over the fields, and
	// an expression here runs for every item. Its step reads it once: splitExternalUserIds on
	// Send and Schedule, addTriggerRecipients on the triggers.
};

/** Users named by an alias: Message › Send and Schedule, Live Activity › Start. */
export const userAliasesProperty: INodeProperties = {
	displayName: 'User Aliases',
	name: 'userAliases',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add User Alias',
	default: {},
	description: 'Users identified by an alias (a name under a label) instead of an external ID',
	displayOptions: { ...showForAliasesAndSegment(), hide: HIDE_WITHOUT_USERS },
	options: [
		{
			displayName: 'Alias',
			name: 'alias',
			values: [
				{
					displayName: 'Alias Name',
					name: 'aliasName',
					type: 'string',
					default: '',
					description: 'The alias itself, for example a CRM contact ID (at most 236 bytes)',
				},
				{
					displayName: 'Alias Label',
					name: 'aliasLabel',
					type: 'string',
					default: '',
					description: 'The kind of alias, for example crm_id or email_id (at most 236 bytes)',
				},
			],
		},
	],
};

/** A segment: Message › Send and Schedule, Live Activity › Start. */
export const segmentIdProperty: INodeProperties = {
	displayName: 'Segment ID',
	name: 'segmentId',
	...brazeIdLocator('searchSegments', 'seg-0a1b2c3d'),
	description:
		"A Braze segment's API identifier (Audience › Segments). On Send and Schedule: alone, it messages the whole segment (a broadcast); with named users, only those of them who are in the segment are messaged. On Live Activity › Start: the activity starts for the segment's users, and no user may be named.",
	displayOptions: { ...showForAliasesAndSegment(), hide: HIDE_WITHOUT_SEGMENT },
	routing: { send: { type: 'body', property: 'segment_id' } },
};

/** Message › Send and Schedule: the recipients besides External User IDs. */
export const messageRecipientProperties: INodeProperties[] = [
	userAliasesProperty,
	segmentIdProperty,
	{
		displayName: 'Broadcast',
		name: 'broadcast',
		type: 'boolean',
		default: false,
		description:
			'Whether to message every user of the segment or audience. Required when no user is named (a segment or audience send); not allowed together with External User IDs or User Aliases. Careful: a broadcast can reach a very large audience.',
		// Version 2 sets broadcast from Send To (shared/sendTo.ts).
		displayOptions: { show: { ...showForSend().show, ...ONLY_VERSION_1 } },
		routing: { send: { type: 'body', property: 'broadcast' } },
	},
];

/**
 * Separators of typed IDs: commas, semicolons (what a spreadsheet in many locales copies) and
 * new lines. An ID that contains one of them can still be given in a list from an expression,
 * whose entries are never split.
 */
const ID_SEPARATORS = /[,;\n\r]+/;

/**
 * Accepts a list or text separated by commas, semicolons or new lines; trims, drops blanks and
 * repeats (a Set, so 200,000 IDs take milliseconds, not the seconds a list search takes).
 */
export function parseExternalUserIds(context: IExecuteSingleFunctions, value: unknown): string[] {
	const entries = Array.isArray(value)
		? value
		: value === undefined || value === null
			? []
			: typeof value === 'string'
				? value.split(ID_SEPARATORS)
				: typeof value === 'number'
					? [value]
					: undefined;
	if (!entries) {
		throw invalidInput(
			context,
			`External User IDs must be text or a list of IDs, but it is ${describeValue(value)}`,
			'Give the IDs as text separated by commas, semicolons or new lines, or as a list of strings from an expression.',
		);
	}
	const ids = new Set<string>();
	for (const [index, entry] of entries.entries()) {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			throw invalidInput(
				context,
				'External User IDs contains an entry that is not an ID',
				`Entry ${index + 1} is ${describeValue(entry)}. Each entry must be text or a number; map a list of objects to their ID first, e.g. {{ $json.users.map(u => u.id) }}.`,
			);
		}
		const reading = readUserId(entry);
		if ('problem' in reading) {
			throw invalidInput(
				context,
				`External User IDs: entry ${index + 1} ${reading.problem}`,
				reading.fix ??
					'Give each ID as text, or as a whole number; check the expression or the list that fills External User IDs.',
			);
		}
		if (reading.text) ids.add(reading.text);
	}
	return [...ids];
}

/** Reads External User IDs (text or a list) once and writes Braze's list of ID strings. */
export function splitExternalUserIds(context: IExecuteSingleFunctions, body: IDataObject): void {
	const ids = parseExternalUserIds(context, context.getNodeParameter('externalUserIds', ''));
	if (ids.length) body.external_user_ids = ids;
	else delete body.external_user_ids;
}

/** The User Aliases rows as user_aliases, checked (a body step: read once per item, not twice by routing). */
export function addUserAliases(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const entries = entriesParameter(context, 'userAliases.alias');
	const aliases: UserAlias[] = [];
	const seen = new Set<string>();
	for (const [index, entry] of entries.entries()) {
		const aliasName = userIdField(context, entry.aliasName, `User alias ${index + 1}: Alias Name`);
		const aliasLabel = userIdField(
			context,
			entry.aliasLabel,
			`User alias ${index + 1}: Alias Label`,
		);
		if (!aliasName && !aliasLabel) continue;
		for (const [label, value] of [
			['Alias Name', aliasName],
			['Alias Label', aliasLabel],
		]) {
			if (!value) {
				throw invalidInput(
					context,
					`User alias ${index + 1} has no ${label}`,
					'Every user alias needs both an Alias Name and an Alias Label.',
				);
			}
			if (byteLength(value) > MAX_ALIAS_BYTES) {
				throw invalidInput(
					context,
					`User alias ${index + 1}: ${label} is longer than ${MAX_ALIAS_BYTES} bytes`,
					`Braze accepts alias names and labels of at most ${MAX_ALIAS_BYTES} bytes; shorten it.`,
				);
			}
		}
		const key = JSON.stringify([aliasLabel, aliasName]);
		if (seen.has(key)) continue;
		seen.add(key);
		aliases.push({ alias_name: aliasName, alias_label: aliasLabel });
	}
	if (aliases.length) body.user_aliases = aliases;
}

/**
 * Who the message goes to, checked on the finished body: named users, a segment or an
 * audience, and Broadcast only without named users (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages).
 */
export function assertValidRecipients(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const named = (body.external_user_ids?.length ?? 0) + (body.user_aliases?.length ?? 0);
	const hasAudience = body.audience !== undefined;
	const hasSegment = typeof body.segment_id === 'string' && body.segment_id !== '';
	if (named === 0 && !hasSegment && !hasAudience) {
		throw invalidInput(
			context,
			'No recipients: nobody would receive this message',
			'Fill in External User IDs or User Aliases to message those users, or a Segment ID with Broadcast on to message a whole segment, or an Audience with Broadcast on to message everyone matching its filters.',
		);
	}
	if (body.broadcast === true && named > 0) {
		throw invalidInput(
			context,
			'Broadcast is on, but users are named too',
			`Braze refuses a broadcast that also names users. Turn Broadcast off to message only the named users (within the segment, if one is set), or clear External User IDs and User Aliases to message ${hasAudience ? (hasSegment ? 'the whole segment and audience' : 'the whole audience') : 'the whole segment'}.`,
		);
	}
	if (named === 0 && body.broadcast !== true) {
		if (hasAudience) {
			throw invalidInput(
				context,
				hasSegment
					? 'Broadcast must be on to message a segment and audience'
					: 'Broadcast must be on to message an audience',
				`No user is named, so this send would reach every user who matches the Audience filters${hasSegment ? ' within the segment' : ''}. Turn Broadcast on to confirm that, or name the users in External User IDs or User Aliases.`,
			);
		}
		throw invalidInput(
			context,
			'Broadcast must be on to message a whole segment',
			'No user is named, so this send would reach every member of the segment. Turn Broadcast on to confirm that, or name the users in External User IDs or User Aliases.',
		);
	}
}
