'use strict';
// The workflow driven through n8n's queue in `npm run test:queue` and `npm run bench:queue`:
// Webhook (POST {"users": [...]}, answers at once) → Split Out (one item per user) → Braze
// Message › Send (email, External User IDs = the item's user) → Next (keeps the dispatch_id).
const { wf, braze, email } = require('../e2e/workflows');

const WEBHOOK_PATH = 'braze-queue-send';
const WORKFLOW_ID = 'BrazeQueueSend00001';
// Batch: the webhook's users go into one item's External User IDs (≤ 50 → one request).
const BATCH_WEBHOOK_PATH = 'braze-queue-batch';
const BATCH_WORKFLOW_ID = 'BrazeQueueBatch0001';

function webhook(pathName, webhookId = '6f1c2a52-5b8e-4b59-9d0e-3f0a7b3c1001') {
	return {
		parameters: { httpMethod: 'POST', path: pathName, responseMode: 'onReceived', options: {} },
		id: 'webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
	};
}

function splitUsers() {
	return {
		parameters: {
			fieldToSplitOut: 'body.users',
			include: 'noOtherFields',
			options: { destinationFieldName: 'user' },
		},
		id: 'split-users',
		name: 'One item per user',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [200, 0],
	};
}

function keepDispatchId() {
	return {
		parameters: {
			assignments: {
				assignments: [
					{ id: 'd', name: 'dispatchId', value: '={{ $json.dispatch_id }}', type: 'string' },
				],
			},
			options: {},
		},
		id: 'next',
		name: 'Next',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [800, 0],
	};
}

function queueSendWorkflow(credentialId) {
	return wf(WORKFLOW_ID, 'queue: webhook → one email per user', [
		webhook(WEBHOOK_PATH),
		splitUsers(),
		braze({ externalUserIds: '={{ $json.user }}', ...email }, { credentialId }),
		keepDispatchId(),
	]);
}

function queueBatchWorkflow(credentialId) {
	return wf(BATCH_WORKFLOW_ID, 'queue: webhook → one email to the users of the request', [
		webhook(BATCH_WEBHOOK_PATH, '6f1c2a52-5b8e-4b59-9d0e-3f0a7b3c1002'),
		braze({ externalUserIds: '={{ $json.body.users }}', ...email }, { credentialId }),
		keepDispatchId(),
	]);
}

module.exports = {
	queueSendWorkflow,
	queueBatchWorkflow,
	WEBHOOK_PATH,
	WORKFLOW_ID,
	BATCH_WEBHOOK_PATH,
	BATCH_WORKFLOW_ID,
};
