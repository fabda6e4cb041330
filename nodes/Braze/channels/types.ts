import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

/** One Braze messaging object (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages): its form, and its own rules. */
export interface BrazeChannel {
	/** The key under `messages`, exactly as Braze spells it. */
	key: string;
	/** The name shown in "Channels". */
	name: string;
	description: string;
	/** Fields shown while the channel is selected; most route straight to `messages.<key>.*`. */
	properties: INodeProperties[];
	/** Rules that span several fields, checked on the built `messages.<key>` object. */
	validate?: (context: IExecuteSingleFunctions, message: IDataObject) => void;
}
