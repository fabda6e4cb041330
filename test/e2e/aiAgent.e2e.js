'use strict';
// The Braze node as an AI Agent's tool in a real n8n, with no real model: the example
// examples/ai-agent-support.json (Chat Trigger → AI Agent, n8n's OpenAI Chat Model, three Braze
// tools) published, its OpenAI credential's Base URL pointing at a local OpenAI-compatible
// stand-in (test/support/modelStandIn.js) that answers with scripted tool calls and records what
// n8n sent it. Checks the tools the model is given, what the Braze stand-in receives, the tool
// results the model reads back (dispatch_id; refusals naming the field and the fix) and that a
// tool call never sends twice, whether n8n or the model retries it.
// Runs only through `npm run test:e2e` (BRAZE_E2E=1).
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const n8n = require('../../scripts/lib/n8n');
const ai = require('./aiTools');
const { startModelStandIn } = require('../support/modelStandIn');

const EXAMPLE = n8n.loadExample('ai-agent-support.json');
const EXAMPLE_ID = EXAMPLE.id;
const chatWebhookOf = (workflow) =>
	workflow.nodes.find((node) => node.type.endsWith('.chatTrigger')).webhookId;
const MODEL_CREDENTIAL = EXAMPLE.nodes.find((node) => node.credentials?.openAiApi).credentials
	.openAiApi;

// The example again, with n8n's Retry On Fail on its send tool (no wait between tries).
const RETRYING_ID = 'BrazeE2eAgentRetry1';
const RETRYING = (() => {
	const copy = JSON.parse(JSON.stringify(EXAMPLE));
	copy.id = RETRYING_ID;
	copy.name = 'e2e: the support agent, Retry On Fail on its send tool';
	copy.nodes.find((node) => node.type.endsWith('.chatTrigger')).webhookId =
		'3f6a2b1c-8d4e-4f50-9a61-7b2c3d4e5f02';
	Object.assign(
		copy.nodes.find((node) => node.name === 'Send support email'),
		{
			retryOnFail: true,
			maxTries: 3,
			waitBetweenTries: 0,
		},
	);
	return copy;
})();

const CUSTOMER = { external_id: 'cust-1042', email: 'ada@example.com', first_name: 'Ada' };
const EMAIL = {
	recipient: 'cust-1042',
	subject: 'Your refund',
	body: '<p>Hi Ada, your refund is on its way.</p>',
};
const EXPECTED_SEND_BODY = {
	external_user_ids: ['cust-1042'],
	messages: {
		email: {
			app_id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
			from: 'Acme Support <support@acme.example>',
			subject: 'Your refund',
			body: '<p>Hi Ada, your refund is on its way.</p>',
		},
	},
	broadcast: false,
};

let session;
let model;
let setupError;

before(async () => {
	try {
		model = await startModelStandIn();
		session = await ai.startToolServer({
			workflows: [EXAMPLE, RETRYING],
			credentials: [
				{ ...ai.openAiCredential(MODEL_CREDENTIAL.id, model.url), name: MODEL_CREDENTIAL.name },
			],
			prefix: 'n8n-braze-agent-',
		});
		await session.waitUntilServing(
			[EXAMPLE, RETRYING].map((workflow) => `/webhook/${chatWebhookOf(workflow)}/chat`),
		);
	} catch (e) {
		setupError = e;
	}
});

after(async () => {
	if (session) await session.close();
	if (model) await model.close();
});

function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

let chats = 0;
/** A chat message to the workflow's public chat URL; resolves { status, output }. */
async function chat(workflow, text) {
	chats += 1;
	const r = await n8n.httpJson(
		'POST',
		`${session.server.url}/webhook/${chatWebhookOf(workflow)}/chat`,
		{
			body: { action: 'sendMessage', sessionId: `e2e-session-${chats}`, chatInput: text },
		},
	);
	return { status: r.status, output: r.json?.output, text: r.text };
}

function fresh() {
	session.standIn.reset();
	model.reset();
}

