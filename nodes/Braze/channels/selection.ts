import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../helpers/body/types';

import { channels } from './index';
import { showForSend } from '../helpers/form/displayOptions';
import { invalidInput } from '../helpers/validation/invalidInput';

export const channelSelectionProperty: INodeProperties = {
	displayName: 'Channels',
	name: 'channels',
	type: 'multiOptions',
	required: true,
	default: [],
	description:
		'The channels to send on. Each selected channel shows its own fields; users get the message on every selected channel they can receive.',
	displayOptions: showForSend(),
	options: channels.map((channel) => ({
		name: channel.name,
		value: channel.key,
		description: channel.description,
	})),
};

/** The fields of every channel, in the order the form shows them. */
export const channelProperties: INodeProperties[] = channels.flatMap(
	(channel) => channel.properties,
);

/**
 * Checks `messages`: something to send, each channel's own rules, campaign tracking
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages).
 */
export function assertValidMessages(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const chosen = context.getNodeParameter('channels', []) as string[];
	const selected = channels.filter((channel) => chosen.includes(channel.key));
	const messages = body.messages ?? {};
	// A channel whose fields are all empty has written nothing yet; its rules still apply.
	for (const channel of selected) messages[channel.key] = messages[channel.key] ?? {};
	if (selected.length) body.messages = messages;
	if (selected.length === 0) {
		throw invalidInput(
			context,
			'No message to send: no channel is selected',
			'Pick at least one channel in "Channels" and fill in its fields.',
		);
	}
	for (const channel of selected) {
		channel.validate?.(context, messages[channel.key]);
	}
	if (body.campaign_id !== undefined) {
		for (const channel of selected) {
			if (!messages[channel.key].message_variation_id) {
				throw invalidInput(
					context,
					`${channel.name} needs a Message Variation ID because a Campaign ID is set`,
					`Add the campaign's ${channel.name} variation in ${channel.name} Options › Message Variation ID, or remove Options › Campaign ID.`,
				);
			}
		}
	}
}
