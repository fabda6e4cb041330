import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../../helpers/body/types';
import { invalidInput } from '../../../helpers/validation/invalidInput';
import { describeValue } from '../../../helpers/values/describe';
import { endingAtMs, instantOf, utcSeconds } from '../../../shared/reads/period';

// The period and breakdown of Canvas › Get Analytics and Get Summary. Braze's Canvas exports
// require ending_at and either length (1–14 days) or starting_at; each can add variant and step
// breakdowns (https://www.braze.com/docs/api/endpoints/export/canvas/get_canvas_analytics,
// https://www.braze.com/docs/api/endpoints/export/canvas/get_canvas_analytics_summary).

const OPERATIONS = ['getAnalytics', 'getSummary'];
const show = (extra = {}) => ({ show: { resource: ['canvas'], operation: OPERATIONS, ...extra } });

/** Period, then Length or Starting At: shown before the shared Ending At. */
export const canvasRangeProperties: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'rangeBy',
		type: 'options',
		noDataExpression: true,
		default: 'length',
		description: 'How the period before Ending At is given: a number of days, or a start time',
		options: [
			{
				name: 'Number of Days',
				value: 'length',
				description: 'The last 1 to 14 days up to Ending At (sent as length)',
			},
			{
				name: 'From a Start Time',
				value: 'startingAt',
				description: 'From Starting At to Ending At (sent as starting_at)',
			},
		],
		displayOptions: show(),
	},
	{
		displayName: 'Length',
		name: 'length',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, maxValue: 14 },
		default: 7,
		description:
			'How many days to report on, ending with the day of Ending At (1 to 14 for a Canvas; sent as length)',
		displayOptions: show({ rangeBy: ['length'] }),
		routing: { send: { type: 'body', property: 'length' } },
	},
	{
		displayName: 'Starting At',
		name: 'startingAt',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'The start of the period (sent as starting_at, ISO 8601 in UTC); must be before Ending At. A time without an offset is UTC.',
		displayOptions: show({ rangeBy: ['startingAt'] }),
	},
];

/** Breakdown: after Ending At. */
export const canvasBreakdownProperty: INodeProperties = {
	displayName: 'Breakdown',
	name: 'breakdown',
	type: 'collection',
	placeholder: 'Add Breakdown',
	default: {},
	description: "Besides the Canvas's totals, its numbers per variant or per step",
	displayOptions: show(),
	options: [
		{
			displayName: 'Deleted Steps',
			name: 'deletedSteps',
			type: 'boolean',
			default: false,
			description:
				'Whether the step breakdown includes steps deleted since (sent as include_deleted_step_data)',
			routing: { send: { type: 'body', property: 'include_deleted_step_data' } },
		},
		{
			displayName: 'Steps',
			name: 'steps',
			type: 'boolean',
			default: false,
			description:
				"Whether to add each step's numbers and messages, as step_stats (sent as include_step_breakdown)",
			routing: { send: { type: 'body', property: 'include_step_breakdown' } },
		},
		{
			displayName: 'Variants',
			name: 'variants',
			type: 'boolean',
			default: false,
			description:
				"Whether to add each variant's numbers, as variant_stats (sent as include_variant_breakdown)",
			routing: { send: { type: 'body', property: 'include_variant_breakdown' } },
		},
	],
};

const STARTING_AT = {
	label: 'Starting At',
	kind: 'a date and time',
	fix: 'Pick a date in Starting At, or give an ISO 8601 date-time such as 2026-12-01T00:00:00Z (without an offset it is UTC).',
	requiredFix:
		'Pick the start of the period, or set Period to Number of Days. If it comes from an expression, check that it gives a date for this item.',
};

/**
 * Body step: ending_at always (Braze requires it for a Canvas; empty Ending At is the time of the
 * run), and starting_at instead of length when Period says so, before ending_at.
 */
export function addCanvasPeriod(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const end = Math.floor(endingAtMs(context) / 1000) * 1000;
	body.ending_at = utcSeconds(end);
	const rangeBy: unknown = context.getNodeParameter('rangeBy', 'length');
	if (rangeBy === 'length') return;
	if (rangeBy !== 'startingAt') {
		throw invalidInput(
			context,
			`Period must be Number of Days or From a Start Time, but it is ${describeValue(rangeBy)}`,
			'Pick one of the two in Period.',
		);
	}
	const start = instantOf(context, 'startingAt', STARTING_AT) as number;
	if (Math.floor(start / 1000) * 1000 >= end) {
		throw invalidInput(
			context,
			`Starting At (${utcSeconds(start)}) is not before Ending At (${utcSeconds(end)})`,
			'Braze reports on the period from Starting At to Ending At: pick a Starting At before Ending At, or an Ending At after it (an empty Ending At is the time of the run).',
		);
	}
	delete body.length;
	body.starting_at = utcSeconds(start);
}
