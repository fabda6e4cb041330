import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { isPlainObject } from '../helpers/values/object';
import { getBrazeList, matches } from './request';

/**
 * The workspace's catalogs from GET /catalogs (needs catalogs.get), by name, with their item
 * count and description. Braze lists them all in one answer
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/get_list_catalogs).
 */
export async function searchCatalogs(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await getBrazeList(
		this,
		{ url: '/catalogs', permission: 'catalogs.get', noun: 'catalogs' },
		{},
	);
	const catalogs = Array.isArray(answer.catalogs) ? answer.catalogs.filter(isPlainObject) : [];
	const results = catalogs
		.filter((catalog) => typeof catalog.name === 'string' && catalog.name !== '')
		.map((catalog) => {
			const count =
				typeof catalog.num_items === 'number'
					? `${catalog.num_items} item${catalog.num_items === 1 ? '' : 's'}`
					: '';
			const about = [count, typeof catalog.description === 'string' ? catalog.description : '']
				.filter(Boolean)
				.join(' · ');
			return {
				name: about ? `${String(catalog.name)} (${about})` : String(catalog.name),
				value: String(catalog.name),
			};
		})
		.filter((item) => matches(filter, item));
	return { results };
}
