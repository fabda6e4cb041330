import type { INodeProperties } from 'n8n-workflow';

import { brazeIdLocator } from '../../helpers/form/locator';
import { keysOf, seriesItems } from '../../shared/reads/output';

/**
 * What KPI › Get and Custom Event › Get Analytics share: Braze's data series, `length` units
 * (1–100) counting back from `ending_at` (ISO 8601, default now), for all apps or one `app_id`
 * (https://www.braze.com/docs/api/endpoints/export/kpi/get_kpi_dau_date,
 * https://www.braze.com/docs/api/endpoints/export/custom_events/get_custom_events_analytics).
 * Each field is defined once for both (routing walks every top-level field for every item); the
 * steps are the other reports' (shared/reads).
 */
const SHOW = { show: { resource: ['kpi', 'customEvent'], operation: ['get', 'getAnalytics'] } };

export const lengthField: INodeProperties = {
	displayName: 'Length',
	name: 'length',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100 },
	required: true,
	default: 14,
	description:
		'How many days to return (for a custom event by the hour: how many hours), 1 to 100, counting back from Ending At',
	displayOptions: SHOW,
	routing: { send: { type: 'body', property: 'length' } },
};

export const endingAtField: INodeProperties = {
	displayName: 'Ending At',
	name: 'endingAt',
	type: 'dateTime',
	default: '',
	description:
		'Where the series ends (sent as ending_at, ISO 8601 in UTC). A time without an offset is UTC. Empty: the time of the run. The last data point is the day (or hour) this falls in.',
	displayOptions: SHOW,
};

export const seriesFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'Count one app only, or (for a custom event) one segment only',
	displayOptions: SHOW,
	options: [
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
			description:
				'Count one app only: its API identifier (Settings › APIs and Identifiers). Empty: every app of the workspace.',
			routing: { send: { type: 'body', property: 'app_id' } },
		},
		{
			displayName: 'Segment',
			name: 'segmentId',
			...brazeIdLocator('searchSegments', 'seg-0a1b2c3d'),
			description:
				"Count only the users of this segment. Braze takes only segments with analytics tracking on (the segment's settings).",
			displayOptions: { show: { '/resource': ['customEvent'] } },
			routing: { send: { type: 'body', property: 'segment_id' } },
		},
	],
};

/**
 * One output item per point of the series, oldest first, as Braze gives it: `time` (a date, or a
 * date and time by the hour) and the count under Braze's key (dau, mau, new_users, uninstalls,
 * count), with the IDs it was asked for (app_id, and event and segment_id for a custom event).
 */
export const eachDataPoint = seriesItems({
	points: (json) => json.data,
	listName: 'data',
	carry: keysOf('event', 'app_id', 'segment_id'),
});

/** The body keys each data point carries (echoed into the answer, then onto each point). */
export const CARRIED_KEYS = ['event', 'app_id', 'segment_id'];
