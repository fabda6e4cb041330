import type { IDataObject } from 'n8n-workflow';

/** The timestamp key Braze puts in the metadata for each status (Braze's postback examples). */
const TIME_KEYS: Record<string, string[]> = {
	sent: ['received_at', 'enqueued_at', 'executed_at', 'sent_at'],
	processed: ['processed_at'],
	delivered: ['delivered_at'],
	aborted: ['aborted_at'],
	bounced: ['bounced_at'],
};

const REASONS: Record<string, string> = {
	aborted: 'User not emailable',
	bounced: '550 5.1.1 The email account that you tried to reach does not exist',
};

/**
 * A postback event built like the stand-in's state.transactionalEvents (test/sandbox/routes/
 * transactional.js) and Braze's documented examples: dispatch_id, status, and a metadata with
 * external_send_id (unless null: the send had none), campaign_api_id, the status's timestamps and, for
 * aborted and bounced, the reason.
 */
export function postbackEvent(
	status: string,
	{
		dispatchId = '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
		externalSendId = 'order-1042' as string | null,
		campaignId = 'tx-campaign-1',
		at = '2026-11-30T10:00:00.000+00:00',
	} = {},
): IDataObject {
	const metadata: IDataObject = {
		...(externalSendId !== null ? { external_send_id: externalSendId } : {}),
		campaign_api_id: campaignId,
	};
	for (const key of TIME_KEYS[status] ?? []) metadata[key] = at;
	if (REASONS[status]) metadata.reason = REASONS[status];
	return { dispatch_id: dispatchId, status, metadata };
}
