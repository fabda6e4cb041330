import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { assertValidAudience, audienceProperties } from '../../sections/audience';
import { collectBodyFields } from '../../body/fields';
import {
	assertValidMessages,
	channelProperties,
	channelSelectionProperty,
} from '../../channels/selection';
import { normalizeTypes } from '../../body/normalizeTypes';
import {
	splitExternalUserIds,
	assertValidRecipients,
	recipientProperties,
} from '../../sections/recipients';
import { brazeOperation } from '../../transport/operation';
import { assertValidSendId, sendOptionsProperty } from '../../sections/options';

/** Everything the Send form shows, in order. */
export const sendProperties: INodeProperties[] = [
	...recipientProperties,
	...audienceProperties,
	channelSelectionProperty,
	...channelProperties,
	sendOptionsProperty,
];

/** Completes the body with what routing does not write, then checks all of it, in this order. */
export const sendSteps = [
	splitExternalUserIds,
	normalizeTypes(collectBodyFields(sendProperties)),
	assertValidAudience,
	assertValidRecipients,
	assertValidSendId,
	assertValidMessages,
];

export const sendOperation: INodePropertyOptions = brazeOperation({
	name: 'Send',
	value: 'send',
	action: 'Send a message',
	description:
		'Send a message now to named users or a segment, on one or more channels (POST /messages/send). Outputs the dispatch_id.',
	url: '/messages/send',
	permission: 'messages.send',
	prepare: sendSteps,
});
