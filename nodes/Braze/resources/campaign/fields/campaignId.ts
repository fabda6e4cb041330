import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../helpers/form/displayOptions';
import { brazeIdLocator } from '../../../helpers/form/locator';

/** The campaign that Get and Get Analytics read: from the list, or by its API identifier. */
export const readCampaignIdProperty: INodeProperties = {
	displayName: 'Campaign ID',
	name: 'campaignId',
	...brazeIdLocator('searchCampaigns', 'cmp-0a1b2c3d'),
	required: true,
	description:
		"The campaign to read, any kind (not only API-triggered): pick it from the list, or give its API identifier (Campaign › Get Many's id, or the campaign's page in Braze). Sent as campaign_id.",
	displayOptions: showFor('campaign', ['get', 'getAnalytics']),
	routing: { send: { type: 'body', property: 'campaign_id' } },
};
