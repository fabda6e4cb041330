import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { answerRecord } from '../../shared/reads/output';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Segment › Get: GET /segments/details?segment_id=…, one segment's name, descriptions, dates,
 * tags and teams; Braze's answer does not name the segment, so the output adds segment_id
 * (https://www.braze.com/docs/api/endpoints/export/segments/get_segment_details).
 */
export const getSegmentOperation: OperationSpec = {
	name: 'Get',
	value: 'get',
	action: 'Get a segment',
	description:
		"Read one segment's details (name, description of its filters, tags, teams, created_at, updated_at) by its ID, e.g. to show what a segment means before sending to it. One output item, with segment_id.",
	url: '/segments/details',
	method: 'GET',
	permission: 'segments.details',
	prepare: [keepOnlyKeys(['segment_id'])],
	echoBodyKeys: ['segment_id'],
	outputItems: answerRecord,
	onUnclearAnswer: askAgain(CHANGES.read),
};
