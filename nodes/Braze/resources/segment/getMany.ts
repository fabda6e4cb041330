import { keepOnlyKeys } from '../../helpers/body/requestBody';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Segment › Get Many: GET /segments/list, 100 segments a page (?page=0, 1, …), oldest first by
 * creation time unless sorted (Sort, shared/reads/listFilters.ts); archived segments are never
 * listed (https://www.braze.com/docs/api/endpoints/export/segments/get_segment).
 */
export const getManySegmentsOperation: OperationSpec = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many segments',
	description:
		"List the workspace's segments (ID, name, tags, whether analytics tracking is on), e.g. to find a segment's ID by its name before a send or a report. Archived segments are not listed.",
	url: '/segments/list',
	method: 'GET',
	permission: 'segments.list',
	prepare: [keepOnlyKeys(['sort_direction'])],
	paging: { style: { kind: 'page', size: 100 }, listKey: 'segments' },
	onUnclearAnswer: askAgain(CHANGES.read),
};
