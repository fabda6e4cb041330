import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { addTags } from '../emailTemplate/tags';
import { contentField, nameField, optionalBlockFields } from './blockFields';
import { assertSomethingToChange, blockRules } from './rules';

/**
 * Content Block › Update: POST /content_blocks/update with content_block_id and only the fields
 * given. Braze refuses a new name for an active block, and Draft for an active block
 * (https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/post_update_content_block).
 */
export const updateBlockProperties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'The fields to change; the others keep their values. At least one. An active block keeps its name, and cannot go back to draft.',
		displayOptions: showFor('contentBlock', ['update']),
		options: [contentField, ...optionalBlockFields, nameField].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const updateBlockOperation: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a content block',
	description:
		"Change a Content Block's content, description, tags, state or (while it is a draft) name; the fields not given keep their values. Applied twice, it comes out the same, so Options › Retry Server Errors may send it again.",
	url: '/content_blocks/update',
	permission: 'content_blocks.update',
	prepare: [
		addTags('updateFields', 'Update Fields › Tags'),
		assertSomethingToChange,
		blockRules({
			name: 'Update Fields › Name',
			content: 'Update Fields › Content',
			description: 'Update Fields › Description',
		}),
	],
	onUnclearAnswer: resend(CHANGES.contentBlockUpdate),
	outputsDispatchId: false,
};
