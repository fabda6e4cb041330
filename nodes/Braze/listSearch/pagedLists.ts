import { pagedListSearch } from './request';

// Braze's page-numbered exports, 100 entries a page; each needs the permission it names.

/** GET /campaigns/list. */
const campaignsList = {
	url: '/campaigns/list',
	permission: 'campaigns.list',
	noun: 'campaigns',
	key: 'campaigns',
};

/** Campaigns from GET /campaigns/list. */
export const searchCampaigns = pagedListSearch(campaignsList);

/**
 * API campaigns from GET /campaigns/list, for Transactional Email › Send: the list marks API
 * campaigns (is_api_campaign) but not which of them are transactional.
 * https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaigns
 */
export const searchApiCampaigns = pagedListSearch({
	...campaignsList,
	noun: 'API campaigns',
	keep: (entry) => entry.is_api_campaign !== false,
});

/** Canvases from GET /canvas/list. */
export const searchCanvases = pagedListSearch({
	url: '/canvas/list',
	permission: 'canvas.list',
	noun: 'Canvases',
	key: 'canvases',
});

/** Segments from GET /segments/list. */
export const searchSegments = pagedListSearch({
	url: '/segments/list',
	permission: 'segments.list',
	noun: 'segments',
	key: 'segments',
});
