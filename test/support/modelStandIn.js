'use strict';
// A local OpenAI-compatible chat model for the AI Agent tests: it answers POST
// /v1/chat/completions with whatever the test's script says (tool calls or a final answer),
// and records every request n8n's OpenAI Chat Model sent it, tool definitions included. No
// network, no real model: the script reads the conversation so far and decides the next turn.
const http = require('node:http');

/**
 * @typedef {{ role: string, content?: unknown, tool_calls?: Array<{ id: string, function: { name: string, arguments: string } }>, tool_call_id?: string }} ChatMessage
 * @typedef {{ tool: string, args: object }} ToolCall
 * @typedef {{ toolCalls: ToolCall[] } | { content: string }} Turn
 * @typedef {(request: { body: object, messages: ChatMessage[], toolResults: Array<{ name: string, content: string }> }) => Turn} Script
 */

/** The text of a message's content (a string, or OpenAI's list of text parts). */
function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part?.text ?? '').join('');
	return content === undefined || content === null ? '' : JSON.stringify(content);
}

/** Tool results in the conversation, in order, each with the name of the tool that gave it. */
function toolResultsOf(messages) {
	const names = new Map();
	for (const message of messages) {
		for (const call of message.tool_calls ?? []) names.set(call.id, call.function?.name);
	}
	return messages
		.filter((message) => message.role === 'tool')
		.map((message) => ({
			name: names.get(message.tool_call_id),
			content: textOf(message.content),
		}));
}

function completion(id, model, message, finishReason) {
	return {
		id,
		object: 'chat.completion',
		created: 1767225600,
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as server-sent chunks, for a request with `stream: true`. */
function streamChunks(id, model, message, finishReason) {
	const base = { id, object: 'chat.completion.chunk', created: 1767225600, model };
	const delta = { role: 'assistant' };
	if (message.content) delta.content = message.content;
	if (message.tool_calls) {
		delta.tool_calls = message.tool_calls.map((call, index) => ({ index, ...call }));
	}
	return [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }] },
	];
}

/**
 * Starts the stand-in model on 127.0.0.1. `script` decides each turn; `setScript` swaps it
 * between tests. Returns { url (the base URL to put in the OpenAI credential, ending in /v1),
 * requests (every chat request's body, in order), reset(), setScript(), close() }.
 * @param {{ script?: Script }} [options]
 */
async function startModelStandIn({ script } = {}) {
	let current = script ?? (() => ({ content: 'No script is set.' }));
	const requests = [];
	let turn = 0;
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const send = (status, body) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			if (req.method === 'GET' && req.url === '/v1/models') {
				return send(200, {
					object: 'list',
					data: [{ id: 'stand-in-model', object: 'model', owned_by: 'tests' }],
				});
			}
			if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
				return send(404, {
					error: {
						message: `The stand-in model answers POST /v1/chat/completions only, not ${req.method} ${req.url}`,
					},
				});
			}
			let body;
			try {
				body = JSON.parse(raw);
			} catch {
				return send(400, { error: { message: 'The request body is not JSON' } });
			}
			requests.push(body);
			const messages = Array.isArray(body.messages) ? body.messages : [];
			let answer;
			try {
				answer = current({ body, messages, toolResults: toolResultsOf(messages) });
			} catch (error) {
				return send(500, { error: { message: `The test's script failed: ${error.message}` } });
			}
			turn += 1;
			const id = `chatcmpl-standin-${turn}`;
			const model = body.model ?? 'stand-in-model';
			const message = { role: 'assistant', content: null };
			let finishReason = 'stop';
			if ('toolCalls' in answer) {
				message.tool_calls = answer.toolCalls.map((call, index) => ({
					id: `call_${turn}_${index}`,
					type: 'function',
					function: { name: call.tool, arguments: JSON.stringify(call.args) },
				}));
				finishReason = 'tool_calls';
			} else {
				message.content = answer.content;
			}
			if (body.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
				for (const chunk of streamChunks(id, model, message, finishReason)) {
					res.write(`data: ${JSON.stringify(chunk)}\n\n`);
				}
				res.end('data: [DONE]\n\n');
				return;
			}
			send(200, completion(id, model, message, finishReason));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		setScript(next) {
			current = next;
		},
		reset() {
			requests.length = 0;
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startModelStandIn, toolResultsOf, textOf };
