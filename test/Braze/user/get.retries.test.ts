import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { IDataObject, INode } from 'n8n-workflow';

import { BrazeApi } from '../../../credentials/BrazeApi.credentials';
import { Braze } from '../../../nodes/Braze/Braze.node';
import {
	additionalDataOf,
	nodeTypesOf,
	outputOf,
	startingAt,
	workflowOf,
} from '../../helpers/engineSetup';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';
import { EXPORT, userGetHarness } from './getSupport';
import { servedByN8n } from '../../helpers/servedByN8n';

// User › Get is a read (POST /users/export/ids changes nothing in Braze): it is paced by the
// endpoint's own rate limit, asked again after a 5xx or a timeout, and never recorded as sent.
// Waits run on the virtual clock (test/helpers/virtualTime.ts): no test sleeps for real.

const standIn = useStandIn();
const MINUTE = 60 * 1000;
// The stand-in's window starts at its first request and its reset is rounded up to the second, so
// a full minute would announce a reset just over Max Wait on Rate Limit's 60 s; Braze's own
// per-minute windows end on the clock minute. Half a minute keeps the waits inside it.
const WINDOW = MINUTE / 2;

const { contact, get, exportRequests } = userGetHarness(standIn);

const exportStatuses = () => exportRequests().map((request) => request.status);

