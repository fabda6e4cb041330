import type { INodeProperties } from 'n8n-workflow';

import { audienceProperties } from '../../shared/audience/index';
import { channelProperties, channelSelectionProperty } from '../../channels/selection';
import { externalUserIdsProperty, messageRecipientProperties } from '../../shared/recipients';
import { sendOptionsProperty } from '../../shared/options';
import {
	deleteScheduleOperation,
	scheduleFormProperties,
	scheduleIdProperties,
	scheduleOperation,
	updateMessagesProperties,
	updateScheduleOperation,
} from './schedule';
import { endTimeProperty, listScheduledOperation } from './listScheduled';
import { sendOperation } from './send';
import { resourceProperties } from '../resource';

/**
 * The Message form, in order. Send and Schedule share the recipient, audience and channel
 * fields (their displayOptions list both); Update Schedule shows copies of the time and channel
 * fields behind its "Update Send At" and "Update Messages" toggles; List Scheduled has End Time.
 */
export const messageProperties: INodeProperties[] = resourceProperties(
	'message',
	[
		deleteScheduleOperation,
		listScheduledOperation,
		scheduleOperation,
		sendOperation,
		updateScheduleOperation,
	],
	[
		...scheduleIdProperties,
		externalUserIdsProperty,
		...messageRecipientProperties,
		...audienceProperties,
		...scheduleFormProperties,
		channelSelectionProperty,
		...channelProperties,
		...updateMessagesProperties,
		endTimeProperty,
		sendOptionsProperty,
	],
	'send',
);
