import type { INodeProperties } from 'n8n-workflow';

import { brazeIdLocator } from '../../helpers/form/locator';
import { tagsField } from '../emailTemplate/tags';

/**
 * The fields of a Content Block, as Create shows them and Update's Update Fields lists them
 * (https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/post_create_email_content_block,
 * https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/post_update_content_block).
 * Their rules are in rules.ts.
 */

/** Content Block › Get and Update: the block, from the list or by its API identifier. */
export const blockIdField: INodeProperties = {
	displayName: 'Content Block',
	name: 'contentBlockId',
	...brazeIdLocator('searchContentBlocks', 'cb-0a1b2c3d'),
	required: true,
	description:
		"The Content Block's API identifier (content_block_id), from the list or from Braze (Templates › Content Blocks)",
	displayOptions: { show: { resource: ['contentBlock'], operation: ['get', 'update'] } },
	routing: { send: { type: 'body', property: 'content_block_id' } },
};

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. email_footer',
	description:
		'The name messages include it by ({{content_blocks.${name}}}): fewer than 100 characters, only letters, digits, - and _, unique in the workspace',
	routing: { send: { type: 'body', property: 'name' } },
};

export const contentField: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 6 },
	default: '',
	description:
		'The HTML or text the block holds, smaller than 50 KB; Liquid works, but the block must not include itself',
	routing: { send: { type: 'body', property: 'content' } },
};

/** The optional fields, in Create's Additional Fields and Update's Update Fields. */
export const optionalBlockFields: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'What the block is for, fewer than 250 characters',
		routing: { send: { type: 'body', property: 'description' } },
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		default: 'active',
		description:
			'Active (usable in messages) or Draft. An active block cannot go back to draft: Braze refuses it.',
		options: [
			{
				name: 'Active',
				value: 'active',
				description: "Usable in messages (Braze's default); it cannot go back to draft",
			},
			{ name: 'Draft', value: 'draft', description: 'Saved, not yet usable in messages' },
		],
		routing: { send: { type: 'body', property: 'state' } },
	},
	tagsField,
];
