import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { assertValidAudience, audienceProperties } from '../../sections/audience';
import { collectBodyFields } from '../../body/fields';
import { textField } from '../../validation/fieldValues';
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
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
		default: {},
		description:
			"Files to attach to the campaign's email, each a file name and a URL Braze downloads it from. Not allowed with Broadcast.",
		displayOptions: show,
		options: [
			{
				displayName: 'Attachment',
				name: 'attachment',
				values: [
					{
						displayName: 'File Name',
						name: 'fileName',
						type: 'string',
						default: '',
						placeholder: 'invoice.pdf',
						description: 'The name the recipient sees, with its extension',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/files/invoice.pdf',
						description: 'Where Braze downloads the file from (http or https)',
					},
				],
			},
		],
	},
	optionsPropertyFor(
		kind.resource,
		kind.operation,
		['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'sendId', 'timeout'],
		'Send ID, dry run, timeout, and how to handle rate limits and server errors for this trigger',
	),
];

const triggerBodyFields = collectBodyFields(triggerProperties);

/** Attachments as [{file_name, url}]; both parts are needed and the URL must be http(s). */
function addAttachments(context: IExecuteSingleFunctions, body: IDataObject): void {
	const entries = context.getNodeParameter('attachments.attachment', []) as IDataObject[];
	const attachments: IDataObject[] = [];
	for (const [index, entry] of entries.entries()) {
		const fileName = textField(context, entry.fileName, `Attachment ${index + 1} › File Name`);
		const url = textField(context, entry.url, `Attachment ${index + 1} › URL`);
		if (!fileName && !url) continue;
		if (!fileName || !url) {
			throw invalidInput(
				context,
				`Attachment ${index + 1} has no ${fileName ? 'URL' : 'File Name'}`,
				'Every attachment needs both a File Name and a URL.',
			);
		}
		if (!/^https?:\/\/\S+$/i.test(url)) {
			throw invalidInput(
				context,
				`Attachment ${index + 1}: the URL must start with http:// or https://`,
				'Give a web address Braze can download the file from.',
			);
		}
		attachments.push({ file_name: fileName, url });
	}
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
