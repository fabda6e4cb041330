'use strict';
// The Braze node as an MCP tool in a real n8n: a published workflow MCP Server Trigger → Braze
// tools (Message › Send by email, User › Create or Update, User › Get, Transactional Email ›
// Send; their values from $fromAI), driven by the official MCP TypeScript SDK client over
// Streamable HTTP. Checks what the client sees (tool names, descriptions, input schemas), exactly
// what the Braze stand-in receives, the tool results (dispatch_id; refusals naming the field and
// the fix), that n8n's Retry On Fail never sends twice, and what n8n saves of a failed call.
// Runs only through `npm run test:e2e` (BRAZE_E2E=1).
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const n8n = require('../../scripts/lib/n8n');
const ai = require('./aiTools');

const WORKFLOW_ID = 'BrazeE2eMcpTools01';
const DRY_RUN_WORKFLOW_ID = 'BrazeE2eMcpDryRun1';
const TOKEN = 'mcp-e2e-token-4f1d8a2b9c7e6d5a';
const BEARER = {
	id: 'McpBearerToken001',
	name: 'MCP bearer token',
	type: 'httpBearerAuth',
	data: { token: TOKEN },
};
// n8n's Retry On Fail on the sending tools (no wait between tries): a failed call is tried again.
const RETRY = { settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } };

// One tool node per operation: adding an operation to the MCP server is one more node here.
const TOOLS = [
	ai.sendEmailTool('Send support email', RETRY),
	ai.upsertUserTool('Create or update customer'),
	ai.getUserTool('Look up customer'),
	ai.transactionalTool('Send order confirmation', RETRY),
];
const PREVIEW = ai.sendEmailTool('Preview support email', { dryRun: true });
const WORKFLOWS = [
	ai.workflow(
		WORKFLOW_ID,
		'e2e: MCP Server Trigger → Braze tools',
		[ai.mcpTrigger('braze-support', '6b1d2c3e-4f50-4a61-8b72-9c8d7e6f5a01', BEARER.id), ...TOOLS],
		ai.toolConnections(TOOLS, 'MCP Server Trigger'),
	),
	ai.workflow(
		DRY_RUN_WORKFLOW_ID,
		'e2e: MCP Server Trigger → Braze send tool with Options › Dry Run',
		[ai.mcpTrigger('braze-preview', '6b1d2c3e-4f50-4a61-8b72-9c8d7e6f5a02', BEARER.id), PREVIEW],
		ai.toolConnections([PREVIEW], 'MCP Server Trigger'),
	),
];

const EMAIL = {
	recipient: 'cust-1042',
	subject: 'Your refund',
	body: '<p>Your refund is on its way.</p>',
};
const EXPECTED_SEND_BODY = {
	external_user_ids: ['cust-1042'],
	messages: {
		email: {
			app_id: 'app-support-email',
			from: 'Acme Support <support@acme.example>',
			subject: 'Your refund',
			body: '<p>Your refund is on its way.</p>',
		},
	},
	broadcast: false,
};

let session;
let client;
let setupError;

