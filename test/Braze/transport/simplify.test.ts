import { DirectoryLoader } from 'n8n-core';
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { Braze } from '../../../nodes/Braze/Braze.node';
import {
	ALREADY_SENT_WARNING,
	SAME_USER_WARNING,
	answerOutput,
	shareOutput,
} from '../../../nodes/Braze/transport/itemOutput';
import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { emailSend, users } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// Simplify (node version 2, on by default) keeps the node's bookkeeping of how an item's
// requests went out of the output; off, and on version 1, the output is the full one.

const standIn = useStandIn();

async function run(options: Omit<RunOptions, 'credentials'>) {
	return await runBrazeNode({ credentials: standInCredentials(standIn), ...options });
}

const contacts = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ id: `crm-${index + 1}` }));
const upsert = { resource: 'user', operation: 'upsert', externalId: '={{ $json.id }}' };

describe('Message › Send to more than 50 users (one item, three requests)', () => {
	const ids = users(120);
	const send = { ...emailSend, externalUserIds: ids.join(',') };
	const dispatchIds = () => standIn.requests.map((request) => request.response.dispatch_id);

	it('version 2, Simplify on (the default): dispatch_id, message and every dispatch_id; not the users of each request', async () => {
		const result = await run({ parameters: send as never, typeVersion: 2 });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(3);
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			dispatch_id: dispatchIds()[0],
			message: 'success',
			dispatch_ids: dispatchIds(),
		});
		expect(Object.keys(result.output[0].json)[0]).toBe('dispatch_id');
	});

	it("keeps Braze's non-fatal errors", async () => {
		const result = await run({
			parameters: { ...send, externalUserIds: [...ids, 'unknown-7'].join(',') } as never,
			typeVersion: 2,
		});
		expect(result.output[0].json.errors).toEqual(standIn.requests[2].response.errors);
		expect(result.output[0].json).not.toHaveProperty('requests');
	});

	it('version 2 with Simplify off, and version 1: the full output, with each request and its users', async () => {
		const off = await run({ parameters: { ...send, simplify: false } as never, typeVersion: 2 });
		const full = {
			dispatch_id: dispatchIds()[0],
			message: 'success',
			dispatch_ids: dispatchIds(),
			requests: [
				{ request: 1, external_user_ids: ids.slice(0, 50), dispatch_id: dispatchIds()[0] },
				{ request: 2, external_user_ids: ids.slice(50, 100), dispatch_id: dispatchIds()[1] },
				{ request: 3, external_user_ids: ids.slice(100), dispatch_id: dispatchIds()[2] },
			],
		};
		expect(off.output[0].json).toEqual(full);

		standIn.reset();
		const versionOne = await run({ parameters: send as never, typeVersion: 1 });
		expect(versionOne.output[0].json).toEqual({
			...full,
			dispatch_id: dispatchIds()[0],
			dispatch_ids: dispatchIds(),
			requests: full.requests.map((request, index) => ({
				...request,
				dispatch_id: dispatchIds()[index],
			})),
		});
	});
});

