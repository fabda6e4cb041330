import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { keyValueField, keyValuePairsToObject } from '../../helpers/form/keyValueField';
import { MAX_ALIAS_BYTES, parseExternalUserIds } from '../../shared/recipients';
import { showFor, withoutRouting } from '../../helpers/form/displayOptions';
import type { RecipientObject } from '../../helpers/body/types';
import { booleanField, userIdField } from '../../helpers/validation/fieldValues';
import { accepted, emailAddress } from '../../helpers/validation/userData';
import { byteLength } from '../../helpers/values/bytes';
import { isPlainObject } from '../../helpers/values/object';
import { invalidInput } from '../../helpers/validation/invalidInput';
import type { TriggerKind } from './triggerSpec';

// Recipients of /campaigns/trigger/send and /canvas/trigger/send (and their schedules): a list of
// recipient objects, each naming one user by exactly one identifier, with its own properties
// (https://www.braze.com/docs/api/objects_filters/recipient_object).

export const PRIORITIZATIONS = [
	'identified',
	'unidentified',
	'most_recently_updated',
	'least_recently_updated',
];

const identifierOptions: INodePropertyOptions[] = [
	{ name: 'Braze ID', value: 'brazeId', description: "The user's Braze-assigned ID (braze_id)" },
	{
		name: 'Email',
		value: 'email',
		description: 'An email address; Prioritization picks the user when several share it',
	},
	{
		name: 'External User ID',
		value: 'externalUserId',
		description: "Your system's ID for the user (external_user_id)",
	},
	{
		name: 'User Alias',
		value: 'userAlias',
		description: 'An alias name under an alias label (user_alias)',
	},
];

const prioritizationOptions: INodePropertyOptions[] = [
	{
		name: 'Identified',
		value: 'identified',
		description: 'Prefer a user who has an external ID',
	},
	{
		name: 'Least Recently Updated',
		value: 'least_recently_updated',
		description: 'Prefer the user whose profile was updated longest ago',
	},
	{
		name: 'Most Recently Updated',
		value: 'most_recently_updated',
		description: 'Prefer the user whose profile was updated last',
	},
	{
		name: 'Unidentified',
		value: 'unidentified',
		description: 'Prefer a user without an external ID',
	},
];

const showIdentifiedBy = (kind: string) => ({ show: { identifyBy: [kind] } });

/** One entry of Recipients: the identifier fields (one shown at a time), then the options. */
function recipientValues(kind: TriggerKind): INodeProperties[] {
	return [
		{
			displayName: 'Identify By',
			name: 'identifyBy',
			type: 'options',
			options: kind.allowBrazeId
				? identifierOptions
				: identifierOptions.filter((option) => option.value !== 'brazeId'),
			default: 'externalUserId',
			description: 'How this recipient is identified: Braze accepts exactly one identifier',
		},
		{
			displayName: 'External User ID',
			name: 'externalUserId',
			type: 'string',
			default: '',
			description: 'The external ID of the user, as known to Braze',
			displayOptions: showIdentifiedBy('externalUserId'),
		},
		{
			displayName: 'Alias Name',
			name: 'aliasName',
			type: 'string',
			default: '',
			description: 'The alias itself, for example a CRM contact ID (at most 236 bytes)',
			displayOptions: showIdentifiedBy('userAlias'),
		},
		{
			displayName: 'Alias Label',
			name: 'aliasLabel',
			type: 'string',
			default: '',
			description: 'The kind of alias, for example crm_id (at most 236 bytes)',
			displayOptions: showIdentifiedBy('userAlias'),
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'The email address of the user',
			displayOptions: showIdentifiedBy('email'),
		},
		{
			displayName: 'Prioritization',
			name: 'prioritization',
			type: 'multiOptions',
			options: prioritizationOptions,
			default: [],
			description:
				'Required with an email: which user to pick when several profiles share the address, in order of preference (for example Identified, then Most Recently Updated)',
			displayOptions: showIdentifiedBy('email'),
		},
		{
			displayName: 'Braze ID',
			name: 'brazeId',
			type: 'string',
			default: '',
			description: "The user's Braze-assigned identifier",
			displayOptions: showIdentifiedBy('brazeId'),
		},
		{
			displayName: 'Send to Existing Users Only',
			name: 'sendToExistingOnly',
			type: 'boolean',
			default: true,
			description:
				'Whether to message the user only if they already exist in Braze. Off, Braze creates the user first, and Attributes are required. Not available for user aliases.',
			displayOptions: { hide: { identifyBy: ['userAlias'] } },
		},
		withoutRouting(
			keyValueField({
				displayName: 'Attributes',
				name: 'attributes',
				parameterPath: 'attributes',
				bodyPath: 'attributes',
				keyLabel: 'Attribute',
				description:
					"User profile attributes to set or create before sending (Braze's attributes object), for example first_name. Required when Send to Existing Users Only is off.",
			}),
		),
		withoutRouting(
			keyValueField({
				displayName: `Recipient ${kind.propertiesLabel}`,
				name: 'properties',
				parameterPath: 'properties',
				bodyPath: kind.propertiesKey,
				description: `${kind.propertiesDescription} for this recipient only; they override the ${kind.propertiesLabel} of the same key set for everyone (sent as ${kind.propertiesKey})`,
			}),
		),
	];
}

