import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { assertValidAudience, audienceProperties } from '../../sections/audience';
import { collectBodyFields } from '../../body/fields';
import { attachmentsField, readAttachments } from '../../form/attachments';
import { keyValueField } from '../../form/keyValueField';
import { normalizeBodyTypes } from '../../body/normalizeTypes';
import { brazeOperation } from '../../transport/operation';
import { assertValidSendId } from '../../sections/options';
import { showFor, shownFor } from '../../form/displayOptions';
import { optionsPropertyFor } from '../../sections/triggerOptions';
import {
	addTriggerRecipients,
	assertValidTriggerTargeting,
	triggerRecipientProperties,
} from '../../sections/triggerRecipients';
import type { TriggerKind } from '../../sections/triggerRecipients';
import { invalidInput } from '../../validation/invalidInput';
import { brazeIdLocator } from '../../form/locator';

const kind: TriggerKind = {
	resource: 'campaign',
	operation: 'trigger',
	noun: 'campaign',
	propertiesKey: 'trigger_properties',
	propertiesLabel: 'Trigger Properties',
	propertiesDescription:
		"Values the campaign's message can use as {{api_trigger_properties.${key}}}",
	allowBrazeId: true,
};
const show = showFor(kind.resource, [kind.operation]);

/** Everything the Campaign › Trigger form shows, in order. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		...brazeIdLocator('searchCampaigns', 'cmp-0a1b2c3d'),
		required: true,
		description:
			"The API-triggered campaign to send: its API identifier, from the campaign's page in Braze. Its content and channels are set up in Braze.",
		displayOptions: show,
		routing: { send: { type: 'body', property: 'campaign_id' } },
	},
	...triggerRecipientProperties(kind),
	{
		...keyValueField({
			displayName: 'Trigger Properties',
			name: 'triggerProperties',
			parameterPath: 'triggerProperties',
			bodyPath: 'trigger_properties',
			description:
				"Values for every recipient, which the campaign's message uses as {{api_trigger_properties.${key}}} (sent as trigger_properties). A recipient's own Trigger Properties win over these.",
		}),
		displayOptions: show,
	},
	...shownFor(audienceProperties, kind.resource, [kind.operation]),
	{
		...attachmentsField({
			description:
				"Files to attach to the campaign's email, each a file name and a URL Braze downloads it from. Not allowed with Broadcast.",
			fileNameDescription: 'The name the recipient sees, with its extension',
			fileNamePlaceholder: 'invoice.pdf',
			urlDescription: 'Where Braze downloads the file from (http or https)',
			urlPlaceholder: 'https://example.com/files/invoice.pdf',
		}),
		displayOptions: show,
	},
	optionsPropertyFor(
		kind.resource,
		kind.operation,
		['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'sendId', 'timeout'],
		'Send ID, dry run, timeout, and how to handle rate limits and server errors for this trigger',
	),
];

const triggerBodyFields = collectBodyFields(triggerProperties);

/** Attachments as [{file_name, url}]; not allowed with Broadcast. */
function addAttachments(context: IExecuteSingleFunctions, body: IDataObject): void {
	const attachments = readAttachments(context, 'attachments.attachment', 'Attachment');
	if (!attachments.length) return;
	if (body.broadcast === true) {
		throw invalidInput(
			context,
			'Attachments are not allowed with Broadcast',
			'Braze refuses attachments on a broadcast. Remove the attachments, or turn Broadcast off and name the recipients.',
		);
	}
	body.attachments = attachments;
}

function prepareTriggerBody(context: IExecuteSingleFunctions, body: IDataObject): void {
	addTriggerRecipients(context, kind, body);
	normalizeBodyTypes(context, body, triggerBodyFields);
	assertValidAudience(context, body);
	assertValidTriggerTargeting(context, kind, body);
	addAttachments(context, body);
	assertValidSendId(context, body);
}

export const triggerOperation: INodePropertyOptions = brazeOperation({
	name: 'Trigger',
	value: 'trigger',
	action: 'Trigger a campaign',
	description:
		'Send an API-triggered campaign, whose content is set up in Braze, to named recipients or its whole audience (POST /campaigns/trigger/send). Outputs the dispatch_id; more than 50 recipients go out in requests of 50, listed in dispatch_ids.',
	url: '/campaigns/trigger/send',
	permission: 'campaigns.trigger.send',
	prepare: [prepareTriggerBody],
});