/** Another workflow on the same key spends the endpoint's window before the node runs. */
async function someoneElseExports(): Promise<void> {
	const response = await fetch(`${standIn.url}${EXPORT}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
		body: JSON.stringify({ external_ids: ['someone-else'], fields_to_export: ['email'] }),
	});
	expect(response.status).toBe(200);
}

describe("User › Get: the export endpoint's own rate limit", () => {
	it('a 429 (the window spent by someone else) is waited out until the reset Braze names, then asked again', async () => {
		contact(1);
		standIn.setOwnRateLimit(EXPORT, { limit: 1, windowMs: WINDOW });
		await someoneElseExports();
		const result = await get({ externalId: 'crm-1' });
		expect(result.error).toBeUndefined();
		expect(exportStatuses()).toEqual([200, 429, 200]);
		expect(virtualTime.waits).toHaveLength(1);
		expect(virtualTime.waits[0]).toBeGreaterThan(WINDOW - 1000);
		expect(virtualTime.waits[0]).toBeLessThanOrEqual(WINDOW + 1100);
		expect(result.output[0].json).toMatchObject({ found: true, first_name: 'Name1' });
	});

	it("items that cannot share are paced by the endpoint's X-RateLimit headers: no 429", async () => {
		for (let index = 0; index < 5; index++) contact(index);
		standIn.setOwnRateLimit(EXPORT, { limit: 2, windowMs: WINDOW });
		const items = [0, 1, 2, 3, 4].map((index) => ({ email: `user${index}@example.com` }));
		const started = virtualTime.now();
		const result = await get({ identifyBy: 'email', email: '={{ $json.email }}' }, items);
		expect(result.error).toBeUndefined();
		expect(exportStatuses()).toEqual([200, 200, 200, 200, 200]);
		// Three windows: 2 + 2 + 1 requests, two resets waited for.
		const elapsed = virtualTime.now() - started;
		expect(elapsed).toBeGreaterThanOrEqual(2 * WINDOW);
		expect(elapsed).toBeLessThan(3 * WINDOW);
		expect(result.output.map((item) => item.json.first_name)).toEqual(
			[0, 1, 2, 3, 4].map((index) => `Name${index}`),
		);
	});

	it('Max Wait on Rate Limit shorter than the reset: the item fails at once, saying when the limit resets', async () => {
		standIn.setOwnRateLimit(EXPORT, { limit: 1, windowMs: WINDOW });
		await someoneElseExports();
		const result = await get({ externalId: 'crm-1', options: { maxWaitOnRateLimit: 5 } });
		expect(result.error?.message).toMatch(/rate limit/i);
		expect(exportStatuses()).toEqual([200, 429]);
	});
});

describe('User › Get: asked again, never recorded as sent', () => {
	it('a 503 is asked again (without Retry Server Errors), and the output carries no note', async () => {
		contact(1);
		standIn.queueFaults({ type: 'serverError', status: 503, path: EXPORT });
		const result = await get({ externalId: 'crm-1' });
		expect(result.error).toBeUndefined();
		expect(exportStatuses()).toEqual([503, 200]);
		expect(virtualTime.waits).toEqual([1000]);
		expect(result.output[0].json).toEqual({
			found: true,
			external_id: 'crm-1',
			braze_id: expect.any(String),
			email: 'user1@example.com',
			first_name: 'Name1',
			email_subscribe: 'opted_in',
			custom_attributes: { plan: 'pro' },
		});
	});

	it('a timeout is asked again', async () => {
		contact(1);
		standIn.queueFaults({ type: 'slow', delayMs: 5000, path: EXPORT });
		const result = await get({ externalId: 'crm-1', options: { timeout: 0.5 } });
		expect(result.error).toBeUndefined();
		expect(result.output[0].json.first_name).toBe('Name1');
		expect(exportRequests()).toHaveLength(2);
	});

	it('server errors on every try: the item fails saying nothing changed and running again is safe', async () => {
		standIn.queueFaults(
			...[1, 2, 3].map(() => ({ type: 'serverError', status: 503, path: EXPORT })),
		);
		const result = await get({ externalId: 'crm-1' });
		expect(result.error?.message).toBe(
			'Braze answered with a server error (503): no profile was read',
		);
		expect(String(result.error?.description)).toMatch(/changes nothing in Braze: run it again/);
	});

	it("n8n's Retry On Fail asks again for an item an earlier try already read (not replayed from the run's ledger)", async () => {
		contact(0);
		contact(1);
		standIn.queueFaults(
			{ type: 'pass', path: EXPORT },
			...[1, 2, 3].map(() => ({ type: 'serverError', status: 503, path: EXPORT })),
		);
		const result = await get(
			{ identifyBy: 'email', email: '={{ $json.email }}' },
			[{ email: 'user0@example.com' }, { email: 'user1@example.com' }],
			{ settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 } },
		);
		expect(result.error).toBeUndefined();
		const asked = exportRequests().map((request) => [
			(JSON.parse(request.rawBody) as IDataObject).email_address,
			request.status,
		]);
		expect(asked).toEqual([
			['user0@example.com', 200],
			['user1@example.com', 503],
			['user1@example.com', 503],
			['user1@example.com', 503],
			['user0@example.com', 200],
			['user1@example.com', 200],
		]);
		expect(result.output.map((item) => item.json.first_name)).toEqual(['Name0', 'Name1']);
		expect(result.output[0].json).not.toHaveProperty('warning');
	});
});

describe('User › Get then Message › Send in one execution', () => {
	const credential = { brazeApi: { id: '1', name: 'Braze account' } };
	const getNode: INode = {
		id: 'get',
		name: 'Get user',
		type: 'n8n-nodes-braze-messaging.braze',
		typeVersion: 2,
		position: [0, 0],
		parameters: {
			resource: 'user',
			operation: 'get',
			externalId: '={{ $json.id }}',
			fieldsToExport: ['first_name'],
		},
		credentials: credential,
	};
	const sendNode: INode = {
		id: 'send',
		name: 'Send email',
		type: 'n8n-nodes-braze-messaging.braze',
		typeVersion: 1,
		position: [200, 0],
		parameters: {
			resource: 'message',
			operation: 'send',
			externalUserIds: '={{ $json.external_id }}',
			channels: ['email'],
			emailAppId: 'app-1',
			emailFrom: 'Acme <hello@acme.example>',
			emailSubject: 'Welcome',
			emailBody: '=<p>Hi {{ $json.first_name }},</p>',
			emailOptions: {},
		},
		credentials: credential,
	};

	async function runChain(items: IDataObject[]) {
		const nodeTypes = nodeTypesOf({ 'n8n-nodes-braze-messaging.braze': servedByN8n(new Braze()) });
		const { workflow, data } = workflowOf(
			{
				id: 'chain',
				name: 'Get then send',
				active: false,
				nodes: [getNode, sendNode],
				connections: {
					[getNode.name]: { main: [[{ node: sendNode.name, type: 'main', index: 0 }]] },
				},
			},
			nodeTypes,
		);
		const hooks = new ExecutionLifecycleHooks('manual', 'chain-execution', data);
		const additionalData = additionalDataOf(
			'chain-execution',
			{ name: 'brazeApi', type: new BrazeApi(), data: standInCredentials(standIn) },
			{ hooks },
		);
		const start = startingAt(getNode, [items.map((json) => ({ json }))]);
		return await new WorkflowExecute(additionalData, 'manual', start).processRunExecutionData(
			workflow,
		);
	}

	it('the looked-up first name is in each email; the spent export window does not hold up the sends', async () => {
		contact(1);
		contact(2);
		// One export a minute: the Get's one shared request spends the window.
		standIn.setOwnRateLimit(EXPORT, { limit: 1, windowMs: MINUTE });
		const run = await runChain([{ id: 'crm-1' }, { id: 'crm-2' }]);
		expect(run.data.resultData.error).toBeUndefined();
		const sends = standIn.requests.filter((request) => request.path === '/messages/send');
		expect(sends.map((request) => [request.body?.external_user_ids, request.status])).toEqual([
			[['crm-1'], 201],
			[['crm-2'], 201],
		]);
		expect(sends.map((request) => (request.body?.messages as IDataObject).email)).toEqual([
			expect.objectContaining({ body: '<p>Hi Name1,</p>' }),
			expect.objectContaining({ body: '<p>Hi Name2,</p>' }),
		]);
		// The export's headers (0 left this minute) pace the export alone.
		expect(virtualTime.waits).toEqual([]);
		expect(outputOf(run, sendNode.name)).toHaveLength(2);
	});
});
