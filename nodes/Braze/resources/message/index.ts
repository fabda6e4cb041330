import type { INodeProperties } from 'n8n-workflow';

import { channelProperties, channelSelectionProperty } from '../../channels/selection';
import { externalUserIdsProperty, messageRecipientProperties } from '../../shared/recipients';
import { sendOptionsProperty } from '../../shared/options';
import { messageSendToProperty, sendToAudienceProperties } from '../../shared/sendTo';
import { scheduleIdProperty, scheduleTimeProperties } from '../../shared/schedule';
import { resourceProperties } from '../resource';
import { deleteScheduleOperation } from './deleteSchedule';
import { endTimeProperty, listScheduledOperation } from './listScheduled';
import { scheduleOperation } from './schedule';
import { sendOperation } from './send';
import {
	updateMessagesProperties,
	updateScheduleOperation,
	updateTimeProperties,
} from './updateSchedule';

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
		scheduleIdProperty,
		messageSendToProperty,
		externalUserIdsProperty,
		...messageRecipientProperties,
		...sendToAudienceProperties,
		...scheduleTimeProperties,
		...updateTimeProperties,
		channelSelectionProperty,
		...channelProperties,
		...updateMessagesProperties,
		endTimeProperty,
		sendOptionsProperty,
	],
	'send',
);
