import type { INodeProperties } from 'n8n-workflow';

import { archiveFiltersProperty, listSortProperty } from '../../shared/reads/listFilters';
import { reportOptionsProperty } from '../../shared/reads/options';
import { endingAtProperty } from '../../shared/reads/period';
import type { OperationSpec } from '../../transport/operation';
import { readCanvasIdProperty } from './fields/canvasId';
import { canvasBreakdownProperty, canvasRangeProperties } from './fields/period';
import { getCanvasOperation } from './get';
import { getCanvasAnalyticsOperation } from './getAnalytics';
import { getManyCanvasesOperation } from './getMany';
import { getCanvasSummaryOperation } from './getSummary';

// The Canvas Journey resource's reads. Its form is composed with the trigger operations in
// resources/trigger/canvas.ts, which places these fields before the trigger's Options.

/** In alphabetical order, as n8n's lint asks of the whole Operation list. */
export const canvasReadOperations: OperationSpec[] = [
	getCanvasOperation,
	getCanvasAnalyticsOperation,
	getManyCanvasesOperation,
	getCanvasSummaryOperation,
];

/** The reads' fields, in the order the form shows them. */
export const canvasReadFields: INodeProperties[] = [
	archiveFiltersProperty,
	listSortProperty,
	readCanvasIdProperty,
	...canvasRangeProperties,
	endingAtProperty,
	canvasBreakdownProperty,
	reportOptionsProperty,
];
