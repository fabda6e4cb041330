import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { getBrazeList, matches } from './request';

const LIMIT = 100;
const MAX_PAGES_PER_SEARCH = 5;

/**
 * Email templates from GET /templates/email/list (needs templates.email.list), paged by limit
 * and offset. Braze leaves templates built with the drag-and-drop editor out of this list.
 */
export async function searchEmailTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	let offset = Number(paginationToken ?? 0);
	if (!Number.isInteger(offset) || offset < 0) offset = 0;
	const list = {
		url: '/templates/email/list',
		permission: 'templates.email.list',
		noun: 'email templates',
	};
	const results: INodeListSearchItems[] = [];
	for (let read = 0; ; read += 1) {
		const response = await getBrazeList(this, list, { limit: LIMIT, offset });
		const templates = Array.isArray(response.templates)
			? (response.templates as IDataObject[])
			: [];
		for (const template of templates) {
			if (typeof template.email_template_id !== 'string') continue;
			const item = {
				name: String(template.template_name ?? template.email_template_id),
				value: template.email_template_id,
			};
			if (matches(filter, item)) results.push(item);
		}
		offset += templates.length;
		if (templates.length < LIMIT) return { results };
		if (results.length > 0 || read + 1 >= MAX_PAGES_PER_SEARCH) {
			return { results, paginationToken: String(offset) };
		}
	}
}
