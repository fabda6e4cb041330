import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { showFor } from '../../helpers/form/displayOptions';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { describeValue } from '../../helpers/values/describe';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { addEndingAt } from '../../shared/reads/period';
import { CARRIED_KEYS, eachDataPoint } from './series';

/**
 * KPI › Get: GET /kpi/{dau,mau,new_users,uninstalls}/data_series, one of Braze's four KPIs day
 * by day, each under its own endpoint and permission
 * (https://www.braze.com/docs/api/endpoints/export/kpi/get_kpi_dau_date,
 * https://www.braze.com/docs/api/endpoints/export/kpi/get_kpi_mau_30_days,
 * https://www.braze.com/docs/api/endpoints/export/kpi/get_kpi_daily_new_users_date,
 * https://www.braze.com/docs/api/endpoints/export/kpi/get_kpi_uninstalls_date).
 */
const METRICS = ['dau', 'mau', 'new_users', 'uninstalls'];

export const metricField: INodeProperties = {
	displayName: 'Metric',
	name: 'metric',
	type: 'options',
	default: 'dau',
	description: 'Which KPI to return, one output item per day',
	options: [
		{
			name: 'Daily Active Users',
			value: 'dau',
			description: 'Unique users active each day (dau)',
		},
		{
			name: 'Monthly Active Users',
			value: 'mau',
			description: 'Unique users active over the 30 days up to each day (mau)',
		},
		{ name: 'New Users', value: 'new_users', description: 'Users first seen each day (new_users)' },
		{
			name: 'Uninstalls',
			value: 'uninstalls',
			description: 'App uninstalls Braze detected each day (uninstalls)',
		},
	],
	displayOptions: showFor('kpi', ['get']),
};

/** The Metric, checked: an expression may give anything. */
function metricOf(context: IExecuteSingleFunctions): string {
	const metric: unknown = context.getNodeParameter('metric', 'dau');
	if (typeof metric !== 'string' || !METRICS.includes(metric)) {
		throw invalidInput(
			context,
			`Metric cannot be ${describeValue(metric)}`,
			`Pick a Metric from the list, or make its expression give one of: ${METRICS.join(', ')}.`,
		);
	}
	return metric;
}

export const getKpiOperation: OperationSpec = {
	name: 'Get',
	value: 'get',
	action: 'Get a KPI',
	description:
		"Get one of the workspace's KPIs (daily active users, monthly active users, new users or uninstalls) for each of the last days, one output item per day with its date and count, e.g. to post yesterday's numbers to Slack or a sheet every morning",
	url: '/kpi/dau/data_series',
	path: (context) => `/kpi/${metricOf(context)}/data_series`,
	method: 'GET',
	permission: (context) => `kpi.${metricOf(context)}.data_series`,
	prepare: [keepOnlyKeys(['length', 'app_id']), addEndingAt],
	echoBodyKeys: CARRIED_KEYS,
	outputItems: eachDataPoint,
	onUnclearAnswer: askAgain(CHANGES.read),
	outputsDispatchId: false,
};
