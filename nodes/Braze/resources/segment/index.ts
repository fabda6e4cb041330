import { reportOptionsProperty } from '../../shared/reads/options';
import { endingAtProperty, seriesLengthProperty } from '../../shared/reads/period';
import { listSortProperty } from '../../shared/reads/listFilters';
import { resourceProperties } from '../resource';
import { getSegmentOperation } from './get';
import { getSegmentAnalyticsOperation } from './getAnalytics';
import { getManySegmentsOperation } from './getMany';
import { segmentIdProperty } from './fields/segmentId';

/** The Segment form: read-only operations on the workspace's segments. */
export const segmentProperties = resourceProperties(
	'segment',
	[getSegmentOperation, getSegmentAnalyticsOperation, getManySegmentsOperation],
	[
		listSortProperty,
		segmentIdProperty,
		seriesLengthProperty,
		endingAtProperty,
		reportOptionsProperty,
	],
	'getMany',
);
