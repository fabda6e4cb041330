import type { TriggerPanelDefinition } from 'n8n-workflow';

// What the node panel's trigger side says, next to its "Execute step" button. Braze posts to the
// one URL set in its dashboard, and its "Test the postback" button posts a sample there
// (https://www.braze.com/docs/user_guide/message_building_by_channel/email/transactional_message_api_campaign/tracking_transactional_emails),
// so the way to see an event is: set the Production URL in Braze, publish, test, look at the
// executions. n8n turns <a data-key="activate"> into its publish action and
// <a data-key="executions"> into a link to the workflow's executions.

const IN_THE_EDITOR =
	'<b>To try it in the editor</b>: click <i>Execute step</i> (n8n then listens at the Test URL, …/webhook-test/…), paste the <b>Test URL</b> with the same secret into Braze and click <b>Test the postback</b>; then put the Production URL back, as Braze keeps only one URL.';
const MOCK_DATA =
	'<b>To build the next steps before any event comes</b>: use <i>set mock data</i> in the output with an event such as {"dispatch_id": "d-1", "status": "bounced", "external_send_id": "order-1042", "reason": "550 5.1.1 unknown user"}.';

export const triggerPanel: TriggerPanelDefinition = {
	header: 'Braze posts events to the URL set in its dashboard',
	activationHint: {
		inactive:
			'Braze\'s events reach this workflow at its <b>Production URL</b> once the workflow is <a data-key="activate">published</a>. Paste that URL with the secret into Braze (the note under Authentication says how), click <b>Test the postback</b> in Braze, then open the <a data-key="executions">executions</a>.',
		active:
			'This workflow is published: each event Braze posts to the <b>Production URL</b> starts an execution. Click <b>Test the postback</b> in Braze, then open the <a data-key="executions">executions</a>.',
	},
	executionsHelp: {
		inactive: `Braze posts each status of a transactional email (sent, processed, delivered, aborted, bounced) to the one URL set in its dashboard. With the <b>Production URL</b> there and the workflow <a data-key="activate">published</a>, each event starts an execution, listed under <a data-key="executions">Executions</a>. <i>Execute step</i> listens only at the Test URL, so it hears nothing while Braze has the Production URL.<br><br>${IN_THE_EDITOR}<br><br>${MOCK_DATA}`,
		active: `Each event Braze posts to the <b>Production URL</b> starts an execution, listed under <a data-key="executions">Executions</a>. <i>Execute step</i> listens only at the Test URL.<br><br>${IN_THE_EDITOR}<br><br>${MOCK_DATA}`,
	},
};
