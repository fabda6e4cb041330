import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { addTags } from '../emailTemplate/tags';
import { contentField, nameField, optionalBlockFields } from './blockFields';
import { blockRules } from './rules';

/**
 * Content Block › Create: POST /content_blocks/create with name and content, and optionally
 * description, state and tags; Braze answers with the block's ID and its Liquid tag
 * (https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/post_create_email_content_block).
 */
const show = showFor('contentBlock', ['create']);

export const createBlockProperties: INodeProperties[] = [
	{ ...nameField, required: true, displayOptions: show },
	{ ...contentField, required: true, displayOptions: show },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Description, state (active unless set) and tags',
		displayOptions: show,
		options: optionalBlockFields,
	},
];

export const createBlockOperation: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a content block',
	description:
		'Create a Content Block (reusable HTML or text that messages include by its Liquid tag), e.g. to publish a footer or an offer kept elsewhere. Outputs content_block_id and liquid_tag. Not sent again after an unclear answer.',
	url: '/content_blocks/create',
	permission: 'content_blocks.create',
	prepare: [
		addTags('additionalFields', 'Additional Fields › Tags'),
		blockRules({
			name: 'Name',
			content: 'Content',
			description: 'Additional Fields › Description',
		}),
	],
	// Applied twice, the second is refused as a duplicate name, or makes a second block.
	onUnclearAnswer: report(CHANGES.contentBlock),
	outputsDispatchId: false,
};
