import type { INodeProperties } from 'n8n-workflow';

import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { showFor } from '../../helpers/form/displayOptions';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { answerRecord } from '../../shared/reads/output';

/**
 * Content Block › Get: GET /content_blocks/info?content_block_id=…, the block's name, content,
 * description, type, tags, dates and how many messages include it; with Include Inclusion Data,
 * the message variations that include it (archived and deleted ones left out)
 * (https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/get_see_email_content_blocks_information).
 */
export const getBlockProperties: INodeProperties[] = [
	{
		displayName: 'Include Inclusion Data',
		name: 'includeInclusionData',
		type: 'boolean',
		default: false,
		description:
			'Whether to also return the API identifiers of the message variations (campaigns and Canvases) that include the block, archived and deleted ones left out (inclusion_data)',
		displayOptions: showFor('contentBlock', ['get']),
		routing: { send: { type: 'body', property: 'include_inclusion_data' } },
	},
];

export const getBlockOperation: OperationSpec = {
	name: 'Get',
	value: 'get',
	action: 'Get a content block',
	description:
		'Read one Content Block (name, content, description, type, tags, how many messages include it) by its ID, e.g. to check or copy it before an update',
	url: '/content_blocks/info',
	method: 'GET',
	permission: 'content_blocks.info',
	prepare: [keepOnlyKeys(['content_block_id', 'include_inclusion_data'])],
	// Eleven fields with inclusion_data: Simplified keeps the block itself.
	shape: {
		id: ['content_block_id'],
		simplified: [
			'name',
			'content',
			'content_type',
			'description',
			'tags',
			'inclusion_count',
			'created_at',
			'last_edited',
		],
	},
	// One record, without Braze's message: "success".
	outputItems: answerRecord,
	onUnclearAnswer: askAgain(CHANGES.read),
	outputsDispatchId: false,
};
