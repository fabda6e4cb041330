import { additionalJsonOption, messageVariationIdOption } from '../form/channelOptions';
import { showForChannel } from '../form/displayOptions';
import { keyValueField } from '../form/keyValueField';
import {
	collapseKeyOption,
	customUriOption,
	displayPriorityOption,
	soundOption,
} from '../form/pushOptions';
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
			routing: { send: { type: 'body', property: `messages.${KEY}.title` } },
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
			routing: { send: { type: 'body', property: `messages.${KEY}.alert` } },
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
				additionalJsonOption(KEY, 'Kindle Push', 'kindlePushOptions'),
				collapseKeyOption(KEY),
				customUriOption(KEY),
				keyValueField({
					displayName: 'Extra',
					name: 'extra',
					parameterPath: 'kindlePushOptions.extra',
					bodyPath: `messages.${KEY}.extra`,
					description: 'Key/value data delivered with the push',
				}),
				messageVariationIdOption(KEY),
				displayPriorityOption(KEY),
				soundOption(KEY),
			],
		},
	],
};
