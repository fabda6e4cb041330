import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchPagedList } from './request';

/** Campaigns from GET /campaigns/list (needs campaigns.list), 100 a page. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedList(
		this,
		{ url: '/campaigns/list', permission: 'campaigns.list', noun: 'campaigns', key: 'campaigns' },
		filter,
		paginationToken,
	);
}
