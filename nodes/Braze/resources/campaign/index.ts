import type { INodeProperties } from 'n8n-workflow';

import { archiveFiltersProperty, listSortProperty } from '../../shared/reads/listFilters';
import { reportOptionsProperty } from '../../shared/reads/options';
import { endingAtProperty, seriesLengthProperty } from '../../shared/reads/period';
import type { OperationSpec } from '../../transport/operation';
import { readCampaignIdProperty } from './fields/campaignId';
import { getCampaignOperation } from './get';
import { getCampaignAnalyticsOperation } from './getAnalytics';
import { getManyCampaignsOperation } from './getMany';

// The Campaign resource's reads. Its form is composed with the trigger operations in
// resources/trigger/campaign.ts, which places these fields before the trigger's Options.

/** In alphabetical order, as n8n's lint asks of the whole Operation list. */
export const campaignReadOperations: OperationSpec[] = [
	getCampaignOperation,
	getCampaignAnalyticsOperation,
	getManyCampaignsOperation,
];

/** The reads' fields, in the order the form shows them. */
export const campaignReadFields: INodeProperties[] = [
	archiveFiltersProperty,
	listSortProperty,
	readCampaignIdProperty,
	seriesLengthProperty,
	endingAtProperty,
	reportOptionsProperty,
];
