import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** The operations that name recipients (users, segment, audience) and carry `messages`. */
export const MESSAGE_SEND_OPERATIONS = { resource: ['message'], operation: ['send', 'schedule'] };

export function showForSend(): IDisplayOptions {
	return { show: { ...MESSAGE_SEND_OPERATIONS } };
}

/** Shows a field only while its channel is selected in "Channels". */
export function showForChannel(
	channelKey: string,
	extra: IDisplayOptions['show'] = {},
): IDisplayOptions {
	return { show: { ...MESSAGE_SEND_OPERATIONS, channels: [channelKey], ...extra } };
}

/**
 * The same fields (same names, routing and checks) on Update Schedule, shown only while its
 * toggle (e.g. "Update Messages") is on. n8n fills every field's default in before deciding
 * what shows, so a `hide: { toggle: [false] }` would also hide them on Send: each field gets a
 * second definition instead, and at most one of the two shows at a time.
 */
export function shownOnUpdateSchedule(
	properties: INodeProperties[],
	toggle: string,
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: {
				...property.displayOptions?.show,
				resource: ['message'],
				operation: ['updateSchedule'],
				[toggle]: [true],
			},
		},
	}));
}