describe('User › Create or Update (items share requests)', () => {
	it('version 2, Simplify on: whom the item named and whether Braze processed it; no request bookkeeping', async () => {
		const result = await run({ parameters: upsert as never, items: contacts(80), typeVersion: 2 });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(2);
		expect(result.output).toHaveLength(80);
		expect(result.output[0].json).toEqual({
			message: 'success',
			external_id: 'crm-1',
			processed: true,
		});
		expect(result.output.every((item) => !('request' in item.json))).toBe(true);
	});

	it("keeps Braze's errors that name the item's object", async () => {
		const items = [{ id: 'ok-1' }, { id: 'blocked-2' }, { id: 'ok-3' }];
		const result = await run({ parameters: upsert as never, items, typeVersion: 2 });
		expect(result.output.map((item) => item.json.processed)).toEqual([true, false, true]);
		expect(result.output[1].json).toEqual({
			message: 'success',
			external_id: 'blocked-2',
			processed: false,
			errors: [expect.objectContaining({ input_array: 'attributes', index: 1 })],
		});
	});

	it('version 2 with Simplify off, and version 1: request { number, of, items, attributes_processed }', async () => {
		const full = {
			message: 'success',
			external_id: 'crm-80',
			processed: true,
			request: { number: 2, of: 2, items: 5, attributes_processed: 5 },
		};
		const off = await run({
			parameters: { ...upsert, simplify: false } as never,
			items: contacts(80),
			typeVersion: 2,
		});
		expect(off.output[79].json).toEqual(full);
		standIn.reset();
		const versionOne = await run({ parameters: upsert as never, items: contacts(80) });
		expect(versionOne.output[79].json).toEqual(full);
	});

	it('keeps request_errors (errors naming no object), and everything but the request', () => {
		const share = shareOutput({
			answer: { message: 'success', attributes_processed: 2, errors: ['rate of change'] },
			about: { external_id: 'crm-1' },
			errors: { mine: [], unplaced: ['rate of change'] },
			request: { number: 1, of: 1, items: 2 },
		});
		const declared = {};
		const simplified = answerOutput({}, [], [share], declared, { simplify: true, shared: true });
		expect(simplified).toEqual({
			message: 'success',
			external_id: 'crm-1',
			processed: true,
			request_errors: ['rate of change'],
		});
		expect(answerOutput({}, [], [share], declared, { simplify: false, shared: true })).toEqual(
			share,
		);
	});

	it('Subscription Group › Set Status: the same', async () => {
		const result = await run({
			parameters: {
				resource: 'subscriptionGroup',
				operation: 'setStatus',
				subscriptionGroupId: 'group-1',
				subscriptionUsers: '={{ $json.id }}',
			} as never,
			items: contacts(2),
			typeVersion: 2,
		});
		expect(result.error).toBeUndefined();
		expect(result.output.map((item) => item.json)).toEqual([
			expect.not.objectContaining({ request: expect.anything() }),
			expect.not.objectContaining({ request: expect.anything() }),
		]);
		expect(result.output[0].json).toMatchObject({ message: 'success', processed: true });
	});
});

