#!/usr/bin/env node
'use strict';
// `npm run example`: runs the "CRM webhook → welcome email" example workflow's Braze node
// through n8n's real execution engine (n8n-core WorkflowExecute) against the local Braze
// stand-in, and prints the dispatch_id. No Braze account and no n8n server needed.
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-example-'));
process.env.N8N_LOG_LEVEL = 'silent';

require('./ts-require');

const root = path.resolve(__dirname, '..');
const { runBrazeNode } = require(path.join(root, 'test/helpers/engine.ts'));
const { startStandIn, standInCredentials } = require(path.join(root, 'test/helpers/standIn.ts'));

async function main() {
	const workflow = JSON.parse(fs.readFileSync(path.join(root, 'examples/crm-webhook-email.json'), 'utf8'));
	const brazeNode = workflow.nodes.find((node) => node.type === 'n8n-nodes-braze-messaging.braze');
	const samplePayload = workflow.nodes.find((node) => node.name === 'Sample CRM payload');
	const item = JSON.parse(samplePayload.parameters.jsonOutput);

	const standIn = await startStandIn();
	try {
		console.log(`Braze stand-in listening on ${standIn.url}`);
		console.log(`Running "${brazeNode.name}" from ${workflow.name}`);
		const result = await runBrazeNode({
			parameters: brazeNode.parameters,
			items: [item],
			credentials: standInCredentials(standIn),
			receive: '={{ $json.dispatch_id }}',
		});
		if (result.error) {
			console.error(`The Braze node failed: ${result.error.message}\n${result.error.description ?? ''}`);
			process.exitCode = 1;
			return;
		}
		const request = standIn.requests[0];
		console.log(`\nRequest: ${request.method} ${request.path}`);
		console.log(JSON.stringify(request.body, null, 2));
		console.log(`\nBraze node output: ${JSON.stringify(result.output[0].json)}`);
		console.log(`Next node received dispatch_id: ${result.received[0].json.received}`);
		console.log(`\ndispatch_id: ${result.output[0].json.dispatch_id}`);
	} finally {
		await standIn.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