const braze = () => session.standIn.requests.map((r) => `${r.method} ${r.path}`);
const sends = () => session.standIn.requests.filter((r) => r.path === '/messages/send');
/** The tool results the model read back, in order ({ name, content }). */
const toolResultsSeen = () => {
	const { toolResultsOf } = require('../support/modelStandIn');
	return toolResultsOf(model.requests[model.requests.length - 1].messages);
};

/** The saved execution started by the chat message `text` (n8n may save it just after answering). */
async function executionOfChat(workflowId, text, timeoutMs = 60000) {
	const t0 = Date.now();
	for (;;) {
		const rows = await session.executions(workflowId);
		for (const row of rows.slice(-10).reverse()) {
			if (['new', 'running', 'waiting'].includes(row.status)) continue;
			const { data } = await session.runData(row.id);
			const input =
				data.resultData.runData['When chat message received']?.[0]?.data?.main?.[0]?.[0]?.json
					?.chatInput;
			if (input === text) return { saved: row, data };
		}
		if (Date.now() - t0 > timeoutMs)
			throw new Error(`no saved execution of the chat message "${text}"`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

it('setup: real n8n, the example published, its model credential on the stand-in model', () => {
	if (setupError) throw setupError;
});

describe(
	'the Braze node as an AI Agent tool (n8n OpenAI Chat Model → local stand-in model)',
	{ concurrency: false },
	() => {
		it('creates the user, then sends the email; the final answer names the dispatch_id', async () => {
			requireSetup();
			fresh();
			model.setScript(({ toolResults }) => {
				if (toolResults.length === 0)
					return { toolCalls: [{ tool: 'Create_or_update_customer', args: CUSTOMER }] };
				if (toolResults.length === 1)
					return { toolCalls: [{ tool: 'Send_support_email', args: EMAIL }] };
				const [sent] = JSON.parse(toolResults[1].content);
				return {
					content: `Done: Ada's profile is up to date and the email went out (dispatch_id ${sent.dispatch_id}).`,
				};
			});
			const answer = await chat(
				EXAMPLE,
				'Please create Ada (cust-1042, ada@example.com) and email her that her refund is on its way.',
			);
			assert.equal(answer.status, 200, answer.text);
			assert.deepEqual(braze(), ['POST /users/track', 'POST /messages/send']);
			const [track, send] = session.standIn.requests;
			assert.deepEqual(track.body, {
				attributes: [
					{
						external_id: 'cust-1042',
						email: 'ada@example.com',
						first_name: 'Ada',
						_update_existing_only: false,
					},
				],
			});
			assert.deepEqual(send.body, EXPECTED_SEND_BODY);
			assert.equal(send.status, 201);
			assert.match(answer.output, new RegExp(`dispatch_id ${send.response.dispatch_id}\\b`));
			// What the model read back from each tool: Braze's answer, with the dispatch_id.
			const results = toolResultsSeen();
			assert.deepEqual(
				results.map((r) => r.name),
				['Create_or_update_customer', 'Send_support_email'],
			);
			assert.equal(JSON.parse(results[1].content)[0].dispatch_id, send.response.dispatch_id);
			assert.equal(model.requests.length, 3);
		});

		it('gives the model each Braze tool with its description and its $fromAI parameters', () => {
			requireSetup();
			const { tools } = model.requests[0];
			const byName = Object.fromEntries(tools.map((tool) => [tool.function.name, tool.function]));
			assert.deepEqual(Object.keys(byName).sort(), [
				'Create_or_update_customer',
				'Look_up_customer',
				'Send_support_email',
			]);
			const exampleTool = (name) =>
				EXAMPLE.nodes.find((node) => node.name === name).parameters.toolDescription;
			for (const [tool, node] of [
				['Send_support_email', 'Send support email'],
				['Create_or_update_customer', 'Create or update customer'],
				['Look_up_customer', 'Look up customer'],
			]) {
				assert.equal(byName[tool].description, exampleTool(node));
			}
			const send = byName.Send_support_email.parameters;
			assert.deepEqual(Object.keys(send.properties), ['recipient', 'subject', 'body']);
			assert.deepEqual(send.properties.recipient, {
				type: 'string',
				description: 'The external user ID of the one customer to email, e.g. cust-1042',
			});
			assert.deepEqual(send.required, ['recipient', 'subject', 'body']);
			assert.deepEqual(Object.keys(byName.Create_or_update_customer.parameters.properties), [
				'external_id',
				'email',
				'first_name',
			]);
			assert.deepEqual(Object.keys(byName.Look_up_customer.parameters.properties), ['external_id']);
			// Nothing of the node's own form (channels, app id, sender) is offered to the model.
			assert.doesNotMatch(JSON.stringify(tools), /emailFrom|app_id|channels|support@acme/);
			// Printed for docs/ai-agents.md: the tool as the model sees it.
			console.log(
				`# tool as the model sees it:\n${JSON.stringify(
					tools.find((t) => t.function.name === 'Send_support_email'),
					null,
					2,
				)}`,
			);
		});

		it('User › Get returns the profile small (Output Simplified, the ID kept) for the model to read', async () => {
			requireSetup();
			// reset() clears the stand-in's profiles: the agent makes Ada's again, then looks her up.
			fresh();
			model.setScript(({ toolResults }) => {
				if (toolResults.length === 0)
					return { toolCalls: [{ tool: 'Create_or_update_customer', args: CUSTOMER }] };
				if (toolResults.length === 1)
					return { toolCalls: [{ tool: 'Look_up_customer', args: { external_id: 'cust-1042' } }] };
				return { content: 'Looked up.' };
			});
			const answer = await chat(EXAMPLE, 'Is cust-1042 in Braze?');
			assert.equal(answer.status, 200, answer.text);
			assert.deepEqual(braze(), ['POST /users/track', 'POST /users/export/ids']);
			const [found] = JSON.parse(toolResultsSeen()[1].content);
			assert.equal(found.external_id, 'cust-1042');
			assert.equal(found.email, 'ada@example.com');
			assert.equal(found.first_name, 'Ada');
			const simplified = [
				'found',
				'external_id',
				'braze_id',
				'email',
				'first_name',
				'last_name',
				'phone',
				'email_subscribe',
				'push_subscribe',
				'custom_attributes',
				'user_aliases',
			];
			for (const key of Object.keys(found))
				assert.ok(simplified.includes(key), `Output Simplified keeps no "${key}"`);
		});

		it('a wrong call comes back naming the field and the fix; the corrected call sends exactly once', async () => {
			requireSetup();
			fresh();
			model.setScript(({ toolResults }) => {
				if (toolResults.length === 0)
					return {
						toolCalls: [
							{
								tool: 'Create_or_update_customer',
								args: { ...CUSTOMER, email: 'ada at example dot com' },
							},
						],
					};
				if (toolResults.length === 1)
					return { toolCalls: [{ tool: 'Create_or_update_customer', args: CUSTOMER }] };
				if (toolResults.length === 2)
					return { toolCalls: [{ tool: 'Send_support_email', args: { ...EMAIL, recipient: '' } }] };
				if (toolResults.length === 3)
					return { toolCalls: [{ tool: 'Send_support_email', args: EMAIL }] };
				return { content: 'Sent after correcting my calls.' };
			});
			const answer = await chat(EXAMPLE, 'Create Ada and email her (the round trip).');
			assert.equal(answer.status, 200, answer.text);
			assert.equal(answer.output, 'Sent after correcting my calls.');
			const results = toolResultsSeen();
			assert.equal(results.length, 4);
			// The model reads the node's sentence, naming the field, and its fix.
			const badEmail = JSON.parse(results[0].content)[0].error;
			assert.match(
				badEmail,
				/Profile Fields › Email: "ada at example dot com" is not an email address/,
			);
			assert.match(badEmail, /Give the address alone, such as lin@example\.com/);
			const noRecipient = JSON.parse(results[2].content)[0].error;
			assert.match(noRecipient, /no user is named/);
			assert.match(noRecipient, /Fill in External User IDs/);
			// Nothing was sent for the wrong calls; the corrected ones went out once each.
			assert.deepEqual(braze(), ['POST /users/track', 'POST /messages/send']);
			assert.deepEqual(sends()[0].body, EXPECTED_SEND_BODY);
			assert.deepEqual([...session.standIn.deliveries.entries()], [['external:cust-1042', 1]]);
			// The workflow did not crash: its execution finished, successful.
			const { saved, data } = await executionOfChat(
				EXAMPLE_ID,
				'Create Ada and email her (the round trip).',
			);
			assert.equal(saved.status, 'success');
			// Where an operator sees the refusal: on the Braze tool's run inside that execution.
			const runs = data.resultData.runData['Send support email'];
			assert.equal(runs.length, 2);
			assert.match(JSON.stringify(runs[0].data), /no user is named/);
			assert.match(JSON.stringify(runs[1].data), new RegExp(sends()[0].response.dispatch_id));
			assert.equal(runs[0].executionStatus, 'error');
			assert.match(runs[0].error.message, /no user is named.*Fill in External User IDs/s);
		});

		it('the model calling again after an unclear answer does not send twice', async () => {
			requireSetup();
			fresh();
			// Braze accepts the send, then the connection drops: the node cannot know it was sent.
			session.standIn.queueFaults({ type: 'acceptThenDrop', path: '/messages/send' });
			model.setScript(({ toolResults }) => {
				if (toolResults.length < 2)
					return { toolCalls: [{ tool: 'Send_support_email', args: EMAIL }] };
				return { content: 'Stopped.' };
			});
			const answer = await chat(EXAMPLE, 'Email cust-1042 about the refund.');
			assert.equal(answer.status, 200, answer.text);
			const [first, second] = toolResultsSeen().map((r) => JSON.parse(r.content)[0].error);
			assert.match(first, /may or may not have been sent/);
			assert.match(
				second,
				/may or may not have been sent by an earlier try.*it is not sent again/s,
			);
			assert.match(second, /Check Braze's message activity log/);
			assert.equal(sends().length, 1);
			assert.deepEqual([...session.standIn.deliveries.entries()], [['external:cust-1042', 1]]);
		});

		it("n8n's Retry On Fail on the tool node does not send twice after an unclear answer", async () => {
			requireSetup();
			fresh();
			session.standIn.queueFaults({ type: 'acceptThenDrop', path: '/messages/send' });
			model.setScript(({ toolResults }) =>
				toolResults.length === 0
					? { toolCalls: [{ tool: 'Send_support_email', args: EMAIL }] }
					: { content: 'Reported.' },
			);
			const answer = await chat(RETRYING, 'Email cust-1042 about the refund.');
			assert.equal(answer.status, 200, answer.text);
			const [result] = toolResultsSeen();
			assert.match(JSON.parse(result.content)[0].error, /may or may not have been sent/);
			assert.equal(sends().length, 1);
			assert.deepEqual([...session.standIn.deliveries.entries()], [['external:cust-1042', 1]]);
		});

		it('a successful send called again with the same arguments is not sent again: the earlier answer is replayed', async () => {
			requireSetup();
			fresh();
			model.setScript(({ toolResults }) => {
				if (toolResults.length < 2)
					return { toolCalls: [{ tool: 'Send_support_email', args: EMAIL }] };
				return { content: 'Done.' };
			});
			const answer = await chat(EXAMPLE, 'Email cust-1042 about the refund.');
			assert.equal(answer.status, 200, answer.text);
			const [first, second] = toolResultsSeen().map((r) => JSON.parse(r.content)[0]);
			assert.equal(sends().length, 1);
			assert.equal(first.dispatch_id, sends()[0].response.dispatch_id);
			assert.equal(second.dispatch_id, first.dispatch_id);
			assert.match(String(second.warning), /earlier try/);
		});
	},
);
