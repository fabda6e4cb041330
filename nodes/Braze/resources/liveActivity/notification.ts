import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BodyStep, BrazeBody } from '../../helpers/body/types';
import { applePushChannel } from '../../channels/applePush';
import { collectionParameter } from '../../helpers/form/parameters';
import { textField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { isPlainObject } from '../../helpers/values/object';
import { showForStartAndUpdate } from './activityFields';

// `notification`: an Apple push object (https://www.braze.com/docs/api/objects_filters/messaging/apple_object)
// whose alert a Live Activity shows. Start needs one with a title and a body; on Update it is
// optional, shown as an expanded activity or on Apple Watch
// (https://www.braze.com/docs/api/endpoints/messaging/live_activity/start,
// https://www.braze.com/docs/api/endpoints/messaging/live_activity/update).

const APPLE_PUSH_BODY = 'messages.apple_push.';

/**
 * An option of the Apple Push channel's collection, the same field (type, range, choices), sent
 * under `notification` instead of `messages.apple_push`, with a description for Live Activities.
 */
function appleOption(name: string, description: string, displayName?: string): INodeProperties {
	const collection = applePushChannel.properties.find(
		(property) => property.name === 'applePushOptions',
	);
	const option = (collection?.options ?? []).find(
		(entry): entry is INodeProperties => 'type' in entry && entry.name === name,
	);
	if (!option) throw new Error(`The Apple Push options have no "${name}"`);
	const path = option.routing?.send?.property;
	const copy: INodeProperties = { ...option, description, ...(displayName ? { displayName } : {}) };
	if (typeof path === 'string' && path.startsWith(APPLE_PUSH_BODY)) {
		const key = path.slice(APPLE_PUSH_BODY.length);
		copy.routing = { send: { type: 'body', property: `notification.${key}` } };
	}
	return copy;
}

export const notificationTitleProperty: INodeProperties = {
	displayName: 'Notification Title',
	name: 'notificationTitle',
	type: 'string',
	default: '',
	placeholder: 'e.g. Kick-off',
	description:
		'The title of the alert (notification.alert.title). Required on Start; on Update, fill it in only to alert the user about this update.',
	displayOptions: showForStartAndUpdate,
};

export const notificationBodyProperty: INodeProperties = {
	displayName: 'Notification Body',
	name: 'notificationBody',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	placeholder: 'e.g. Lions vs Tigers has started',
	description:
		'The text of the alert (notification.alert.body). Required on Start; on Update, required with a Title or Notification Options unless Content Available is on.',
	displayOptions: showForStartAndUpdate,
};

export const notificationOptionsProperty: INodeProperties = {
	displayName: 'Notification Options',
	name: 'notificationOptions',
	type: 'collection',
	placeholder: 'Add Notification Option',
	default: {},
	description: "The alert's sound, and how urgently Apple delivers the push (priority settings)",
	displayOptions: showForStartAndUpdate,
	options: [
		appleOption(
			'alertSound',
			'A sound file of the app played with the alert (notification.alert.sound), or "default"',
			'Alert Sound',
		),
		appleOption(
			'apnsPriority',
			'How urgently Apple delivers it (notification.apns_priority): 10 at once, 5 when the power allows, 1 with minimal power and no wake. Braze uses 10, or 5 when Content Available is on.',
		),
		appleOption(
			'contentAvailable',
			"Whether to set Apple's content-available flag (notification.content-available); Braze then delivers with priority 5 unless APNs Priority says otherwise. An Update needs no alert with it.",
		),
		appleOption(
			'relevanceScore',
			'From 0 to 1: which of the Live Activities on a device iOS shows first, e.g. in the Dynamic Island (notification.relevance_score)',
		),
	],
};

/** The Notification fields, in form order. */
export const notificationProperties = [
	notificationTitleProperty,
	notificationBodyProperty,
	notificationOptionsProperty,
];

/**
 * Completes `notification` (routing has written the Notification Options there) with the alert
 * built from Title, Body and Alert Sound, and checks it. `required`: Start needs an alert with
 * a title and a body.
 */
function addNotification(
	context: IExecuteSingleFunctions,
	body: BrazeBody,
	required: boolean,
): void {
	const title = textField(
		context,
		context.getNodeParameter('notificationTitle', ''),
		'Notification Title',
	);
	const text = textField(
		context,
		context.getNodeParameter('notificationBody', ''),
		'Notification Body',
	);
	const sound = textField(
		context,
		collectionParameter(context, 'notificationOptions').alertSound,
		'Notification Options › Alert Sound',
	);
	if (required) {
		for (const [label, value] of [
			['Notification Title', title],
			['Notification Body', text],
		]) {
			if (!value) {
				throw invalidInput(
					context,
					`${label} is required`,
					`Braze starts a Live Activity with an alert: fill in "${label}". If it comes from an expression, check that the expression gives text for this item.`,
				);
			}
		}
	}
	const notification = isPlainObject(body.notification) ? body.notification : {};
	if (title || text || sound) {
		notification.alert = {
			...(title ? { title } : {}),
			...(text ? { body: text } : {}),
			...(sound ? { sound } : {}),
		};
	}
	if (Object.keys(notification).length === 0) {
		delete body.notification;
		return;
	}
	if (!text && notification['content-available'] !== true) {
		throw invalidInput(
			context,
			'Notification Body is required to send a notification',
			'Fill in "Notification Body" to alert the user, or clear Notification Title and Notification Options to update without an alert, or turn on Notification Options › Content Available.',
		);
	}
	body.notification = notification;
}

/** Start: an alert with a title and a body. */
export const addStartNotification: BodyStep = (context, body) =>
	addNotification(context, body, true);

/** Update: a notification only when one of its fields is filled in. */
export const addUpdateNotification: BodyStep = (context, body) =>
	addNotification(context, body, false);
