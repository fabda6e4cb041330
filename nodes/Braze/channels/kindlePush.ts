import { additionalJsonOption, messageVariationIdOption } from '../helpers/form/channelOptions';
import { showForChannel } from '../helpers/form/displayOptions';
import { keyValueField } from '../helpers/form/keyValueField';
import {
	collapseKeyOption,
	customUriOption,
	displayPriorityOption,
	soundOption,
} from '../helpers/form/pushOptions';
import type { BrazeChannel } from './types';

const KEY = 'kindle_push';

export const kindlePushChannel: BrazeChannel = {
	key: KEY,
	name: 'Kindle/FireOS Push',
	description: 'A push notification to Amazon Kindle and Fire OS devices (messages.kindle_push)',
	properties: [
		{
			displayName: 'Kindle Push: Title',
			name: 'kindlePushTitle',
			type: 'string',
			required: true,
			default: '',
			description: 'The title shown in the notification drawer',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.kindle_push.title' } },
		},
		{
			displayName: 'Kindle Push: Alert',
			name: 'kindlePushAlert',
			type: 'string',
			typeOptions: { rows: 2 },
			required: true,
			default: '',
			description: 'The notification text',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.kindle_push.alert' } },
		},
		{
			displayName: 'Kindle Push Options',
			name: 'kindlePushOptions',
			type: 'collection',
			placeholder: 'Add Kindle Push Option',
			default: {},
			description: 'Optional Kindle/FireOS push fields: priority, sound, extra data and more',
			displayOptions: showForChannel(KEY),
			options: [
				additionalJsonOption('messages.kindle_push', 'Kindle Push', 'kindlePushOptions'),
				collapseKeyOption('messages.kindle_push.collapse_key'),
				customUriOption('messages.kindle_push.custom_uri'),
				keyValueField({
					displayName: 'Extra',
					name: 'extra',
					parameterPath: 'kindlePushOptions.extra',
					bodyPath: 'messages.kindle_push.extra',
					description: 'Key/value data delivered with the push',
				}),
				messageVariationIdOption('messages.kindle_push.message_variation_id'),
				displayPriorityOption('messages.kindle_push.priority'),
				soundOption('messages.kindle_push.sound'),
			],
		},
	],
};
