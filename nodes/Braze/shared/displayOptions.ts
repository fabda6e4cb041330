import type { IDisplayOptions } from 'n8n-workflow';

/** The operations that carry recipients and a `messages` object (later: schedules). */
export const MESSAGE_SEND_OPERATIONS = { resource: ['message'], operation: ['send'] };

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
