'use strict';
// What the AI suites (mcp.e2e.js, aiAgent.e2e.js) share: the Braze node as a tool node, the
// MCP Server Trigger, the AI Agent with n8n's OpenAI Chat Model, and one real n8n (`n8n start`)
// with the package installed as a community package, the Braze stand-in, and n8n's REST API
// signed in as the owner (to read the executions n8n saved).
const fs = require('fs');
const path = require('path');
const { ensureInstalled } = require('../../scripts/e2e-install');
const { paths } = require('../../scripts/lib/cache');
const n8n = require('../../scripts/lib/n8n');

const OWNER = {
	email: 'e2e@example.com',
	password: 'E2e-pass-1234',
	firstName: 'E2E',
	lastName: 'Tester',
};
const BRAZE_CREDENTIAL = {
	brazeApi: { id: n8n.STANDIN_CREDENTIAL_ID, name: 'Braze (local stand-in)' },
};
const log = (...a) => console.log('#', ...a);

/** `$fromAI` as a parameter's expression: the model fills it, with this description. */
const fromAI = (key, description, type = 'string') =>
	`={{ $fromAI('${key}', ${JSON.stringify(description)}, '${type}') }}`;

/** The Braze node as a tool (n8n's `brazeTool`, version 2), its name being the tool's name. */
function brazeTool(name, parameters, { x = 0, y = 300, settings = {} } = {}) {
	return {
		parameters: { descriptionType: 'auto', ...parameters },
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: `${n8n.PACKAGE_NAME}.brazeTool`,
		typeVersion: 2,
		position: [x, y],
		credentials: BRAZE_CREDENTIAL,
		...settings,
	};
}

/** Message › Send, email, to the one user the model names; subject and body from the model. */
function sendEmailTool(name = 'Send support email', options = {}) {
	return brazeTool(
		name,
		{
			resource: 'message',
			operation: 'send',
			sendTo: 'users',
			externalUserIds: fromAI('recipient', 'The external user ID of the one customer to email'),
			channels: ['email'],
			emailAppId: 'app-support-email',
			emailFrom: 'Acme Support <support@acme.example>',
			emailSubject: fromAI('subject', 'The subject line of the email, plain text'),
			emailBody: fromAI('body', 'The body of the email, as simple HTML'),
			emailOptions: {},
			options: options.dryRun ? { dryRun: true } : {},
		},
		options,
	);
}

/** User › Create or Update by external ID, with the email and first name the model gives. */
function upsertUserTool(name = 'Create or update customer', options = {}) {
	return brazeTool(
		name,
		{
			resource: 'user',
			operation: 'upsert',
			identifyBy: 'externalId',
			externalId: fromAI('external_id', "The customer's external user ID"),
			profile: {
				email: fromAI('email', "The customer's email address"),
				firstName: fromAI('first_name', "The customer's first name"),
			},
			options: {},
		},
		{ x: 200, ...options },
	);
}

/** User › Get by external ID, Output Simplified (the ID and the fields a workflow uses most). */
function getUserTool(name = 'Look up customer', options = {}) {
	return brazeTool(
		name,
		{
			resource: 'user',
			operation: 'get',
			identifyBy: 'externalId',
			externalId: fromAI('external_id', "The customer's external user ID"),
			output: 'simplified',
		},
		{ x: 400, ...options },
	);
}

/** Transactional Email › Send to the customer the model names, with the automatic send-once key. */
function transactionalTool(name = 'Send order confirmation', options = {}) {
	return brazeTool(
		name,
		{
			resource: 'transactional',
			operation: 'send',
			transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
			identifyBy: 'externalId',
			externalId: fromAI('external_id', "The customer's external user ID"),
			options: {},
		},
		{ x: 600, ...options },
	);
}

/** Connections of tool nodes into `target` (an MCP Server Trigger or an AI Agent). */
function toolConnections(tools, target) {
	return Object.fromEntries(
		tools.map((tool) => [tool.name, { ai_tool: [[{ node: target, type: 'ai_tool', index: 0 }]] }]),
	);
}