/**
 * The recipient list and Broadcast of a trigger resource, shown for `operations` (Trigger and
 * Schedule take the same recipients). External User IDs is shared.
 */
export function triggerRecipientProperties(
	kind: TriggerKind,
	operations: string[],
): INodeProperties[] {
	const show = showFor(kind.resource, operations);
	return [
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Recipient',
			default: {},
			description: `Users to trigger the ${kind.noun} for, each identified by one of External User ID, User Alias, Email${kind.allowBrazeId ? ' or Braze ID' : ''}, with their own properties. Combined with External User IDs; more than 50 users are sent in requests of 50.`,
			displayOptions: show,
			options: [{ displayName: 'Recipient', name: 'recipient', values: recipientValues(kind) }],
		},
		{
			displayName: 'Broadcast',
			name: 'broadcast',
			type: 'boolean',
			default: false,
			description: `Whether to trigger the ${kind.noun} for its whole target audience (its segment in Braze, narrowed by Audience if set). Required when no recipient is given; not allowed together with recipients. Careful: a broadcast can reach a very large audience.`,
			displayOptions: show,
			routing: { send: { type: 'body', property: 'broadcast' } },
		},
	];
}

type Entry = IDataObject & { attributes?: IDataObject; properties?: IDataObject };

/** The key-value pairs of a recipient's Attributes or Properties; a stray entry reads as empty. */
function pairsOf(value: IDataObject | undefined): IDataObject[] {
	const pairs = value?.pair;
	return Array.isArray(pairs) ? pairs.map((pair) => (isPlainObject(pair) ? pair : {})) : [];
}

/** One recipient entry: its identifier, whether Braze may create the user, its properties. */
function buildRecipient(
	context: IExecuteSingleFunctions,
	kind: TriggerKind,
	entry: Entry,
	label: string,
): RecipientObject {
	const recipient = identifiedRecipient(context, kind, entry, label);
	addNewUserRule(context, entry, label, recipient);
	const properties = keyValuePairsToObject(
		context,
		pairsOf(entry.properties),
		`${label} ${kind.propertiesLabel}`,
	);
	if (Object.keys(properties).length) recipient[kind.propertiesKey] = properties;
	return recipient;
}

/** The recipient named by the one identifier its Identify By chooses. */
function identifiedRecipient(
	context: IExecuteSingleFunctions,
	kind: TriggerKind,
	entry: Entry,
	label: string,
): RecipientObject {
	const identifyBy = entry.identifyBy ?? 'externalUserId';
	// Identifiers from expressions: objects, lists, 1.5 or "undefined" are refused, not sent as text.
	const text = (field: string, value: unknown) => userIdField(context, value, `${label}: ${field}`);
	const required = (field: string, value: string) => {
		if (!value) {
			throw invalidInput(
				context,
				`${label} has no ${field}`,
				`Fill in ${field}, or change Identify By, or remove the recipient.`,
			);
		}
		return value;
	};
	switch (identifyBy) {
		case 'externalUserId':
			return {
				external_user_id: required(
					'External User ID',
					text('External User ID', entry.externalUserId),
				),
			};
		case 'userAlias': {
			// Both parts are read before either is checked, so a bad value is named first.
			const name = text('Alias Name', entry.aliasName);
			const aliasLabel = text('Alias Label', entry.aliasLabel);
			const aliasName = aliasPart(context, label, 'Alias Name', required('Alias Name', name));
			return {
				user_alias: {
					alias_name: aliasName,
					alias_label: aliasPart(
						context,
						label,
						'Alias Label',
						required('Alias Label', aliasLabel),
					),
				},
			};
		}
		case 'email':
			return {
				email: accepted(
					context,
					`${label}: Email: `,
					emailAddress(required('Email', text('Email', entry.email))),
				),
				prioritization: prioritizationOf(context, label, entry.prioritization, text),
			};
	}
	if (identifyBy === 'brazeId' && kind.allowBrazeId) {
		return { braze_id: required('Braze ID', text('Braze ID', entry.brazeId)) };
	}
	throw invalidInput(
		context,
		`${label}: Identify By cannot be "${String(identifyBy)}"`,
		`Choose ${kind.allowBrazeId ? 'External User ID, User Alias, Email or Braze ID' : 'External User ID, User Alias or Email'}.`,
	);
}

