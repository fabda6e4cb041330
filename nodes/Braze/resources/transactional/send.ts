import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { showFor } from '../../helpers/form/displayOptions';
import { keyValueField } from '../../helpers/form/keyValueField';
import { brazeIdLocator } from '../../helpers/form/locator';
import { optionsPropertyFor } from '../../shared/options';
import { assertTriggerPropertiesSize } from '../../shared/propertiesSize';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { automaticSendKey } from '../../transport/ledger/sendOnceKeys';
import { assertBrazeId } from '../../helpers/validation/brazeId';
import { idField, textField } from '../../helpers/validation/fieldValues';
import { isPlainObject } from '../../helpers/values/object';
import { invalidInput } from '../../helpers/validation/invalidInput';
import {
	addCustomAttributes,
	customAttributeProperties,
	nestedAttributesOption,
} from '../user/fields/customAttributes';
import { identityProperties, userIdentifier } from '../user/fields/identity';
import { profileAttributes, profileFieldsProperty } from '../user/fields/profile';

const show = showFor('transactional', ['send']);
/** The recipient's fields: the User resource's, shown here too (see their displayOptions). */
const recipientFields = identityProperties.filter((property) =>
	['externalId', 'aliasName', 'aliasLabel'].includes(property.name),
);

/**
 * Transactional Email › Send: one email of a Transactional Email campaign to one user.
 * https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_transactional_message
 */
export const transactionalSendProperties: INodeProperties[] = [
	{
		displayName: 'Campaign ID',
		name: 'transactionalCampaignId',
		...brazeIdLocator('searchApiCampaigns', 'cmp-0a1b2c3d'),
		required: true,
		description:
			"The Transactional Email campaign to send, whose content is set up in Braze. The list shows API campaigns: Braze's list does not say which are transactional, and Braze refuses any other kind.",
		// GET /campaigns/list gives id, name, is_api_campaign, tags and last_edited, nothing that marks
		// a Transactional Email campaign (https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaigns).
		hint: "The list shows every API campaign: Braze's list cannot tell which are Transactional Email. Pick the one set up as Transactional Email; Braze refuses the others.",
		displayOptions: show,
	},
	{
		displayName: 'Identify User By',
		name: 'identifyBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'External ID',
				value: 'externalId',
				description: "Your own ID for the user, e.g. the CRM contact's ID (external_user_id)",
			},
			{ name: 'User Alias', value: 'userAlias', description: 'An alias name and label' },
		],
		default: 'externalId',
		description:
			'The one user to email. With External ID and Profile Fields or Custom Attributes set, a user Braze does not know yet is created and emailed.',
		displayOptions: show,
	},
	...recipientFields,
	profileFieldsProperty,
	...customAttributeProperties,
	{
		...keyValueField({
			displayName: 'Trigger Properties',
			name: 'triggerProperties',
			parameterPath: 'triggerProperties',
			bodyPath: 'trigger_properties',
			description:
				'Values the email uses as {{api_trigger_properties.${key}}} (sent as trigger_properties, at most 50 KB)',
		}),
		displayOptions: show,
	},
	{
		displayName: 'Duplicate Protection',
		name: 'duplicateProtection',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description:
					"Retries only: a webhook that arrives twice is a new execution and sends again. n8n's Retry On Fail and a Retry of this execution send the item once.",
			},
			{
				name: 'Custom Key',
				value: 'custom',
				description:
					'One email per key within 24 hours, from any execution or workflow: build the key from the order ID (an expression such as order-10452). Use it when the event can arrive twice.',
			},
			{
				name: 'Off',
				value: 'off',
				description: 'No key: an unclear answer is reported, never sent again',
			},
		],
		default: 'automatic',
		description:
			'The external_send_id: Braze sends a request with a key it has seen in the last 24 hours only once. With a key, requests whose answer got lost are sent again safely.',
		hint: 'Automatic protects against retries only: a webhook that arrives twice is a new execution and sends again. For an order email pick Custom Key with the order ID, e.g. order-{{ $json.id }}; Braze keeps a key 24 hours.',
		displayOptions: show,
	},
	{
		displayName: 'External Send ID',
		name: 'externalSendId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. order-10452',
		description:
			'Your key for this send (external_send_id): letters, digits and - _ + / = only. Use a new key for a new email; Braze also puts it in the postback events.',
		hint: 'The same key within 24 hours sends one email: build it from the order ID, e.g. order-{{ $json.id }}. The output says duplicate: true when Braze marks a send as a repeat.',
		displayOptions: { show: { ...show.show, duplicateProtection: ['custom'] } },
	},
	optionsPropertyFor(
		'transactional',
		'send',
		['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'],
		'Nested custom attributes, dry run, timeout, and how to handle rate limits and server errors',
		// Moved here from the top of the form in version 2 (user/fields/movedToOptions.ts).
		[nestedAttributesOption],
	),
];

