import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { booleanField, dateParameter, idField } from '../helpers/validation/fieldValues';
import { dateObjectToIso, isDateObject } from '../helpers/values/date';
import { invalidInput } from '../helpers/validation/invalidInput';

/**
 * Braze documents no latest date for a schedule. A message set more than five years ahead is
 * almost surely a slip (9999-12-31 as "no date", 2062 typed for 2026): it would wait silently in
 * Braze instead of going out, so it is refused.
 */
export const MAX_YEARS_AHEAD = 5;

/** The latest time zone is UTC−12: a local time there arrives 12 hours after the same UTC time. */
const LATEST_ZONE_OFFSET_MS = 12 * 3600 * 1000;

/** The resources with Schedule, Update Schedule and Delete Schedule operations. */
const SCHEDULING_RESOURCES = ['message', 'campaign', 'canvas'];
/**
 * Send At and its modes on every Schedule. Message › Update Schedule shows copies while "Update
 * Send At" is on (resources/message/updateSchedule.ts); Campaign and Canvas › Update Schedule
 * show their own copies (resources/trigger/updateSchedule.ts).
 */
const showForScheduleTime = { show: { resource: SCHEDULING_RESOURCES, operation: ['schedule'] } };

/** The id Braze gave a schedule: Update Schedule and Delete Schedule act on it. */
export const scheduleIdProperty: INodeProperties = {
	displayName: 'Schedule ID',
	name: 'scheduleId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. {{ $json.schedule_id }}',
	description:
		"The schedule_id that this resource's Schedule operation output (Braze only tells it at creation)",
	displayOptions: {
		show: { resource: SCHEDULING_RESOURCES, operation: ['updateSchedule', 'deleteSchedule'] },
	},
	routing: { send: { type: 'body', property: 'schedule_id' } },
};

export const scheduleTimeProperties: INodeProperties[] = [
	{
		displayName: 'Send At',
		name: 'scheduleTime',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'When Braze sends the message (schedule.time, ISO 8601). A time without an offset is taken as UTC, and must be in the future. With In Local Time or At Optimal Time, only the date and clock time count: they are sent without a time zone (e.g. 2026-12-01T09:00:00).',
		displayOptions: showForScheduleTime,
	},
	{
		displayName: 'In Local Time',
		name: 'inLocalTime',
		type: 'boolean',
		default: false,
		description:
			"Whether to send at Send At's clock time in each user's own time zone (schedule.in_local_time). Braze refuses it once that time has passed in every time zone. Not together with At Optimal Time.",
		displayOptions: showForScheduleTime,
	},
	{
		displayName: 'At Optimal Time',
		name: 'atOptimalTime',
		type: 'boolean',
		default: false,
		description:
			"Whether to send on Send At's date at each user's optimal time, the time they are most likely to engage (schedule.at_optimal_time). Not together with In Local Time.",
		displayOptions: showForScheduleTime,
	},
];

export interface ParsedTime {
	/** Date and clock time as written, without a time zone: YYYY-MM-DDTHH:mm:ss. */
	wallClock: string;
	/** The instant, taking a missing offset as UTC. */
	epochMs: number;
}

const TIME_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function textOf(value: unknown): string | undefined {
	if (isDateObject(value)) return dateObjectToIso(value);
	if (typeof value === 'string') return value.trim();
	return undefined;
}

/** A date and time as the form gives it (text or a date object), or undefined if it is none. */
export function parseTime(value: unknown): ParsedTime | undefined {
	const text = textOf(value);
	const match = text ? TIME_PATTERN.exec(text) : null;
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = ''] = match;
	const parts = [y, mo, d, h, mi, s].map(Number);
	const ms = Number(`0.${fraction || '0'}`) * 1000;
	const local = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], ms);
	const check = new Date(local);
	if (
		check.getUTCFullYear() !== parts[0] ||
		check.getUTCMonth() !== parts[1] - 1 ||
		check.getUTCDate() !== parts[2] ||
		parts[3] > 23 ||
		parts[4] > 59 ||
		parts[5] > 59
	) {
		return undefined;
	}
	let offsetMs = 0;
	if (zone && zone.toUpperCase() !== 'Z') {
		const digits = zone.replace(':', '');
		const sign = digits.startsWith('-') ? -1 : 1;
		const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
		// Real offsets run from −12:00 to +14:00; "+99:00" is a typo, not a time zone.
		if (Number(digits.slice(3, 5) || 0) > 59 || minutes > (sign < 0 ? 12 : 14) * 60)
			return undefined;
		offsetMs = sign * minutes * 60000;
	}
	return { wallClock: `${y}-${mo}-${d}T${h}:${mi}:${s}`, epochMs: local - offsetMs };
}

