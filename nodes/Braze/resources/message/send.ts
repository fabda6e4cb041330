import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { assertValidAudience, audienceProperties } from '../../sections/audience';
import { collectBodyFields } from '../../body/fields';
import { brazeErrorHandler, toBrazeResult } from '../../transport/answer';
import {
	assertValidMessages,
	channelProperties,
	channelSelectionProperty,
} from '../../channels/selection';
import { normalizeBodyTypes } from '../../body/normalizeTypes';
import {
	addExternalUserIds,
	assertValidRecipients,
	recipientProperties,
} from '../../sections/recipients';
import { brazeRequestExecutor } from '../../transport/executor';
import { assertValidSendId, sendOptionsProperty } from '../../sections/options';

/** Everything the Send form shows, in order. */
export const sendProperties: INodeProperties[] = [
	...recipientProperties,
	...audienceProperties,
	channelSelectionProperty,
	...channelProperties,
	sendOptionsProperty,
];

const sendBodyFields = collectBodyFields(sendProperties);

/** Completes the body with what routing does not write, then checks all of it. */
function prepareSendBody(context: IExecuteSingleFunctions, body: IDataObject): void {
	addExternalUserIds(context, body);
	normalizeBodyTypes(context, body, sendBodyFields);
	assertValidAudience(context, body);
	assertValidRecipients(context, body);
	assertValidSendId(context, body);
	assertValidMessages(context, body);
}

export const sendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send a message',
	description:
		'Send a message now to named users or a segment, on one or more channels (POST /messages/send). Outputs the dispatch_id.',
	routing: {
		request: { method: 'POST', url: '/messages/send', ignoreHttpStatusErrors: true },
		send: { paginate: true },
		operations: { pagination: brazeRequestExecutor(prepareSendBody) },
		output: { postReceive: [brazeErrorHandler('messages.send'), toBrazeResult] },
	},
};
