import type { INodeProperties } from 'n8n-workflow';

import { showForChannel } from '../helpers/form/displayOptions';

/**
 * "<Channel>: App ID", required by Braze's email, SMS and WhatsApp objects. Braze's REST API has
 * no endpoint that lists apps, so there is no pick-list: the hint under the field says where the
 * dashboard shows the identifier (https://www.braze.com/docs/api/identifier_types/), and any app
 * of the workspace works for every user
 * (https://www.braze.com/docs/api/objects_filters/messaging/email_object).
 */
export function appIdField(channelName: string, name: string, channelKey: string): INodeProperties {
	return {
		displayName: `${channelName}: App ID`,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1e0c6a-5b2d-4e8f-9a7c-1d2e3f4a5b6c',
		hint: 'In Braze: Settings › APIs and Identifiers › App Identifiers, the Identifier column. Any app of the workspace works.',
		description:
			'The API identifier of any app in your workspace (also shown under Settings › App Settings). It works for every user, whether they have that app or not.',
		displayOptions: showForChannel(channelKey),
		routing: { send: { type: 'body', property: `messages.${channelKey}.app_id` } },
	};
}
