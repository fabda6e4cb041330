import { keepOnlyKeys } from '../../helpers/body/requestBody';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { addModifiedRange, microsecondsUtc } from '../emailTemplate/modifiedFilter';

/**
 * Content Block › Get Many: GET /content_blocks/list, up to 1,000 blocks a request (limit, and
 * offset, which Braze wants greater than 0: the first request leaves it out), each with its ID,
 * name, type, Liquid tag, inclusion count, tags and dates; Filters in Braze's
 * yyyy-mm-ddThh:mm:ss.ffffff, in UTC
 * (https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/get_list_email_content_blocks).
 */
export const getManyBlocksOperation: OperationSpec = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many content blocks',
	description:
		"List the workspace's Content Blocks (ID, name, HTML or text, Liquid tag, how many messages include it, tags, dates), e.g. to find a block's ID or Liquid tag by its name, or to sync the blocks changed since a date",
	url: '/content_blocks/list',
	method: 'GET',
	permission: 'content_blocks.list',
	prepare: [keepOnlyKeys([]), addModifiedRange(microsecondsUtc)],
	paging: {
		style: { kind: 'offset', max: 1000, omitZeroOffset: true },
		listKey: 'content_blocks',
	},
	onUnclearAnswer: askAgain(CHANGES.read),
	outputsDispatchId: false,
};