// https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_transactional_message
const SEND_KEY = /^[a-zA-Z0-9\-_+/=]+$/;

/**
 * `recipient`: the user (external_user_id or user_alias, exactly one) and the attributes Braze
 * sets on the profile before it makes the email: the same Profile Fields as User › Create or Update.
 */
function addRecipient(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const attributes = profileAttributes(context);
	addCustomAttributes(context, attributes);
	const user = userIdentifier(context);
	const recipient: IDataObject =
		user.user_alias !== undefined
			? { user_alias: user.user_alias }
			: { external_user_id: user.external_id };
	if (Object.keys(attributes).length) recipient.attributes = attributes;
	body.recipient = recipient;
}

/** `external_send_id`, by Duplicate Protection: automatic, the user's own key, or none. */
function addExternalSendId(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const mode = context.getNodeParameter('duplicateProtection', 'automatic') as string;
	if (mode === 'off') return;
	if (mode !== 'custom') {
		body.external_send_id = automaticSendKey(context);
		return;
	}
	const key = textField(
		context,
		context.getNodeParameter('externalSendId', ''),
		'External Send ID',
	);
	if (key === '') {
		throw invalidInput(
			context,
			'External Send ID is empty',
			'Fill in "External Send ID" (e.g. {{ $json.order_id }}-confirmation), or set Duplicate Protection to Automatic.',
		);
	}
	if (!SEND_KEY.test(key)) {
		throw invalidInput(
			context,
			`External Send ID "${key}" has characters Braze does not accept`,
			'Braze takes letters, digits and - _ + / = only (Base64-compatible): replace spaces and other characters, e.g. with -.',
		);
	}
	body.external_send_id = key;
}

/**
 * Whether Braze's answer says the key was one it had already sent under: then no new email went
 * out, and the answer carries the first send's dispatch_id. Braze documents that a repeated
 * external_send_id within 24 hours "will not result in a new instance of a send"
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_transactional_message)
 * but not how its answer says so; the answer's `metadata` is Braze's "additional information
 * about the send", and `metadata.duplicate: true` is what the node reads (docs/transactional.md).
 */
function isDuplicateAnswer(json: IDataObject): boolean {
	return isPlainObject(json.metadata) && json.metadata.duplicate === true;
}

/**
 * `sent` and `duplicate` at the top of the output, after the ids, so that an IF node can test
 * them: a repeated key is `sent: false, duplicate: true`. Braze's own keys stay as they are.
 */
export function markDuplicate(json: IDataObject): void {
	const duplicate = isDuplicateAnswer(json);
	const rest = { ...json };
	const front: IDataObject = {};
	for (const key of ['external_send_id', 'dispatch_id']) {
		if (rest[key] !== undefined) front[key] = rest[key];
		delete rest[key];
	}
	for (const key of Object.keys(json)) delete json[key];
	Object.assign(json, front, { sent: !duplicate, duplicate }, rest);
}

/** The campaign goes in the path: /transactional/v1/campaigns/{campaign_id}/send. */
export function transactionalPath(context: IExecuteSingleFunctions): string {
	const id = idField(
		context,
		context.getNodeParameter('transactionalCampaignId', '', { extractValue: true }),
		'Campaign ID',
	);
	if (id === '') {
		throw invalidInput(
			context,
			'Campaign ID is empty',
			"Pick the Transactional Email campaign from the list, or enter its API identifier (from the campaign's page in Braze) By ID.",
		);
	}
	// The ID goes into the URL path: the shared ID check keeps "/", "..", "?" and the like out.
	assertBrazeId(context, 'campaign_id', id, 'Campaign ID');
	return `/transactional/v1/campaigns/${id}/send`;
}

export const transactionalSendOperation: OperationSpec = {
	name: 'Send',
	value: 'send',
	action: 'Send a transactional email',
	description:
		'Send one email of a Transactional Email campaign (its content set up in Braze) to one user, e.g. an order confirmation or a password reset, with a key that makes a retry harmless (POST /transactional/v1/campaigns/{campaign_id}/send). Use it when one email must go out exactly once. Outputs external_send_id, dispatch_id, sent and duplicate (true when Braze had already sent under the key).',
	url: '/transactional/v1/campaigns/{campaign_id}/send',
	permission: 'transactional.send',
	prepare: [addRecipient, assertTriggerPropertiesSize, addExternalSendId],
	path: transactionalPath,
	sendOnceKey: (body) =>
		typeof body.external_send_id === 'string' ? body.external_send_id : undefined,
	// Without a key (Duplicate Protection Off) an unclear answer is reported, never resent.
	onUnclearAnswer: report(CHANGES.email),
	perUserWrite: true,
	echoBodyKeys: ['external_send_id'],
	finish: markDuplicate,
};
