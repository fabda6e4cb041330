import { resourceProperties } from '../resource';
import { readOptions } from '../emailTemplate/requestOptions';
import { getKpiOperation, metricField } from './get';
import { endingAtField, lengthField, seriesFilters } from './series';

/** The KPI form: the workspace's daily and monthly active users, new users and uninstalls. */
export const kpiProperties = resourceProperties(
	'kpi',
	[getKpiOperation],
	[metricField, lengthField, endingAtField, seriesFilters, readOptions],
	'get',
);
