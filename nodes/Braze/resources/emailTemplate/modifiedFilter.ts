import type { INodeProperties } from 'n8n-workflow';

import type { BodyStep } from '../../helpers/body/types';
import { dateParameter } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { parseTime, utcIso } from '../../shared/schedule';

/**
 * Filters of Email Template › Get Many and Content Block › Get Many: Braze lists only what was
 * last changed at or after modified_after and at or before modified_before
 * (https://www.braze.com/docs/api/endpoints/templates/email_templates/get_list_email_templates,
 * https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/get_list_email_content_blocks).
 * One definition for both (routing walks every top-level field for every item).
 */
export const modifiedFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'Only those last changed in a period (both ends included)',
	displayOptions: { show: { resource: ['emailTemplate', 'contentBlock'], operation: ['getMany'] } },
	options: [
		{
			displayName: 'Modified After',
			name: 'modifiedAfter',
			type: 'dateTime',
			default: '',
			description:
				'Only those last changed at or after this time (modified_after). A time without a time zone is taken as UTC, and is sent in UTC.',
		},
		{
			displayName: 'Modified Before',
			name: 'modifiedBefore',
			type: 'dateTime',
			default: '',
			description:
				'Only those last changed at or before this time (modified_before). A time without a time zone is taken as UTC, and is sent in UTC.',
		},
	],
};

const FIX =
	'Pick a date and time, or give an ISO 8601 date-time such as 2026-12-01T09:00:00Z (a time-zone offset runs from -12:00 to +14:00).';

/** The instant a Filters date names, or undefined when it is empty. */
function filterTime(
	context: Parameters<BodyStep>[0],
	name: string,
	label: string,
): number | undefined {
	const words = { label: `Filters › ${label}`, kind: 'a date and time', fix: FIX };
	return dateParameter(context, `filters.${name}`, words, parseTime)?.epochMs;
}

/** Email templates: ISO 8601 in UTC, e.g. 2026-12-01T09:00:00Z. */
export const isoUtc = (epochMs: number): string => utcIso(epochMs);

/** Content Blocks: Braze's yyyy-mm-ddThh:mm:ss.ffffff, in UTC. */
export const microsecondsUtc = (epochMs: number): string =>
	`${new Date(epochMs).toISOString().slice(0, 23)}000`;

/**
 * The body step that adds the Filters' times in the endpoint's format, refusing a range that
 * ends before it starts.
 */
export function addModifiedRange(format: (epochMs: number) => string): BodyStep {
	return function addModified(context, body) {
		const after = filterTime(context, 'modifiedAfter', 'Modified After');
		const before = filterTime(context, 'modifiedBefore', 'Modified Before');
		if (after !== undefined && before !== undefined && after > before) {
			throw invalidInput(
				context,
				`Filters › Modified After (${utcIso(after)}) is later than Modified Before (${utcIso(before)})`,
				'Swap the two dates, or clear one of them: Braze lists what was changed between Modified After and Modified Before.',
			);
		}
		if (after !== undefined) body.modified_after = format(after);
		if (before !== undefined) body.modified_before = format(before);
	};
}
