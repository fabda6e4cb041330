import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { beforeOptions } from '../../helpers/form/beforeOptions';
import { attachmentsField, readAttachments } from '../../helpers/form/attachments';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { assertTriggerPropertiesSize } from '../../shared/propertiesSize';
import { resourceProperties } from '../resource';
import { campaignReadFields, campaignReadOperations } from '../campaign';
import { triggerDeleteScheduleOperation } from './deleteSchedule';
import { triggerScheduleOperation } from './schedule';
import { triggerOperation } from './send';
import { triggerFields } from './triggerForm';
import type { TriggerSpec } from './triggerSpec';
import { triggerUpdateScheduleOperation } from './updateSchedule';

/** Attachments as [{file_name, url}]; not allowed with Broadcast. */
function addAttachments(context: IExecuteSingleFunctions, body: BrazeBody): void {
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

/**
 * Campaign › Trigger (POST /campaigns/trigger/send) and the scheduled triggers
 * (/campaigns/trigger/schedule/create|update|delete).
 */
const campaign: TriggerSpec = {
	kind: {
		resource: 'campaign',
		noun: 'campaign',
		propertiesKey: 'trigger_properties',
		propertiesLabel: 'Trigger Properties',
		propertiesDescription:
			"Values the campaign's message can use as {{api_trigger_properties.${key}}}",
		allowBrazeId: true,
	},
	id: {
		displayName: 'Campaign ID',
		name: 'campaignId',
		searchListMethod: 'searchCampaigns',
		example: 'cmp-0a1b2c3d',
		description:
			"The API-triggered campaign to send: its API identifier, from the campaign's page in Braze. Its content and channels are set up in Braze.",
		bodyKey: 'campaign_id',
	},
	propertiesField: {
		displayName: 'Trigger Properties',
		name: 'triggerProperties',
		description:
			"Values for every recipient, which the campaign's message uses as {{api_trigger_properties.${key}}} (sent as trigger_properties). A recipient's own Trigger Properties win over these.",
	},
	triggerOnlyProperties: [
		attachmentsField({
			description:
				"Files to attach to the campaign's email, each a file name and a URL Braze downloads it from. Not allowed with Broadcast.",
			fileNameDescription: 'The name the recipient sees, with its extension',
			fileNamePlaceholder: 'invoice.pdf',
			urlDescription: 'Where Braze downloads the file from (http or https)',
			urlPlaceholder: 'https://example.com/files/invoice.pdf',
		}),
	],
	options: {
		names: ['batchItems', 'dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'sendId', 'timeout'],
		// Braze documents send_id for the trigger and the schedule create, not for update or delete.
		triggerAndSchedule: ['sendId'],
		triggerOnly: ['batchItems'],
		description:
			'Send ID (Trigger and Schedule), dry run, timeout, and how to handle rate limits and server errors',
	},
	stepsBeforeChecks: [assertTriggerPropertiesSize],
	// The scheduled trigger takes no attachments (its documented body has none).
	triggerOnlySteps: [addAttachments],
	operation: {
		action: 'Trigger a campaign',
		description:
			"Send an API-triggered campaign, whose content (any channel) is set up in Braze, now, to named recipients with their own trigger properties or to the campaign's whole audience (POST /campaigns/trigger/send). Use it when marketers own the message in Braze and the workflow decides when and to whom. Outputs the dispatch_id; more than 50 recipients go out in requests of 50, listed in dispatch_ids.",
		url: '/campaigns/trigger/send',
		permission: 'campaigns.trigger.send',
		onUnclearAnswer: report(CHANGES.message),
		perUserWrite: true,
	},
	schedule: {
		path: '/campaigns/trigger/schedule',
		permission: 'campaigns.trigger.schedule',
		noun: 'campaign',
	},
};

/**
 * The Campaign resource: its operations (in alphabetical order, as n8n's lint asks) and its form; the
 * reads (Get, Get Analytics, Get Many…) are in resources/campaign/, their fields before the Options.
 */
export const campaignProperties = resourceProperties(
	'campaign',
	[
		triggerDeleteScheduleOperation(campaign),
		...campaignReadOperations,
		triggerScheduleOperation(campaign),
		triggerOperation(campaign),
		triggerUpdateScheduleOperation(campaign),
	],
	beforeOptions(triggerFields(campaign), campaignReadFields),
	'trigger',
);
