import { offsetListSearch } from './request';

// Braze's lists paged by limit and offset, 100 entries a request; each needs the permission it names.

/**
 * Email templates from GET /templates/email/list (needs templates.email.list). Braze leaves
 * templates built with the drag-and-drop editor out of this list.
 */
export const searchEmailTemplates = offsetListSearch({
	url: '/templates/email/list',
	permission: 'templates.email.list',
	noun: 'email templates',
	key: 'templates',
	id: 'email_template_id',
	name: 'template_name',
});

/**
 * Content Blocks from GET /content_blocks/list (needs content_blocks.list); Braze wants an offset
 * greater than 0, so the first page has none
 * (https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/get_list_email_content_blocks).
 */
export const searchContentBlocks = offsetListSearch({
	url: '/content_blocks/list',
	permission: 'content_blocks.list',
	noun: 'Content Blocks',
	key: 'content_blocks',
	id: 'content_block_id',
	name: 'name',
	omitZeroOffset: true,
});
