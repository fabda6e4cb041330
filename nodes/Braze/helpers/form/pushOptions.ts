import type { INodeProperties } from 'n8n-workflow';

// Options that several push objects share, under the same Braze key; each call names its
// full body path (e.g. 'messages.apple_push.sound'). See
// https://www.braze.com/docs/api/objects_filters/messaging/android_object and its siblings
// apple_object, kindle_and_fireos_object and web_objects.

export function customUriOption(
	bodyPath: string,
	opens = 'A web URL or deep link',
): INodeProperties {
	return {
		displayName: 'Custom URI',
		name: 'customUri',
		type: 'string',
		default: '',
		description: `${opens} opened when the notification is tapped`,
		routing: { send: { type: 'body', property: bodyPath } },
	};
}

export function soundOption(bodyPath: string): INodeProperties {
	return {
		displayName: 'Sound',
		name: 'sound',
		type: 'string',
		default: '',
		description: 'A sound file of the app, or "default" for the standard sound',
		routing: { send: { type: 'body', property: bodyPath } },
	};
}

export function collapseKeyOption(bodyPath: string): INodeProperties {
	return {
		displayName: 'Collapse Key',
		name: 'collapseKey',
		type: 'string',
		default: '',
		description: 'Notifications with the same key replace each other (at most 4 keys per device)',
		routing: { send: { type: 'body', property: bodyPath } },
	};
}

export function displayPriorityOption(bodyPath: string): INodeProperties {
	return {
		displayName: 'Priority',
		name: 'priority',
		type: 'number',
		typeOptions: { minValue: -2, maxValue: 2 },
		default: 0,
		description: 'Display priority from -2 (minimum) to 2 (maximum); 0 is the default',
		routing: { send: { type: 'body', property: bodyPath } },
	};
}

export function mostRecentDeviceOnlyOption(bodyPath: string, device: string): INodeProperties {
	return {
		displayName: 'Send to Most Recent Device Only',
		name: 'sendToMostRecentDeviceOnly',
		type: 'boolean',
		default: false,
		description: `Whether to send only to the user's most recently used ${device}`,
		routing: {
			send: { type: 'body', property: bodyPath },
		},
	};
}

/** Braze's default differs per object: true for Apple, false for Android. */
export function useWebviewOption(bodyPath: string, defaultValue: boolean): INodeProperties {
	const option: INodeProperties = {
		displayName: 'Use Webview',
		name: 'useWebview',
		type: 'boolean',
		default: true,
		description: 'Whether a web Custom URI opens inside the app rather than in the browser',
		routing: { send: { type: 'body', property: bodyPath } },
	};
	return { ...option, default: defaultValue };
}
