import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The shared secret of the Braze Trigger's webhook. Braze's transactional postback is configured
 * with a URL only (https://www.braze.com/docs/user_guide/message_building_by_channel/email/transactional_message_api_campaign/tracking_transactional_emails),
 * so the secret travels in that URL: as a query parameter, or as the password of
 * https://user:password@host/… (sent as HTTP basic authentication). Nothing here is sent to Braze.
 */
export class BrazePostbackApi implements ICredentialType {
	name = 'brazePostbackApi';

	displayName = 'Braze Postback Secret API';

	icon: Icon = {
		light: 'file:../nodes/Braze/braze.svg',
		dark: 'file:../nodes/Braze/braze.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-braze-messaging/n8n-nodes-braze-messaging/blob/main/docs/trigger.md#protect-the-webhook';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A random secret of at least 24 characters, made only of letters, digits, "-", "_", "." and "~" so that it can be pasted into a URL as is (for example the output of `openssl rand -hex 32`). It goes into the URL you paste into Braze.',
		},
		{
			displayName: 'User Name',
			name: 'user',
			type: 'string',
			default: 'braze',
			description:
				'Used only with Authentication › Basic Auth in URL: the user name before the secret in https://user:secret@host/…. Letters, digits, "-", "_", "." and "~" only.',
		},
	];
}
