import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { nodeRunState } from './nodeRunState';

/**
 * Braze keeps an external_send_id for 24 hours: the same key in that window does not send again
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_transactional_message).
 * A request that may have been sent is resent under its key only well inside that window.
 */
export const SEND_ONCE_WINDOW_MS = 23 * 3600 * 1000;

/**
 * The automatic external_send_id of this item: `n8n-<execution id>-<token>-<item index>`, made
 * the first time the item is sent and kept in the node's context of the execution. n8n's Retry
 * On Fail runs the node again with that same context, and its Retry of a failed execution
 * starts from the context the failed execution saved, so both send the item under the same key
 * and Braze sends it once. The random token, one per run of the node, keeps keys apart between
 * n8n instances whose execution ids and node ids coincide (an imported workflow).
 */
export function automaticSendKey(context: IExecuteSingleFunctions): string {
	const store = nodeRunState(context, 'brazeSendKeys', () => ({
		token: randomToken(),
		keys: {} as Record<string, string>,
	}));
	const item = String(context.getItemIndex());
	const execution = String(context.getExecutionId() ?? '').replace(/[^A-Za-z0-9]/g, '');
	store.keys[item] ??= `n8n-${execution || 'manual'}-${store.token}-${item}`;
	return store.keys[item];
}

/** Ten base-36 characters: not a secret, only a separator between otherwise equal keys. */
function randomToken(): string {
	let token = '';
	while (token.length < 10) token += Math.random().toString(36).slice(2);
	return token.slice(0, 10);
}
