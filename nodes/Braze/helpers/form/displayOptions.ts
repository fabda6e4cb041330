import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Node versions (docs/versions.md). A field added in version 2 shows with FROM_VERSION_2; a
 * version 1 field that version 2 moved or replaced keeps showing, for saved workflows, with
 * ONLY_VERSION_1. Put them in `show` next to resource and operation.
 */
export const FROM_VERSION_2 = { '@version': [{ _cnd: { gte: 2 } }] };
export const ONLY_VERSION_1 = { '@version': [1] };

/** Shows a field for the given operations of one resource. */
export function showFor(resource: string, operations: string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: operations } };
}

/** A field as a value inside a fixedCollection entry: no routing (the entry is read whole). */
export function withoutRouting(property: INodeProperties): INodeProperties {
	const copy = { ...property };
	delete copy.routing;
	return copy;
}

/** The operations that name recipients (users, segment, audience) and carry `messages`. */
export const MESSAGE_SEND_OPERATIONS = { resource: ['message'], operation: ['send', 'schedule'] };

export function showForSend(): IDisplayOptions {
	return { show: { ...MESSAGE_SEND_OPERATIONS } };
}

/**
 * Every operation that names recipients: Campaign and Canvas Trigger, Message Send and Schedule,
 * Live Activity Start. n8n checks each key on its own, so this also admits pairs such as
 * campaign/send, which do not exist: the pairs that can occur are exactly those five. Fields
 * shown by all of them (External User IDs, Audience) are defined once with this condition
 * instead of once per operation, because n8n's routing walks, and evaluates, every definition
 * for every item.
 */
export const RECIPIENT_OPERATIONS = {
	resource: ['campaign', 'canvas', 'message', 'liveActivity'],
	operation: ['trigger', 'send', 'schedule', 'start'],
};

/** User Aliases and Segment ID: Message Send and Schedule, and Live Activity Start. */
export function showForAliasesAndSegment(): IDisplayOptions {
	return {
		show: {
			resource: [...MESSAGE_SEND_OPERATIONS.resource, 'liveActivity'],
			operation: [...MESSAGE_SEND_OPERATIONS.operation, 'start'],
		},
	};
}

export function showForRecipients(extra: IDisplayOptions['show'] = {}): IDisplayOptions {
	return { show: { ...RECIPIENT_OPERATIONS, ...extra } };
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

/**
 * Send To (node version 2, shared/sendTo.ts): the ways that name no users, and those without a
 * segment. The shared recipient fields hide for them with `hide`, never `show`: where Send To
 * does not exist (version 1, Campaign and Canvas) it is absent, or n8n fills in its default
 * (Users), and a hide rule then leaves the field shown.
 */
export const HIDE_WITHOUT_USERS = { sendTo: ['segment', 'audience', 'segmentAndAudience'] };
export const HIDE_WITHOUT_SEGMENT = { sendTo: ['users', 'audience'] };
/**
 * The ways without an audience. The audience's form and JSON fields hide for them too, not only
 * by Audience Filter's value: the editor keeps a field's value when the field hides (switching
 * Send To away from an audience way leaves Audience Filter's "Build With Form" behind).
 */
export const HIDE_WITHOUT_AUDIENCE = { sendTo: ['users', 'usersInSegment', 'segment'] };