/** An instant in ISO 8601 UTC, without milliseconds when they are 0. */
export function utcIso(epochMs: number): string {
	return new Date(epochMs).toISOString().replace(/\.000Z$/, 'Z');
}

const SEND_AT = {
	label: 'Send At',
	kind: 'a date and time',
	fix: 'Pick a date in Send At, or give an ISO 8601 date-time such as 2026-12-01T09:00:00Z (a time-zone offset runs from -12:00 to +14:00).',
	requiredFix:
		'Pick the date and time Braze should send the message. If it comes from an expression, check that it gives a date for this item.',
};

/**
 * Builds `schedule` from Send At, In Local Time and At Optimal Time: UTC in ISO 8601,
 * or, for local or optimal time, the clock time without a time-zone designator.
 */
export function buildSchedule(context: IExecuteSingleFunctions, now = Date.now()): IDataObject {
	const flag = (name: string, label: string) =>
		booleanField(context, context.getNodeParameter(name, false), label, false);
	const inLocalTime = flag('inLocalTime', 'In Local Time');
	const atOptimalTime = flag('atOptimalTime', 'At Optimal Time');
	if (inLocalTime && atOptimalTime) {
		throw invalidInput(
			context,
			'In Local Time and At Optimal Time cannot both be on',
			"Pick one: In Local Time sends at Send At's clock time in each user's time zone; At Optimal Time sends on Send At's date at each user's best time.",
		);
	}
	const parsed = dateParameter(context, 'scheduleTime', SEND_AT, parseTime);
	assertNotTooFar(context, parsed, now);
	if (inLocalTime || atOptimalTime) {
		if (inLocalTime && parsed.epochMs + LATEST_ZONE_OFFSET_MS < now) {
			throw invalidInput(
				context,
				`Send At (${parsed.wallClock}) has already passed in every time zone`,
				'With In Local Time, Braze refuses a time that has passed everywhere. Pick a later date and time.',
			);
		}
		return {
			time: parsed.wallClock,
			...(inLocalTime ? { in_local_time: true } : { at_optimal_time: true }),
		};
	}
	if (parsed.epochMs < now) {
		throw invalidInput(
			context,
			`Send At (${utcIso(parsed.epochMs)}) is in the past`,
			`A schedule needs a future time; it is now ${utcIso(Math.floor(now / 1000) * 1000)} (UTC). Pick a later time (a time without an offset counts as UTC), or use the Send or Trigger operation to send now.`,
		);
	}
	return { time: utcIso(parsed.epochMs) };
}

/** The Schedule step: `schedule` from Send At and its modes. */
export function addSchedule(context: IExecuteSingleFunctions, body: IDataObject): void {
	body.schedule = buildSchedule(context);
}

function assertNotTooFar(context: IExecuteSingleFunctions, parsed: ParsedTime, now: number): void {
	const latest = new Date(now);
	latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD);
	if (parsed.epochMs > latest.getTime()) {
		throw invalidInput(
			context,
			`Send At (${parsed.wallClock}) is more than ${MAX_YEARS_AHEAD} years ahead`,
			`Check the year in Send At: the node refuses schedules after ${utcIso(latest.getTime())}, because a date that far away is almost always a typo or a placeholder such as 9999-12-31.`,
		);
	}
}

/** Schedule ID: trimmed, not empty. */
export function assertValidScheduleId(context: IExecuteSingleFunctions, body: IDataObject): void {
	const id = idField(context, body.schedule_id, 'Schedule ID');
	if (!id) {
		throw invalidInput(
			context,
			'Schedule ID is required',
			"Give the schedule_id that this resource's Schedule operation output, for example {{ $json.schedule_id }}.",
		);
	}
	body.schedule_id = id;
}