describe("The node's notes survive Simplify", () => {
	it('every item naming the same user: the warning', async () => {
		const result = await run({
			parameters: { ...upsert, externalId: 'crm-7' } as never,
			items: [{}, {}],
			typeVersion: 2,
		});
		expect(result.output.map((item) => item.json)).toEqual([
			{ message: 'success', external_id: 'crm-7', processed: true, warning: SAME_USER_WARNING },
			{ message: 'success', external_id: 'crm-7', processed: true, warning: SAME_USER_WARNING },
		]);
	});

	it('sent again after an unclear answer: the flag and the warning', async () => {
		standIn.queueFaults({ type: 'acceptThenDrop', path: '/users/track' });
		const result = await run({
			parameters: { ...upsert, options: { retryServerErrors: true } } as never,
			items: contacts(2),
			typeVersion: 2,
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(2);
		for (const item of result.output) {
			expect(item.json).toEqual({
				message: 'success',
				external_id: expect.any(String),
				processed: true,
				resent_after_unclear_answer: true,
				warning: expect.stringMatching(
					/^The profile update was sent again after an unclear answer/,
				),
			});
		}
	});

	it("replayed from an earlier try (n8n's Retry On Fail): the warning", async () => {
		// The node as n8n loads it. Request 1 of 2 goes through; request 2 is refused before Braze
		// acts (a redirect), so the run fails and n8n runs the node again.
		const braze = new Braze();
		DirectoryLoader.applyDeclarativeNodeOptionParameters(braze);
		standIn.queueFaults(
			{ type: 'slow', delayMs: 0 },
			{ type: 'redirect', status: 307, location: 'http://127.0.0.2:9/' },
		);
		const result = await run({
			nodeType: braze,
			parameters: upsert as never,
			items: contacts(80),
			typeVersion: 2,
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
		});
		expect(result.error).toBeUndefined();
		expect(result.output[0].json).toEqual({
			message: 'success',
			external_id: 'crm-1',
			processed: true,
			warning: ALREADY_SENT_WARNING,
		});
		expect(result.output[79].json).toEqual({
			message: 'success',
			external_id: 'crm-80',
			processed: true,
		});
	});
});

describe('Transactional Email › Send: one request, no bookkeeping to leave out', () => {
	const transactional = {
		resource: 'transactional',
		operation: 'send',
		transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
		externalId: 'u1',
		duplicateProtection: 'custom',
		externalSendId: 'order-10452',
	};

	it('version 2 outputs what version 1 does: the ids, duplicate and sent (after a repeated key), metadata, the warning', async () => {
		const outputs: IDataObject[][] = [];
		for (const typeVersion of [1, 2]) {
			standIn.reset();
			const result = await run({
				parameters: { ...transactional, simplify: true } as never,
				// The same key twice: Braze sends once and marks the second as a repeat.
				items: [{}, {}],
				typeVersion,
			});
			expect(result.error).toBeUndefined();
			outputs.push(result.output.map((item) => item.json));
		}
		const [versionOne, versionTwo] = outputs;
		expect(versionTwo).toEqual(
			versionOne.map((json, index) => ({ ...json, dispatch_id: versionTwo[index].dispatch_id })),
		);
		expect(versionTwo[1]).toMatchObject({
			external_send_id: 'order-10452',
			dispatch_id: versionTwo[0].dispatch_id,
			sent: false,
			duplicate: true,
			metadata: { external_send_id: 'order-10452', duplicate: true },
			warning: SAME_USER_WARNING,
		});
		expect(standIn.deliveries.get('external:u1')).toBe(1);
	});
});

describe('Where Simplify shows', () => {
	const { description } = new Braze();
	const simplify = description.properties.filter((property) => property.name === 'simplify');

	it("n8n's Simplify: a boolean, on by default, version 2 only", () => {
		expect(simplify.length).toBeGreaterThan(0);
		for (const property of simplify) {
			expect(property).toMatchObject({ displayName: 'Simplify', type: 'boolean', default: true });
			expect(property.displayOptions?.show?.['@version']).toEqual([{ _cnd: { gte: 2 } }]);
		}
	});

	it('on the operations whose output carries bookkeeping, and no others', () => {
		const shown = simplify.flatMap((property) =>
			(property.displayOptions?.show?.operation ?? []).map(
				(operation) =>
					`${String(property.displayOptions?.show?.resource?.[0])} › ${String(operation)}`,
			),
		);
		const userOperations = (
			description.properties.find(
				(property) =>
					property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === 'user',
			)?.options as INodePropertyOptions[]
		).map((operation) => `user › ${String(operation.value)}`);
		expect(shown.sort()).toEqual(
			[
				'campaign › schedule',
				'campaign › trigger',
				'canvas › schedule',
				'canvas › trigger',
				// The batched writes of the read side and catalogs: items share requests.
				'catalogItem › create',
				'catalogItem › delete',
				'catalogItem › replace',
				'catalogItem › update',
				'email › blocklist',
				'email › removeHardBounces',
				'email › removeSpam',
				'email › setStatus',
				'sms › removeInvalidPhoneNumbers',
				'liveActivity › start',
				'message › schedule',
				'message › send',
				'subscriptionGroup › setStatus',
				// User › Get outputs records, shaped by Output (Simplified, Raw, Selected Fields) instead.
				...userOperations.filter((operation) => operation !== 'user › get'),
			].sort(),
		);
	});

	it('a Simplify that is neither true nor false refuses the item before anything is sent', async () => {
		const result = await run({
			parameters: { ...upsert, simplify: '={{ "maybe" }}' } as never,
			items: contacts(1),
			typeVersion: 2,
		});
		expect(result.error?.message).toBe('Simplify must be true or false, but it is "maybe"');
		expect(standIn.requests).toHaveLength(0);
	});
});
