import type { IDataObject } from 'n8n-workflow';

import { RESENT_FIELD } from '../../../../nodes/Braze/transport/itemOutput';
import { runBrazeNode } from '../../../helpers/engine';
import type { RunOptions } from '../../../helpers/engine';
import { creds, OPERATIONS, standIn } from '../../../helpers/retryMatrix';
import type { Operation } from '../../../helpers/retryMatrix';

/**
 * What the node says after an unclear answer: each operation in the words of what it does (a
 * profile update, an event, a purchase, a subscription change, an alias, a deletion, a schedule,
 * a message); an item sent again says so; a stopped batched run lists the items applied, those
 * that may have been, and those never sent. And a shared request is sent again only if every
 * item in it may be.
 */

/** What a 500 says each operation may or may not have done. */
const OUTCOMES: Record<string, string> = {
	'Message › Send': 'the message may or may not have been sent',
	'Message › Schedule': 'the schedule may or may not have been created',
	'Message › Update Schedule': 'the schedule update may or may not have been applied',
	'Message › Delete Schedule': 'the schedule may or may not have been deleted',
	'Campaign › Trigger': 'the message may or may not have been sent',
	'Campaign › Schedule': 'the schedule may or may not have been created',
	'Canvas › Trigger': 'the recipients may or may not have entered the Canvas',
	'Live Activity › Start': 'the Live Activity may or may not have been started',
	'Live Activity › Update': 'the Live Activity update may or may not have been sent',
	'Transactional Email › Send (Duplicate Protection Off)':
		'the email may or may not have been sent',
	'User › Create or Update (values set)': 'the profile update may or may not have been applied',
	'User › Track Event': 'the event may or may not have been recorded',
	'User › Track Purchase': 'the purchase may or may not have been recorded',
	'User › Identify': 'the alias-only profile may or may not have been identified',
	'User › Add Alias': 'the alias may or may not have been added',
	'User › Delete': 'the user may or may not have been deleted',
	'Subscription Group › Set Status': 'the subscription status may or may not have been set',
	'Send ID › Create (with a Send ID)': 'the send ID may or may not have been created',
	'Message › List Scheduled': 'nothing was read',
};
/** The operations that message people: only their advice speaks of messages. */
const MESSAGING = /^(Message › Send|Campaign › Trigger|Transactional Email|Live Activity)/;

function operationNamed(name: string): Operation {
	const operation = OPERATIONS.find((candidate) => candidate.name === name);
	if (!operation) throw new Error(`No operation ${name} in the matrix`);
	return operation;
}

/** Runs an operation of the matrix on its items, with these options and settings. */
async function run(operation: Operation, options: IDataObject, extra: Partial<RunOptions> = {}) {
	const made = operation.before ? await operation.before() : {};
	return await runBrazeNode({
		parameters: { ...operation.parameters, ...made, options } as never,
		items: operation.ids.map((id) => ({ id })),
		credentials: creds(),
		...extra,
	});
}

const serverError = (path: string) => ({ type: 'serverError', status: 500, path });
const dropAfterAccept = (path: string) => ({ type: 'acceptThenDrop', path });

describe('An unclear answer, in the words of what the operation does', () => {
	it.each(Object.entries(OUTCOMES))('%s: a 500', async (name, outcome) => {
		const operation = operationNamed(name);
		// A read is asked again up to twice: each try gets the 500.
		const tries = operation.rule === 'read' ? 3 : 1;
		for (let count = 0; count < tries; count++) standIn.queueFaults(serverError(operation.path));
		const result = await run(operation, {});
		expect(result.error?.message).toBe(`Braze answered with a server error (500): ${outcome}`);
		if (!MESSAGING.test(name)) {
			expect(String(result.error?.description)).not.toMatch(/messaged|message activity log/);
		}
	});

	it('a timeout: "the purchase may or may not have been recorded"', async () => {
		const purchase = operationNamed('User › Track Purchase');
		standIn.queueFaults({ type: 'acceptThenSlow', delayMs: 120_000, path: purchase.path });
		const result = await run(purchase, { timeout: 0.1 });
		expect(result.error?.message).toBe(
			'No answer from Braze within 0.1 s: the purchase may or may not have been recorded',
		);
		expect(String(result.error?.description)).toContain(
			"Check the user's purchases in Braze before running again, so that the purchase is not recorded twice.",
		);
	});

	it("n8n's Retry On Fail: the event an earlier try may have recorded is reported, not sent again", async () => {
		const event = operationNamed('User › Track Event');
		standIn.queueFaults(dropAfterAccept(event.path));
		const result = await run(
			event,
			{ retryServerErrors: true },
			{ settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 } },
		);
		expect(result.error?.message).toBe(
			'This item may or may not have reached Braze in an earlier try of this node: it is not sent again',
		);
		expect(String(result.error?.description)).toContain(
			"so the event may or may not have been recorded. Check the user's custom events in Braze before running again",
		);
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.profiles.get('external:u1')?.events).toHaveLength(1);
	});
});

