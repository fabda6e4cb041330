import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { dateParameter } from '../../helpers/validation/fieldValues';
import type { DateFieldWords } from '../../helpers/validation/fieldValues';
import { waits } from '../../transport/request/rateLimit';
import { parseTime, utcIso } from '../schedule';

// The period of Braze's analytics exports: `length` days before `ending_at`, an ISO 8601
// date-time (https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaign_analytics).

/** The series that take a length of 1 to 100 days. */
const HUNDRED_DAY_SERIES = {
	resource: ['segment', 'campaign', 'sendId'],
	operation: ['getAnalytics'],
};

/** Ending At on every analytics read (Canvas › Get Summary too). */
export const endingAtProperty: INodeProperties = {
	displayName: 'Ending At',
	name: 'endingAt',
	type: 'dateTime',
	default: '',
	description:
		'The end of the period to report on (sent as ending_at, ISO 8601 in UTC). A time without an offset is UTC. Empty: the time of the run. The last data point is the day this falls on.',
	displayOptions: {
		show: {
			resource: ['segment', 'campaign', 'sendId', 'canvas'],
			operation: ['getAnalytics', 'getSummary'],
		},
	},
};

/** Length on Segment, Campaign and Send ID › Get Analytics: 1 to 100 days. */
export const seriesLengthProperty: INodeProperties = {
	displayName: 'Length',
	name: 'length',
	type: 'number',
	required: true,
	typeOptions: { minValue: 1, maxValue: 100 },
	default: 7,
	description:
		'How many days to report on, ending with the day of Ending At (1 to 100; sent as length). One output item per day.',
	displayOptions: { show: HUNDRED_DAY_SERIES },
	routing: { send: { type: 'body', property: 'length' } },
};

const ENDING_AT = {
	label: 'Ending At',
	kind: 'a date and time',
	fix: 'Pick a date in Ending At, or give an ISO 8601 date-time such as 2026-12-01T23:59:59Z (without an offset it is UTC), or leave it empty for the time of the run.',
};

/** A date and time as Braze's exports take it: ISO 8601 in UTC, whole seconds (…Z). */
export function utcSeconds(epochMs: number): string {
	return utcIso(Math.floor(epochMs / 1000) * 1000);
}

/**
 * The instant a date field names, in epoch ms (a time without an offset is UTC; an offset runs
 * from -12:00 to +14:00); undefined when it is empty and optional.
 */
export function instantOf(
	context: IExecuteSingleFunctions,
	name: string,
	words: DateFieldWords,
): number | undefined {
	return dateParameter(context, name, words, parseTime)?.epochMs;
}

/** Ending At as an instant: what the field names, or the time of the run. */
export function endingAtMs(context: IExecuteSingleFunctions): number {
	return instantOf(context, 'endingAt', ENDING_AT) ?? waits.now();
}

/**
 * Body step: ending_at, always sent (Braze's Canvas exports require it; the others would take
 * the time of the request, which is what an empty Ending At gives here too).
 */
export function addEndingAt(context: IExecuteSingleFunctions, body: BrazeBody): void {
	body.ending_at = utcSeconds(endingAtMs(context));
}