/** An alias name or label, within Braze's byte limit. */
function aliasPart(
	context: IExecuteSingleFunctions,
	label: string,
	field: string,
	value: string,
): string {
	if (byteLength(value) > MAX_ALIAS_BYTES) {
		throw invalidInput(
			context,
			`${label}: ${field} is longer than ${MAX_ALIAS_BYTES} bytes`,
			`Braze accepts alias names and labels of at most ${MAX_ALIAS_BYTES} bytes; shorten it.`,
		);
	}
	return value;
}

/** Which profile Braze picks when several share an email address: required, known values. */
function prioritizationOf(
	context: IExecuteSingleFunctions,
	label: string,
	raw: unknown,
	text: (field: string, value: unknown) => string,
): string[] {
	const prioritization = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((value: unknown) =>
		text('Prioritization', value),
	);
	if (!prioritization.length) {
		throw invalidInput(
			context,
			`${label}: Prioritization is required with an email`,
			'Braze needs to know which user to pick when several profiles share the address: choose one or more Prioritization values, for example Identified then Most Recently Updated.',
		);
	}
	const unknown = prioritization.find((value) => !PRIORITIZATIONS.includes(value));
	if (unknown !== undefined) {
		throw invalidInput(
			context,
			`${label}: Prioritization cannot be "${unknown}"`,
			`Choose from: ${PRIORITIZATIONS.join(', ')}.`,
		);
	}
	return prioritization;
}

/**
 * Send to Existing Users Only (on by default) and the attributes: with it off, Braze creates
 * the user from the attributes, which it cannot do for an alias.
 */
function addNewUserRule(
	context: IExecuteSingleFunctions,
	entry: Entry,
	label: string,
	recipient: RecipientObject,
): void {
	const given = entry.sendToExistingOnly;
	const existingOnly = booleanField(
		context,
		given === null || given === '' ? undefined : given,
		`${label}: Send to Existing Users Only`,
		true,
	);
	const attributes = keyValuePairsToObject(
		context,
		pairsOf(entry.attributes),
		`${label} Attributes`,
		'Attribute',
	);
	const hasAttributes = Object.keys(attributes).length > 0;
	if (!existingOnly) {
		if (recipient.user_alias) {
			throw invalidInput(
				context,
				`${label}: Send to Existing Users Only cannot be off for a user alias`,
				'Braze does not accept send_to_existing_only with a user alias. Turn it back on, or identify the user by External User ID, Email or Braze ID to create them.',
			);
		}
		if (!hasAttributes) {
			throw invalidInput(
				context,
				`${label}: Attributes are required when Send to Existing Users Only is off`,
				'Braze creates the user before sending, from the attributes given: add at least one attribute (for example first_name), or turn Send to Existing Users Only back on.',
			);
		}
		recipient.send_to_existing_only = false;
	}
	if (hasAttributes) recipient.attributes = attributes;
}

/**
 * The recipient objects of one item: the Recipients list, then External User IDs (an ID the
 * list already names is not repeated). Written to body.recipients; the executor sends them
 * in requests of at most 50 (chunking.ts).
 */
export function addTriggerRecipients(
	context: IExecuteSingleFunctions,
	kind: TriggerKind,
	body: IDataObject,
): void {
	const entries = context.getNodeParameter('recipients.recipient', []) as Entry[];
	const recipients = entries.map((entry, index) =>
		buildRecipient(context, kind, entry, `Recipient ${index + 1}`),
	);
	const listed = new Set(recipients.map((recipient) => recipient.external_user_id));
	for (const id of parseExternalUserIds(context, context.getNodeParameter('externalUserIds', ''))) {
		if (!listed.has(id)) recipients.push({ external_user_id: id });
	}
	if (recipients.length) body.recipients = recipients;
}

/**
 * Broadcast and recipients exclude each other, and one of them is needed
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_triggered_campaigns).
 */
export function assertValidTriggerTargeting(
	context: IExecuteSingleFunctions,
	kind: TriggerKind,
	body: IDataObject,
): void {
	const named = Array.isArray(body.recipients) ? body.recipients.length : 0;
	if (named === 0 && body.broadcast !== true) {
		throw invalidInput(
			context,
			'Broadcast must be on when no recipients are given',
			`No user is named, so this would trigger the ${kind.noun} for its whole target audience${body.audience !== undefined ? ' matching the Audience' : ''}. Turn Broadcast on to confirm that, or add Recipients or External User IDs.`,
		);
	}
	if (named > 0 && body.broadcast === true) {
		throw invalidInput(
			context,
			'Broadcast is on, but recipients are named too',
			`Braze refuses a broadcast that also names recipients. Turn Broadcast off to trigger the ${kind.noun} for the named users only, or clear Recipients and External User IDs to reach its whole audience.`,
		);
	}
}
