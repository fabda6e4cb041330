import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { parseTime } from '../../../shared/schedule';
import { waits } from '../../../transport/request/rateLimit';
import { dateParameter } from '../../../helpers/validation/fieldValues';
import { invalidInput } from '../../../helpers/validation/invalidInput';

/**
 * Start Date and End Date of Braze's email and SMS list exports (unsubscribes, hard bounces,
 * invalid phone numbers). Braze takes bare dates, YYYY-MM-DD, and reads each as midnight UTC at
 * its start; start_date must be earlier than end_date
 * (https://www.braze.com/docs/api/endpoints/email/get_query_unsubscribed_email_addresses,
 * https://www.braze.com/docs/api/endpoints/email/get_list_hard_bounces,
 * https://www.braze.com/docs/api/endpoints/sms/get_query_invalid_numbers).
 * The node always sends end_date: the newest pages require it, older ones allowed it.
 */
export function dayRangeOptions(listed: string): INodeProperties[] {
	return [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: `List ${listed} from this date on (start_date). Braze reads only the date, as midnight UTC at its start: 2026-12-01 starts at 2026-12-01T00:00:00Z. The time of day and any time zone are ignored.`,
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: `List ${listed} up to this date (end_date), which must be after Start Date. Braze reads only the date, as midnight UTC at its start: 2026-12-02 ends at 2026-12-02T00:00:00Z, so to include all of a day pick the day after it. Empty: up to now (tomorrow's date is sent).`,
		},
	];
}

/** The query's dates: start_date when given, end_date always. */
export interface DayRange {
	start_date?: string;
	end_date: string;
}

const DAY_MS = 24 * 3600 * 1000;

const words = (label: string) => ({
	label,
	kind: 'a date',
	fix: `Pick a date in Filters › ${label}, or give an ISO 8601 date such as 2026-12-01 (an expression such as {{ $today.minus({ days: 1 }) }} works too).`,
});

/** A date filter's day as Braze reads it (YYYY-MM-DD), or undefined when it is empty. */
function dayOf(context: IExecuteSingleFunctions, name: string, label: string): string | undefined {
	return dateParameter(context, `filters.${name}`, words(label), parseTime)?.wallClock.slice(0, 10);
}

/**
 * Filters › Start Date and End Date as Braze's start_date and end_date, checked: a start date is
 * required unless the item looks an address up (`lookup`: Email or Phone Numbers, which Braze
 * answers whatever the dates), and must be before the end date. End Date empty: tomorrow (UTC),
 * so the list runs up to now.
 */
export function readDayRange(
	context: IExecuteSingleFunctions,
	lookup: { given: boolean; label: string; listed: string },
): DayRange {
	const start = dayOf(context, 'startDate', 'Start Date');
	const given = dayOf(context, 'endDate', 'End Date');
	const end =
		given ?? new Date(Math.floor(waits.now() / DAY_MS + 1) * DAY_MS).toISOString().slice(0, 10);
	if (start === undefined) {
		if (lookup.given) return { end_date: end };
		throw invalidInput(
			context,
			`Filters › Start Date is empty: Braze lists ${lookup.listed} between two dates, or looks up ${lookup.label}`,
			`Add Filters › Start Date (e.g. {{ $today.minus({ days: 1 }) }} for yesterday's), or Filters › ${lookup.label} to look it up.`,
		);
	}
	if (start >= end) {
		const endWords = given === undefined ? `${end}: End Date is empty, so tomorrow` : end;
		throw invalidInput(
			context,
			`Filters › Start Date (${start}) is not before End Date (${endWords})`,
			"Braze lists from midnight UTC at the start of Start Date up to midnight UTC at the start of End Date, so End Date must be a later day than Start Date. For all of one day, set End Date to the day after it; for yesterday's, Start Date {{ $now.toUTC().minus({ days: 1 }).toISODate() }} and End Date {{ $now.toUTC().toISODate() }}.",
		);
	}
	return { start_date: start, end_date: end };
}