describe('An item sent again after an unclear answer says so', () => {
	it('User › Create or Update: every item of the request, with why that is harmless', async () => {
		const upsert = operationNamed('User › Create or Update (values set)');
		standIn.queueFaults(dropAfterAccept(upsert.path));
		const result = await run(upsert, { retryServerErrors: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(2);
		expect(result.output.map((item) => item.json[RESENT_FIELD])).toEqual([true, true]);
		expect(result.output[1].json.warning).toBe(
			'The profile update was sent again after an unclear answer from Braze (a server error, a timeout or a lost connection), as Options › Retry Server Errors allows: applied twice, it comes out the same.',
		);
		expect(standIn.profiles.get('external:u2')?.attributes).toMatchObject({
			external_id: 'u2',
			plan: 'pro',
		});
	});

	it('Transactional Email: sent again under its key, whatever Retry Server Errors says', async () => {
		const email = operationNamed('Transactional Email › Send (Duplicate Protection Automatic)');
		standIn.queueFaults(dropAfterAccept(email.path));
		const result = await run(email, {});
		expect(result.output[0].json[RESENT_FIELD]).toBe(true);
		expect(result.output[0].json.warning).toBe(
			'The email was sent again after an unclear answer from Braze (a server error, a timeout or a lost connection), under the same external_send_id: Braze acts on it once.',
		);
		expect(standIn.deliveries.get('external:u1')).toBe(1);
	});

	it("with Retry Server Errors off, n8n's Retry On Fail reports even a change that comes out the same", async () => {
		const upsert = operationNamed('User › Create or Update (values set)');
		standIn.queueFaults(dropAfterAccept(upsert.path));
		const result = await run(
			upsert,
			{},
			{ settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 } },
		);
		expect(standIn.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(/earlier try of this node: it is not sent again/);
		expect(String(result.error?.description)).toContain(
			'the profile update may or may not have been applied',
		);
	});
});

describe('A request shared by several items is sent again only if each item may be', () => {
	const parameters = {
		resource: 'user',
		operation: 'upsert',
		externalId: '={{ $json.id }}',
		customAttributes: {
			attribute: [{ name: '={{ $json.name }}', type: '={{ $json.type }}', value: '1' }],
		},
	};
	const items = [
		{ id: 'u1', name: 'score', type: 'number' },
		{ id: 'u2', name: 'visits', type: 'inc' },
	];
	const runUpsert = async (extra: Partial<RunOptions> = {}) =>
		await runBrazeNode({
			parameters: { ...parameters, options: { retryServerErrors: true } } as never,
			items,
			credentials: creds(),
			onError: 'continueErrorOutput',
			...extra,
		});

	it('one increment in the request: the whole request is reported', async () => {
		standIn.queueFaults(dropAfterAccept('/users/track'));
		const result = await runUpsert();
		expect(standIn.requests).toHaveLength(1);
		expect(result.output).toHaveLength(0);
		expect(result.errorOutput).toHaveLength(2);
		expect(standIn.profiles.get('external:u2')?.attributes.visits).toEqual({ inc: 1 });
	});

	it("n8n's Retry On Fail sends again only the item whose change comes out the same", async () => {
		standIn.queueFaults(dropAfterAccept('/users/track'));
		// Stop on Error: n8n tries the node again when it fails.
		const result = await runUpsert({
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
			onError: undefined,
		});
		expect(standIn.requests).toHaveLength(2);
		expect(
			(standIn.requests[1].body?.attributes as IDataObject[]).map((object) => object.external_id),
		).toEqual(['u1']);
		expect(result.error?.message).toMatch(/earlier try of this node: it is not sent again/);
		expect(String(result.error?.description)).toContain(
			'Already sent in this run, so do not send them again: item 0.',
		);
		expect(standIn.profiles.get('external:u2')?.attributes.visits).toEqual({ inc: 1 });
	});
});

describe('A batched User run that stops lists every item by what became of it', () => {
	it('applied, may or may not have been applied, and never sent', async () => {
		standIn.queueFaults({ type: 'pass' }, serverError('/users/track'));
		const ids = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
		const result = await runBrazeNode({
			parameters: {
				resource: 'user',
				operation: 'upsert',
				externalId: '={{ $json.id }}',
				customAttributes: { attribute: [{ name: 'plan', type: 'text', value: 'pro' }] },
				options: { objectsPerRequest: 2 },
			} as never,
			items: ids.map((id) => ({ id })),
			credentials: creds(),
		});
		// Request 1 (items 0–1) applied, request 2 (items 2–3) answered 500, request 3 never sent.
		expect(standIn.requests).toHaveLength(2);
		const description = String(result.error?.description);
		expect(description).toContain(
			'Already sent in this run, so do not send them again: items 0–1.',
		);
		expect(description).toContain(
			'May or may not have reached Braze: items 2–3; check them in Braze before sending them again.',
		);
		expect(description).toContain(
			'Not sent: items 4–5; to finish, run the node again for these items only.',
		);
		const context = result.error?.context as IDataObject;
		expect((context.sent_items as IDataObject[]).map((entry) => entry.item)).toEqual([0, 1]);
		expect(context.maybe_sent_items).toEqual([2, 3]);
		expect(context.not_sent_items).toEqual([4, 5]);
		expect(ids.map((id) => standIn.profiles.has(`external:${id}`))).toEqual([
			true,
			true,
			false,
			false,
			false,
			false,
		]);
	});
});
