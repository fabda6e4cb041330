import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../form/displayOptions';
import { keyValueField } from '../../form/keyValueField';
import { brazeIdLocator } from '../../form/locator';
import { optionsPropertyFor } from '../../shared/options';
import { customAttributeProperties } from '../user/customAttributes';
import { identityProperties } from '../user/identity';
import { profileFieldsProperty } from '../user/profileFields';

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
					"A key made from the execution and the item: n8n's Retry On Fail and a Retry of this execution send the item once",
			},
			{
				name: 'Custom Key',
				value: 'custom',
				description:
					'Your own key, e.g. the order ID: any send with the same key within 24 hours is sent once',
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
		displayOptions: show,
	},
	{
		displayName: 'External Send ID',
		name: 'externalSendId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'order-10452-confirmation',
		description:
			'Your key for this send (external_send_id): letters, digits and - _ + / = only. Use a new key for a new email; Braze also puts it in the postback events.',
		displayOptions: { show: { ...show.show, duplicateProtection: ['custom'] } },
	},
	optionsPropertyFor(
		'transactional',
		'send',
		['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'],
		'Dry run, timeout, and how to handle rate limits and server errors',
	),
];