function workflow(id, name, nodes, connections) {
	return {
		id,
		name,
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** MCP Server Trigger (version 2: Streamable HTTP at /mcp/<path>) with bearer authentication. */
function mcpTrigger(pathName, webhookId, credentialId) {
	return {
		parameters: { authentication: 'bearerAuth', path: pathName },
		id: 'mcp-trigger',
		name: 'MCP Server Trigger',
		type: '@n8n/n8n-nodes-langchain.mcpTrigger',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		credentials: { httpBearerAuth: { id: credentialId, name: 'MCP bearer token' } },
	};
}

/** Chat Trigger, public, answering when the last node finishes (POST /webhook/<id>/chat). */
function chatTrigger(webhookId) {
	return {
		parameters: { public: true, mode: 'hostedChat', options: { responseMode: 'lastNode' } },
		id: 'chat-trigger',
		name: 'When chat message received',
		type: '@n8n/n8n-nodes-langchain.chatTrigger',
		typeVersion: 1.4,
		position: [0, 0],
		webhookId,
	};
}

/** AI Agent (Tools Agent, version 3.1), its prompt the chat message. */
function agent(systemMessage, { settings = {} } = {}) {
	return {
		parameters: { options: { systemMessage } },
		id: 'ai-agent',
		name: 'AI Agent',
		type: '@n8n/n8n-nodes-langchain.agent',
		typeVersion: 3.1,
		position: [300, 0],
		...settings,
	};
}

/** n8n's OpenAI Chat Model on the Chat Completions API, the credential's Base URL deciding where. */
function openAiModel(credentialId) {
	return {
		parameters: {
			model: { __rl: true, mode: 'id', value: 'stand-in-model' },
			responsesApiEnabled: false,
			options: { maxRetries: 0 },
		},
		id: 'openai-model',
		name: 'OpenAI Chat Model',
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		typeVersion: 1.3,
		position: [200, 300],
		credentials: { openAiApi: { id: credentialId, name: 'Stand-in model' } },
	};
}

/** An OpenAI credential whose Base URL is the stand-in model's. */
function openAiCredential(id, url) {
	return { id, name: 'Stand-in model', type: 'openAiApi', data: { apiKey: 'sk-stand-in', url } };
}

/**
 * A real n8n with the package, the Braze stand-in's credential plus `credentials`, the given
 * workflows imported and published, signed in as the owner.
 */
async function startToolServer({ workflows, credentials = [], prefix = 'n8n-braze-ai-' }) {
	await ensureInstalled();
	const session = { log };
	const { startBrazeStandIn } = require('../sandbox');
	session.standIn = await startBrazeStandIn({ port: 0 });
	try {
		const tarball = n8n.packPackage({ log });
		session.userFolder = n8n.makeUserFolder(prefix);
		n8n.installPackage(session.userFolder, tarball);
		await n8n.importCredentials(session.userFolder, [
			n8n.brazeCredential(session.standIn.url),
			...credentials,
		]);
		await n8n.importWorkflows(session.userFolder, workflows);
		for (const { id } of workflows) {
			await n8n.publishWorkflow(id, { userFolder: session.userFolder });
		}
		const port = await n8n.freePort();
		session.server = await n8n.startN8nServer({
			userFolder: session.userFolder,
			port,
			owner: OWNER,
		});
		log(`n8n start ready on ${session.server.url} in ${session.server.readyMs} ms`);
	} catch (error) {
		await closeSession(session);
		throw error;
	}
	const { server } = session;
	const headers = () => ({ cookie: server.owner.cookie, 'browser-id': server.owner.browserId });

	async function rest(pathAndQuery) {
		const r = await n8n.httpJson('GET', `${server.url}/rest${pathAndQuery}`, {
			headers: headers(),
		});
		if (r.status !== 200) throw new Error(`GET /rest${pathAndQuery}: ${r.status} ${r.text}`);
		return r.json.data;
	}

	/** The workflow's executions, oldest first. */
	async function executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = await rest(`/executions?filter=${filter}&limit=100`);
		return [...results].sort((a, b) => Number(a.id) - Number(b.id));
	}

	/**
	 * n8n activates published workflows just after it starts serving: waits until each URL
	 * (a production webhook, an MCP endpoint) answers something other than 404.
	 */
	async function waitUntilServing(paths, timeoutMs = 60000) {
		const t0 = Date.now();
		for (;;) {
			const answers = await Promise.all(paths.map((p) => n8n.httpJson('GET', `${server.url}${p}`)));
			if (answers.every((r) => r.status !== 404)) return;
			if (Date.now() - t0 > timeoutMs) {
				throw new Error(
					`not served: ${paths.map((p, i) => `${p} ${answers[i].status}`).join(', ')}`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** The run data n8n saved for an execution (stored with `flatted`). */
	async function runData(id) {
		const execution = await rest(`/executions/${id}`);
		const { parse } = require(path.join(paths.modules, 'flatted'));
		const data = typeof execution.data === 'string' ? parse(execution.data) : execution.data;
		return { execution, data };
	}

	return {
		...session,
		rest,
		executions,
		runData,
		waitUntilServing,
		close: () => closeSession(session),
	};
}

async function closeSession(session) {
	if (process.env.BRAZE_E2E_DEBUG === '1' && session.server) log(session.server.log().slice(-8000));
	if (session.server) await session.server.stop();
	if (session.standIn) await session.standIn.close();
	if (session.userFolder && process.env.BRAZE_E2E_KEEP !== '1') {
		fs.rmSync(session.userFolder, { recursive: true, force: true });
	}
}

module.exports = {
	OWNER,
	log,
	fromAI,
	brazeTool,
	sendEmailTool,
	upsertUserTool,
	getUserTool,
	transactionalTool,
	toolConnections,
	workflow,
	mcpTrigger,
	chatTrigger,
	agent,
	openAiModel,
	openAiCredential,
	startToolServer,
};
