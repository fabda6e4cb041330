import { pagedListSearch } from './request';

// Braze's page-numbered exports, 100 entries a page; each needs the permission it names.

/** Campaigns from GET /campaigns/list. */
export const searchCampaigns = pagedListSearch({
	url: '/campaigns/list',
	permission: 'campaigns.list',
	noun: 'campaigns',
	key: 'campaigns',
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
