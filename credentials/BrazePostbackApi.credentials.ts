import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { secretProperty } from './postbackSecret';

/**
 * The user name and secret of the Braze Trigger's webhook with Authentication › Basic Auth in URL
 * (and, for workflows saved with the trigger's version 1, its Secret Token in URL). Braze's
 * transactional postback is configured with a URL only
 * (https://www.braze.com/docs/user_guide/message_building_by_channel/email/transactional_message_api_campaign/tracking_transactional_emails),
 * so the secret travels in that URL: as the password of https://user:password@host/… (sent as
 * HTTP basic authentication), or as a query parameter. Nothing here is sent to Braze.
 */
export class BrazePostbackApi implements ICredentialType {
	name = 'brazePostbackApi';

	displayName = 'Braze Postback Basic Auth API';

	icon: Icon = {
		light: 'file:../nodes/Braze/braze.svg',
		dark: 'file:../nodes/Braze/braze.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-braze-messaging/n8n-nodes-braze-messaging/blob/main/docs/trigger.md#protect-the-webhook';

	properties: INodeProperties[] = [
		{
			displayName: 'User Name',
			name: 'user',
			type: 'string',
			default: 'braze',
			description:
				'The user name before the secret in https://user:secret@host/…. Letters, digits, "-", "_", "." and "~" only.',
		},
		secretProperty,
	];
}
