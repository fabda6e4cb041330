import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchPagedList } from './request';

/** Canvases from GET /canvas/list (needs canvas.list), 100 a page. */
export async function searchCanvases(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedList(
		this,
		{ url: '/canvas/list', permission: 'canvas.list', noun: 'Canvases', key: 'canvases' },
		filter,
		paginationToken,
	);
}
