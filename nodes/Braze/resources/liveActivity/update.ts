import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { addContentState, addStaleDate, dateStep, RESOURCE } from './activityFields';
import { addUpdateNotification } from './notification';

const showForUpdate = showFor(RESOURCE, ['update']);

/** The fields only Update shows. */
export const updateProperties: INodeProperties[] = [
	{
		displayName: 'End Activity',
		name: 'endActivity',
		type: 'boolean',
		default: false,
		description:
			'Whether this update ends the Live Activity (end_activity). An ended activity stays on the Lock Screen until the Dismissal Date, and a date in the past removes it at once; without one, iOS decides (at most 4 hours).',
		displayOptions: showForUpdate,
		routing: { send: { type: 'body', property: 'end_activity' } },
	},
	{
		displayName: 'Dismissal Date',
		name: 'dismissalDate',
		type: 'dateTime',
		default: '',
		description:
			'When iOS removes the activity from the screen (dismissal_date, ISO 8601). With End Activity on, a date in the past removes it at once; with End Activity off, the date is only updated and the activity stays until it ends.',
		displayOptions: showForUpdate,
	},
];

/** Live Activity › Update: POST /messages/live_activity/update. */
export const updateOperation: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a live activity',
	description:
		"Change the content of a running iOS Live Activity (e.g. a new score or delivery step), or end it, on every device that has it (POST /messages/live_activity/update). The activity is named by App ID and Activity ID alone. Outputs app_id, activity_id and Braze's message.",
	url: '/messages/live_activity/update',
	permission: 'messages.live_activity.update',
	prepare: [
		addContentState,
		dateStep('dismissalDate', 'Dismissal Date', 'dismissal_date'),
		addStaleDate,
		addUpdateNotification,
	],
	echoBodyKeys: ['app_id', 'activity_id'],
	onUnclearAnswer: report(CHANGES.liveActivityUpdate),
};
