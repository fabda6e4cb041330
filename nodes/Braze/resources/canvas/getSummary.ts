import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { isPlainObject } from '../../helpers/values/object';
import { keysOf } from '../../shared/reads/output';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { CANVAS_REPORT_KEYS } from './getAnalytics';
import { addCanvasPeriod } from './fields/period';

const PERIOD_KEYS = ['canvas_id', 'starting_at', 'length', 'ending_at'];

/** One item: the Canvas, the period asked for, and Braze's rollup of it. */
function summaryItem(context: IExecuteSingleFunctions, json: IDataObject): IDataObject[] {
	if (!isPlainObject(json.data)) {
		throw new NodeOperationError(context.getNode(), "Braze's answer has no data", {
			description:
				"Braze answers this request with data, the Canvas's summary. Check the credential's Instance or Custom URL.",
			itemIndex: context.getItemIndex(),
		});
	}
	return [{ ...keysOf(...PERIOD_KEYS)(json), ...json.data }];
}

/**
 * Canvas Journey › Get Summary: GET /canvas/data_summary, the same query as Get Analytics, one
 * rollup of the whole period instead of one entry per day
 * (https://www.braze.com/docs/api/endpoints/export/canvas/get_canvas_analytics_summary).
 */
export const getCanvasSummaryOperation: OperationSpec = {
	name: 'Get Summary',
	value: 'getSummary',
	action: "Get a canvas's summary",
	description:
		"Read a Canvas's totals for a period (1 to 14 days, or from a start time, up to Ending At), e.g. a weekly report of its entries, conversions and revenue. One output item: canvas_id, the period, name, total_stats, and with Breakdown variant_stats and step_stats.",
	url: '/canvas/data_summary',
	method: 'GET',
	permission: 'canvas.data_summary',
	prepare: [keepOnlyKeys(CANVAS_REPORT_KEYS), addCanvasPeriod],
	echoBodyKeys: PERIOD_KEYS,
	outputItems: summaryItem,
	onUnclearAnswer: askAgain(CHANGES.read),
};
