import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { instantOf, utcSeconds } from './period';

// The filters and sort of Braze's page-numbered exports: /segments/list takes sort_direction;
// /campaigns/list and /canvas/list also include_archived and last_edit.time[gt]
// (https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaigns,
// https://www.braze.com/docs/api/endpoints/export/canvas/get_canvases).

/** Braze's query key of Edited After, a key with a dot and brackets (so no routing writes it). */
export const EDITED_AFTER_KEY = 'last_edit.time[gt]';

/** Sort on Segment, Campaign and Canvas Journey › Get Many. */
export const listSortProperty: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'collection',
	placeholder: 'Add Sort',
	default: {},
	description: 'The order Braze lists them in: by when they were created, oldest first unless set',
	displayOptions: { show: { resource: ['segment', 'campaign', 'canvas'], operation: ['getMany'] } },
	options: [
		{
			displayName: 'Direction',
			name: 'sortDirection',
			type: 'options',
			default: 'asc',
			description: 'Braze sorts by creation time (sent as sort_direction)',
			options: [
				{
					name: 'Oldest First',
					value: 'asc',
					description: "The first created first (Braze's default)",
				},
				{ name: 'Newest First', value: 'desc', description: 'The most recently created first' },
			],
			routing: { send: { type: 'body', property: 'sort_direction' } },
		},
	],
};

/** Filters on Campaign and Canvas Journey › Get Many. */
export const archiveFiltersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'Which to list: archived ones too, or only those edited after a time',
	displayOptions: { show: { resource: ['campaign', 'canvas'], operation: ['getMany'] } },
	options: [
		{
			displayName: 'Edited After',
			name: 'editedAfter',
			type: 'dateTime',
			default: '',
			description:
				'Only those last edited after this time (sent as last_edit.time[gt], in UTC). A time without an offset is UTC.',
		},
		{
			displayName: 'Include Archived',
			name: 'includeArchived',
			type: 'boolean',
			default: false,
			description:
				'Whether to list archived ones too (sent as include_archived). Stopped but not archived ones are always listed.',
			routing: { send: { type: 'body', property: 'include_archived' } },
		},
	],
};

const EDITED_AFTER = {
	label: 'Filters › Edited After',
	kind: 'a date and time',
	fix: 'Pick a date in Edited After, or give an ISO 8601 date-time such as 2026-12-01T09:00:00Z (without an offset it is UTC).',
};

/** Body step: Edited After as last_edit.time[gt], in UTC, when set. */
export function addEditedAfter(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const after = instantOf(context, 'filters.editedAfter', EDITED_AFTER);
	if (after !== undefined) body[EDITED_AFTER_KEY] = utcSeconds(after);
}
