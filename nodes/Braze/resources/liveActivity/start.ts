import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { showFor } from '../../helpers/form/displayOptions';
import { addLiveActivityRecipients } from '../../shared/sendTo';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { addContentState, addStaleDate, readObjectField, RESOURCE } from './activityFields';
import { addStartNotification } from './notification';
import { assertLiveActivityTargeting } from './targeting';

const showForStart = showFor(RESOURCE, ['start']);

/** The fields only Start shows. */
export const startProperties: INodeProperties[] = [
	{
		displayName: 'Activity Attributes Type',
		name: 'activityAttributesType',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. SportsActivityAttributes',
		description:
			'The ActivityAttributes type the app registered with liveActivities.registerPushToStart (activity_attributes_type), spelled exactly as in the app',
		displayOptions: showForStart,
		routing: { send: { type: 'body', property: 'activity_attributes_type' } },
	},
	{
		displayName: 'Activity Attributes',
		name: 'activityAttributes',
		type: 'json',
		default: '',
		required: true,
		placeholder: '{"homeTeam": "Lions", "awayTeam": "Tigers"}',
		description:
			"The activity's values that never change (activity_attributes), such as the team names: a JSON object of the shape of the app's attributes type",
		displayOptions: showForStart,
	},
];

function addActivityAttributes(context: IExecuteSingleFunctions, body: BrazeBody): void {
	readObjectField(context, body, {
		name: 'activityAttributes',
		label: 'Activity Attributes',
		bodyKey: 'activity_attributes',
		example: '{"homeTeam": "Lions"}',
	});
}

/** Live Activity › Start: POST /messages/live_activity/start. */
export const startOperation: OperationSpec = {
	name: 'Start',
	value: 'start',
	action: 'Start a live activity',
	description:
		"Start an iOS Live Activity (a live-updating lock-screen card, e.g. a delivery or a match score) on the devices of named users, a segment or an audience, with an alert (POST /messages/live_activity/start). Needs the app's push-to-start registration (Braze Swift SDK). More than 50 named users go out in requests of 50 with the same Activity ID. Outputs app_id, activity_id and Braze's message.",
	url: '/messages/live_activity/start',
	permission: 'messages.live_activity.start',
	prepare: [
		addActivityAttributes,
		addContentState,
		addStaleDate,
		addLiveActivityRecipients,
		assertLiveActivityTargeting,
		addStartNotification,
	],
	echoBodyKeys: ['app_id', 'activity_id'],
	// Braze answers a start with {"message": "success"} and no dispatch_id.
	outputsDispatchId: false,
	onUnclearAnswer: report(CHANGES.liveActivityStart),
};
