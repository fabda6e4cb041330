import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchPagedList } from './request';

/** Segments from GET /segments/list (needs segments.list), 100 a page. */
export async function searchSegments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedList(
		this,
		{ url: '/segments/list', permission: 'segments.list', noun: 'segments', key: 'segments' },
		filter,
		paginationToken,
	);
}
