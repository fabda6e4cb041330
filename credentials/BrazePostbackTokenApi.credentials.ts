import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { secretProperty } from './postbackSecret';

/**
 * The secret of the Braze Trigger's webhook with Authentication › Secret Token in URL (the
 * trigger's version 2). Braze's transactional postback is configured with a URL only
 * (https://www.braze.com/docs/user_guide/message_building_by_channel/email/transactional_message_api_campaign/tracking_transactional_emails),
 * so the secret travels in that URL as ?token=SECRET. Nothing here is sent to Braze.
 */
export class BrazePostbackTokenApi implements ICredentialType {
	name = 'brazePostbackTokenApi';

	displayName = 'Braze Postback Token API';

	icon: Icon = {
		light: 'file:../nodes/Braze/braze.svg',
		dark: 'file:../nodes/Braze/braze.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-braze-messaging/n8n-nodes-braze-messaging/blob/main/docs/trigger.md#protect-the-webhook';

	properties: INodeProperties[] = [secretProperty];
}