/** The official SDK client on the trigger's production URL (/mcp/<path>), with the bearer token. */
async function connect(pathName) {
	const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
	const {
		StreamableHTTPClientTransport,
	} = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
	const c = new Client({ name: 'braze-e2e-client', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(
		new URL(`${session.server.url}/mcp/${pathName}`),
		{
			requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
		},
	);
	await c.connect(transport);
	return c;
}

before(async () => {
	try {
		session = await ai.startToolServer({
			workflows: WORKFLOWS,
			credentials: [BEARER],
			prefix: 'n8n-braze-mcp-',
		});
		await session.waitUntilServing(['/mcp/braze-support', '/mcp/braze-preview']);
		client = await connect('braze-support');
	} catch (e) {
		setupError = e;
	}
});

after(async () => {
	if (client) await client.close().catch(() => {});
	if (session) await session.close();
});

function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

/** A tool call's text result, parsed: the node's output items (or the error text). */
const itemsOf = (result) => JSON.parse(result.content[0].text);
const requests = () => session.standIn.requests.map((r) => `${r.method} ${r.path}`);

/**
 * The action of an operation, as the running n8n describes the tool variant of the node
 * (/types/nodes.json, what its editor loads): n8n describes a tool as "<action> in Braze".
 */
let nodeTypes;
async function actionOf(resource, operation) {
	if (!nodeTypes) {
		const r = await n8n.httpJson('GET', `${session.server.url}/types/nodes.json`, {
			headers: {
				cookie: session.server.owner.cookie,
				'browser-id': session.server.owner.browserId,
			},
		});
		assert.equal(r.status, 200, r.text.slice(0, 200));
		nodeTypes = r.json;
	}
	const tool = nodeTypes.find(
		(type) => type.name === `${n8n.PACKAGE_NAME}.brazeTool` && [].concat(type.version).includes(2),
	);
	const selector = tool.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return selector.options.find((o) => o.value === operation).action;
}

/** The saved execution of the tool call made with `args` (n8n saves it just after answering). */
async function executionOfCall(args, timeoutMs = 60000) {
	const t0 = Date.now();
	for (;;) {
		const rows = await session.executions(WORKFLOW_ID);
		for (const row of rows.slice(-10).reverse()) {
			if (['new', 'running'].includes(row.status)) continue;
			const { data } = await session.runData(row.id);
			const call =
				data.resultData.runData['MCP Server Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.mcpToolCall;
			if (JSON.stringify(call?.arguments) === JSON.stringify(args)) return { saved: row, data };
		}
		if (Date.now() - t0 > timeoutMs) throw new Error('no saved execution of the call');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

it('setup: real n8n, the package installed, the MCP workflows published, the SDK client connected', () => {
	if (setupError) throw setupError;
});

describe(
	'the Braze node through the MCP Server Trigger (official MCP SDK client)',
	{ concurrency: false },
	() => {
		it('lists each Braze tool with its description and an input schema of its $fromAI parameters only', async () => {
			requireSetup();
			const { tools } = await client.listTools();
			const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
			assert.deepEqual(Object.keys(byName).sort(), [
				'Create_or_update_customer',
				'Look_up_customer',
				'Send_order_confirmation',
				'Send_support_email',
			]);
			// Tool Description "Set Automatically": n8n's words, from the operation's action.
			assert.equal(
				byName.Send_support_email.description,
				`${await actionOf('message', 'send')} in Braze`,
			);
			assert.equal(
				byName.Create_or_update_customer.description,
				`${await actionOf('user', 'upsert')} in Braze`,
			);
			assert.equal(
				byName.Look_up_customer.description,
				`${await actionOf('user', 'get')} in Braze`,
			);
			assert.equal(
				byName.Send_order_confirmation.description,
				`${await actionOf('transactional', 'send')} in Braze`,
			);
			const send = byName.Send_support_email.inputSchema;
			assert.deepEqual(send.properties, {
				recipient: {
					type: 'string',
					description: 'The external user ID of the one customer to email',
				},
				subject: { type: 'string', description: 'The subject line of the email, plain text' },
				body: { type: 'string', description: 'The body of the email, as simple HTML' },
			});
			assert.deepEqual(send.required, ['recipient', 'subject', 'body']);
			assert.deepEqual(byName.Create_or_update_customer.inputSchema.properties, {
				external_id: { type: 'string', description: "The customer's external user ID" },
				email: { type: 'string', description: "The customer's email address" },
				first_name: { type: 'string', description: "The customer's first name" },
			});
			assert.deepEqual(Object.keys(byName.Look_up_customer.inputSchema.properties), [
				'external_id',
			]);
			assert.deepEqual(Object.keys(byName.Send_order_confirmation.inputSchema.properties), [
				'external_id',
			]);
			// The node's own form (channels, app id, sender, credential) is not offered to the client.
			assert.doesNotMatch(
				JSON.stringify(tools),
				/emailFrom|app-support-email|channels|support@acme|local-dev-key/,
			);
		});

		it('Message › Send: one /messages/send with exactly the expected body; the result carries the dispatch_id', async () => {
			requireSetup();
			session.standIn.reset();
			const result = await client.callTool({ name: 'Send_support_email', arguments: EMAIL });
			assert.ok(!result.isError, result.content[0].text);
			assert.deepEqual(requests(), ['POST /messages/send']);
			const [send] = session.standIn.requests;
			assert.deepEqual(send.body, EXPECTED_SEND_BODY);
			assert.equal(send.headers.authorization, 'Bearer local-dev-key');
			assert.deepEqual(itemsOf(result), [
				{ dispatch_id: send.response.dispatch_id, message: 'success' },
			]);
		});

		it('User › Create or Update: one /users/track with the profile the client gave', async () => {
			requireSetup();
			session.standIn.reset();
			const result = await client.callTool({
				name: 'Create_or_update_customer',
				arguments: { external_id: 'cust-1042', email: 'ada@example.com', first_name: 'Ada' },
			});
			assert.ok(!result.isError, result.content[0].text);
			assert.deepEqual(requests(), ['POST /users/track']);
			assert.deepEqual(session.standIn.requests[0].body, {
				attributes: [
					{
						external_id: 'cust-1042',
						email: 'ada@example.com',
						first_name: 'Ada',
						_update_existing_only: false,
					},
				],
			});
			assert.equal(itemsOf(result)[0].message, 'success');
		});

		it('User › Get: the profile, small (Output Simplified keeps the ID and the common fields)', async () => {
			requireSetup();
			// The profile the previous test made is still in the stand-in (no reset in between).
			session.standIn.requests.length = 0;
			const result = await client.callTool({
				name: 'Look_up_customer',
				arguments: { external_id: 'cust-1042' },
			});
			assert.ok(!result.isError, result.content[0].text);
			assert.deepEqual(requests(), ['POST /users/export/ids']);
			assert.deepEqual(session.standIn.requests[0].body.external_ids, ['cust-1042']);
			const [user] = itemsOf(result);
			assert.equal(user.external_id, 'cust-1042');
			assert.equal(user.email, 'ada@example.com');
			assert.equal(user.first_name, 'Ada');
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
			for (const key of Object.keys(user))
				assert.ok(simplified.includes(key), `Output Simplified keeps no "${key}"`);
		});

		it('wrong arguments come back as tool errors naming the field and the fix; nothing is sent', async () => {
			requireSetup();
			session.standIn.reset();
			const noRecipient = await client.callTool({
				name: 'Send_support_email',
				arguments: { ...EMAIL, recipient: '' },
			});
			assert.equal(noRecipient.isError, true);
			assert.match(noRecipient.content[0].text, /Send To is Users, but no user is named/);
			assert.match(noRecipient.content[0].text, /Fill in External User IDs/);
			const blankBody = await client.callTool({
				name: 'Send_support_email',
				arguments: { ...EMAIL, body: '   ' },
			});
			assert.equal(blankBody.isError, true);
			assert.match(
				blankBody.content[0].text,
				/Email: Body \(HTML\) is only spaces.*Write the HTML body/s,
			);
			const badEmail = await client.callTool({
				name: 'Create_or_update_customer',
				arguments: { external_id: 'cust-7', email: 'not-an-email', first_name: 'Lin' },
			});
			assert.equal(badEmail.isError, true);
			assert.match(
				badEmail.content[0].text,
				/Profile Fields › Email: "not-an-email" is not an email address/,
			);
			assert.match(badEmail.content[0].text, /Give the address alone, such as lin@example\.com/);
			// The fix is said once, in the message (n8n adds "Details:" only when the message lacks it).
			assert.doesNotMatch(badEmail.content[0].text, /Details:/);
			assert.deepEqual(requests(), []);
			// The correction round trip: the same tool, now right, sends once.
			const corrected = await client.callTool({ name: 'Send_support_email', arguments: EMAIL });
			assert.ok(!corrected.isError, corrected.content[0].text);
			assert.deepEqual(requests(), ['POST /messages/send']);
		});

		it("a failed call: n8n saves a successful execution, and the Braze tool's run in it carries the error", async () => {
			requireSetup();
			session.standIn.reset();
			const args = { ...EMAIL, recipient: '', subject: 'The call an operator looks for' };
			const failed = await client.callTool({ name: 'Send_support_email', arguments: args });
			assert.equal(failed.isError, true);
			const { saved, data } = await executionOfCall(args);
			// The executions list shows it as a success: the MCP trigger's workflow did not fail...
			assert.equal(saved.status, 'success');
			assert.equal(saved.mode, 'webhook');
			// ...but opening it shows the tool's run failed, with the node's message and fix.
			const [toolRun] = data.resultData.runData['Send support email'];
			assert.equal(toolRun.executionStatus, 'error');
			assert.match(toolRun.error.message, /no user is named/);
			assert.deepEqual(toolRun.inputOverride.ai_tool[0][0].json, args);
			const [trigger] = data.resultData.runData['MCP Server Trigger'];
			assert.equal(trigger.data.main[0][0].json.mcpToolCall.toolName, 'Send_support_email');
			// n8n's log has a line for it at level error.
			assert.match(
				session.server.log(),
				/Error while executing Tool Send_support_email: .*no user is named/,
			);
		});

		it("an unclear answer with n8n's Retry On Fail: one send, and the client is told it may have been sent", async () => {
			requireSetup();
			session.standIn.reset();
			// Braze accepts the send, then the connection drops: the node cannot know it was sent.
			session.standIn.queueFaults({ type: 'acceptThenDrop', path: '/messages/send' });
			const result = await client.callTool({
				name: 'Send_support_email',
				arguments: { ...EMAIL, recipient: 'cust-77' },
			});
			assert.equal(result.isError, true);
			assert.match(result.content[0].text, /may or may not have been sent.*not sent again/s);
			assert.match(result.content[0].text, /Check Braze's message activity log/);
			assert.deepEqual(requests(), ['POST /messages/send']);
			assert.deepEqual([...session.standIn.deliveries.entries()], [['external:cust-77', 1]]);
		});

		it('Transactional Email › Send with Retry On Fail after an unclear answer: resent under the same key, delivered once', async () => {
			requireSetup();
			session.standIn.reset();
			session.standIn.queueFaults({
				type: 'acceptThenDrop',
				path: '/transactional/v1/campaigns/cmp-order-0002/send',
			});
			const result = await client.callTool({
				name: 'Send_order_confirmation',
				arguments: { external_id: 'cust-1042' },
			});
			assert.ok(!result.isError, result.content[0].text);
			const sent = session.standIn.requests.filter((r) => r.path.startsWith('/transactional/'));
			assert.ok(sent.length >= 2, `sent again under its key (${sent.length} requests)`);
			const keys = new Set(sent.map((r) => r.body.external_send_id));
			assert.equal(keys.size, 1, 'every try carries the same external_send_id');
			assert.equal(
				session.standIn.transactionalEvents.filter((e) => e.status === 'sent').length,
				1,
			);
			const [item] = itemsOf(result);
			assert.equal(item.external_send_id, [...keys][0]);
			assert.ok(item.dispatch_id);
		});

		it('Dry Run as the preview: the tool returns the request it would make, and nothing is sent', async () => {
			requireSetup();
			session.standIn.reset();
			const preview = await connect('braze-preview');
			try {
				const result = await preview.callTool({ name: 'Preview_support_email', arguments: EMAIL });
				assert.ok(!result.isError, result.content[0].text);
				assert.match(result.content[0].text, /\/messages\/send/);
				assert.match(result.content[0].text, /Your refund is on its way/);
				assert.deepEqual(requests(), []);
				console.log(`# Dry Run result as the client sees it:\n${result.content[0].text}`);
			} finally {
				await preview.close();
			}
		});
	},
);
