import type { INodeProperties } from 'n8n-workflow';

import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { showFor } from '../../helpers/form/displayOptions';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { addEndingAt } from '../../shared/reads/period';
import { CARRIED_KEYS, eachDataPoint } from '../kpi/series';

/**
 * Custom Event › Get Analytics: GET /events/data_series, how often one custom event happened
 * in each of the last `length` days or hours, for all apps or one, all users or one
 * analytics-enabled segment
 * (https://www.braze.com/docs/api/endpoints/export/custom_events/get_custom_events_analytics).
 * Length, Ending At and Filters are series.ts's, shared with KPI › Get.
 */
const show = showFor('customEvent', ['getAnalytics']);

export const eventNameField: INodeProperties = {
	displayName: 'Event Name',
	name: 'event',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. completed_order',
	description:
		'The custom event to count, by its name as recorded (Custom Event › Get Many lists the names)',
	displayOptions: show,
	routing: { send: { type: 'body', property: 'event' } },
};

export const unitField: INodeProperties = {
	displayName: 'Unit',
	name: 'unit',
	type: 'options',
	default: 'day',
	description: 'Count by the day (time is a date) or by the hour (time is a date and time)',
	options: [
		{ name: 'Day', value: 'day', description: 'One count per day; time is a date (the default)' },
		{ name: 'Hour', value: 'hour', description: 'One count per hour; time is a date and time' },
	],
	displayOptions: show,
	routing: { send: { type: 'body', property: 'unit' } },
};

export const getEventAnalyticsOperation: OperationSpec = {
	name: 'Get Analytics',
	value: 'getAnalytics',
	action: 'Get analytics of a custom event',
	description:
		'Count how often one custom event happened in each of the last days or hours, one output item per day or hour with its time and count, optionally for one app or one segment, e.g. to report daily orders or to alert when an event stops arriving',
	url: '/events/data_series',
	method: 'GET',
	permission: 'events.data_series',
	prepare: [keepOnlyKeys(['event', 'length', 'unit', 'app_id', 'segment_id']), addEndingAt],
	echoBodyKeys: CARRIED_KEYS,
	outputItems: eachDataPoint,
	onUnclearAnswer: askAgain(CHANGES.read),
	outputsDispatchId: false,
};
