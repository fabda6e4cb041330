import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { keysOf, seriesItems } from '../../shared/reads/output';
import { addEndingAt } from '../../shared/reads/period';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Segment › Get Analytics: GET /segments/data_series, the segment's estimated size per day for
 * `length` days (1–100) ending at ending_at. Braze keeps this history only for segments with
 * analytics tracking on (https://www.braze.com/docs/api/endpoints/export/segments/get_segment_analytics).
 */
export const getSegmentAnalyticsOperation: OperationSpec = {
	name: 'Get Analytics',
	value: 'getAnalytics',
	action: "Get a segment's size over time",
	description:
		"Read a segment's estimated size per day (1 to 100 days up to Ending At), e.g. to chart audience growth or post it in a daily report. One output item per day: segment_id, time, size. Only segments with analytics tracking on have a history.",
	url: '/segments/data_series',
	method: 'GET',
	permission: 'segments.data_series',
	prepare: [keepOnlyKeys(['segment_id', 'length']), addEndingAt],
	echoBodyKeys: ['segment_id'],
	outputItems: seriesItems({
		points: (json) => json.data,
		listName: 'data',
		carry: keysOf('segment_id'),
	}),
	onUnclearAnswer: askAgain(CHANGES.read),
};
