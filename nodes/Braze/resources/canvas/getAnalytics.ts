import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { isPlainObject } from '../../helpers/values/object';
import { keysOf, seriesItems } from '../../shared/reads/output';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { addCanvasPeriod } from './fields/period';

/** The query keys of Canvas › Get Analytics and Get Summary, before the period step adds its own. */
export const CANVAS_REPORT_KEYS = [
	'canvas_id',
	'length',
	'include_variant_breakdown',
	'include_step_breakdown',
	'include_deleted_step_data',
];

/**
 * Canvas Journey › Get Analytics: GET /canvas/data_series, per day up to ending_at (always sent)
 * for `length` days (1–14) or from starting_at: entries, conversions and revenue in total_stats,
 * per variant and per step when asked
 * (https://www.braze.com/docs/api/endpoints/export/canvas/get_canvas_analytics).
 */
export const getCanvasAnalyticsOperation: OperationSpec = {
	name: 'Get Analytics',
	value: 'getAnalytics',
	action: "Get a canvas's analytics",
	description:
		"Read a Canvas's numbers per day (1 to 14 days, or from a start time, up to Ending At), e.g. to post yesterday's entries and conversions to Slack or a sheet. One output item per day: canvas_id, name, time, total_stats (entries, conversions, revenue), and with Breakdown variant_stats and step_stats.",
	url: '/canvas/data_series',
	method: 'GET',
	permission: 'canvas.data_series',
	prepare: [keepOnlyKeys(CANVAS_REPORT_KEYS), addCanvasPeriod],
	echoBodyKeys: ['canvas_id'],
	outputItems: seriesItems({
		points: (json) => (isPlainObject(json.data) ? json.data.stats : undefined),
		listName: 'data.stats',
		carry: (json) => ({
			...keysOf('canvas_id')(json),
			...(isPlainObject(json.data) ? keysOf('name')(json.data) : {}),
		}),
	}),
	onUnclearAnswer: askAgain(CHANGES.read),
};
