import type { IDataObject, INode } from 'n8n-workflow';

import { redactKey } from '../../../../nodes/Braze/transport/request/redactKey';
import { runCredentialTest } from '../../../helpers/credentialTest';
import { runBrazeNode } from '../../../helpers/engine';
import type { RunResult } from '../../../helpers/engine';
import { emailSend, users } from '../../../helpers/fixtures';
import { searchList } from '../../../helpers/loadOptions';
import { standInCredentials, startStandIn } from '../../../helpers/standIn';
import type { BrazeStandIn } from '../../../helpers/standIn';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pathsHolding } = require('../../../support/secretSearch') as {
	pathsHolding(root: unknown, secret: string): string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ALL_PERMISSIONS } = require('../../../sandbox') as { ALL_PERMISSIONS: string[] };

/**
 * Something at the credential's URL (a debug gateway, a careless proxy) echoes the request's
 * headers in its answers: the stand-in's echoHeaders fault copies the Authorization header into
 * the answer plain, Base64 (of the key, of "Bearer <key>", of ":<key>", of all headers) and
 * URL-encoded. The node keeps answers (an error's errorResponse and description, Continue On Fail
 * items, the success output, the run's saved data): the key must be in none of them.
 */

/** A key with characters that Base64 and URL encoding change, so that each form is distinct. */
const KEY = 'echo+key/7c1f=d2&e9-0123456789ab';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/**
 * What any Base64 text holding the key contains, for each of the key's three possible offsets in
 * it (0, 1 or 2 bytes past a multiple of 3): the characters that depend on the key's bytes only.
 */
const BASE64_FRAGMENTS = [0, 1, 2].map((shift) => b64('x'.repeat(shift) + KEY).slice(4, -4));
const KEY_FORMS: Array<[string, string]> = [
	['plain', KEY],
	['URL-encoded', encodeURIComponent(KEY)],
	...BASE64_FRAGMENTS.map((fragment, shift): [string, string] => [`Base64 +${shift}`, fragment]),
];

let standIn: BrazeStandIn;
beforeAll(async () => {
	standIn = await startStandIn({ apiKeys: { [KEY]: ALL_PERMISSIONS } });
});
afterAll(async () => await standIn.close());
beforeEach(() => standIn.reset());

const credentials = () => standInCredentials(standIn, KEY);

interface Operation {
	parameters: IDataObject;
	items?: IDataObject[];
	/** Faults before the echo: the requests that go through first. */
	before?: IDataObject[];
	/** How many requests the run makes (each gets an echo, for the success case). */
	requests?: number;
}

const OPERATIONS: Array<[string, Operation]> = [
	['Message › Send', { parameters: { ...emailSend, externalUserIds: 'u1' } }],
	[
		'Message › Send in 2 requests (the echo on request 2)',
		{
			parameters: { ...emailSend, externalUserIds: users(60).join(',') },
			before: [{ type: 'pass' }],
			requests: 2,
		},
	],
	[
		'User › Create or Update, 2 items in one request',
		{
			parameters: { resource: 'user', operation: 'upsert', externalId: '={{ $json.id }}' },
			items: [{ id: 'u1' }, { id: 'u2' }],
		},
	],
	[
		'Transactional Email › Send',
		{
			parameters: {
				resource: 'transactional',
				operation: 'send',
				transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
				externalId: 'u1',
				duplicateProtection: 'off',
			},
		},
	],
	[
		'Message › List Scheduled (a GET)',
		{
			parameters: {
				resource: 'message',
				operation: 'listScheduled',
				endTime: `${new Date().getUTCFullYear() + 1}-12-01`,
			},
		},
	],
];

type Answer = [string, (operation: Operation) => IDataObject[]];
const ANSWERS: Answer[] = [
	[
		'a 400 echoing the headers',
		(op) => [...(op.before ?? []), { type: 'echoHeaders', status: 400 }],
	],
	[
		'a 500 echoing the headers',
		(op) => [...(op.before ?? []), { type: 'echoHeaders', status: 500 }],
	],
	[
		"Braze's success with the headers echoed",
		(op) => Array.from({ length: op.requests ?? 1 }, () => ({ type: 'echoHeaders' })),
	],
];

const ON_ERROR: Array<INode['onError'] | undefined> = [
	undefined,
	'continueRegularOutput',
	'continueErrorOutput',
];

/** Every place of the run that holds `form`, by name (empty: none). */
function placesHolding(result: RunResult, form: string): string[] {
	const places: Array<[string, unknown]> = [
		['the thrown error', result.error],
		['the output', result.output],
		['the error output', result.errorOutput],
		['the saved run', result.run],
	];
	const found = places.flatMap(([name, value]) =>
		pathsHolding(value, form).map((path) => `${name} ${path}`),
	);
	if (result.error && JSON.stringify(result.error).includes(form)) found.push('JSON of the error');
	if (JSON.stringify(result.run).includes(form)) found.push('JSON of the saved run');
	return found;
}

describe.each(OPERATIONS)('%s', (_name, operation) => {
	describe.each(ANSWERS)('%s', (_answer, faults) => {
		it.each(ON_ERROR)('On Error %s: the key is in no kept answer', async (onError) => {
			standIn.queueFaults(...faults(operation));
			const result = await runBrazeNode({
				parameters: operation.parameters as never,
				credentials: credentials(),
				...(operation.items ? { items: operation.items } : {}),
				...(onError ? { onError } : {}),
			});
			// The answer did echo the key.
			expect(
				standIn.requests.some((request) => (request as { fault?: string }).fault === 'echoHeaders'),
			).toBe(true);
			for (const [form, text] of KEY_FORMS) {
				expect([form, placesHolding(result, text)]).toEqual([form, []]);
			}
		});
	});
});

describe('what the answer said besides the key is kept', () => {
	it("a 400's errors stay in the error's description, the key's forms replaced", async () => {
		standIn.queueFaults({ type: 'echoHeaders', status: 400 });
		const result = await runBrazeNode({
			parameters: { ...emailSend, externalUserIds: 'u1' } as never,
			credentials: credentials(),
		});
		expect(result.error?.message).toBe(
			'Braze rejected the request (400): Gateway echo (400): request had authorization: Bearer [redacted]',
		);
		expect(result.error?.description).toContain('authorization: Bearer [redacted]');
		expect(result.error?.description).toContain('key (url): [redacted]');
		const errorResponse = result.error?.errorResponse as IDataObject;
		expect((errorResponse.request_headers as IDataObject).authorization).toBe('Bearer [redacted]');
	});

	it('a success keeps its dispatch_id and message; the echoed header reads [redacted]', async () => {
		standIn.queueFaults({ type: 'echoHeaders' });
		const result = await runBrazeNode({
			parameters: { ...emailSend, externalUserIds: 'u1' } as never,
			credentials: credentials(),
		});
		const [item] = result.output;
		expect(item.json.message).toBe('success');
		expect(typeof item.json.dispatch_id).toBe('string');
		expect((item.json.request_headers as IDataObject).authorization).toBe('Bearer [redacted]');
		expect(standIn.deliveries.get('external:u1')).toBe(1);
	});
});

describe('list search and the credential test', () => {
	it.each([
		['a 400 echoing the headers', { type: 'echoHeaders', status: 400 }],
		["Braze's list with the headers echoed", { type: 'echoHeaders' }],
	])('list search, %s: neither the result nor the error holds the key', async (_name, fault) => {
		standIn.queueFaults({ ...fault, path: '/campaigns/list' });
		let outcome: unknown;
		try {
			outcome = await searchList('searchCampaigns', credentials());
		} catch (error) {
			outcome = error;
		}
		for (const [, text] of KEY_FORMS) expect(pathsHolding(outcome, text)).toEqual([]);
	});

	it.each([400, 418, 500])(
		'the credential test, a %s echoing the headers: no key',
		async (status) => {
			standIn.queueFaults({ type: 'echoHeaders', status });
			const result = await runCredentialTest(credentials());
			for (const [, text] of KEY_FORMS) expect(pathsHolding(result, text)).toEqual([]);
		},
	);
});

describe('redactKey on its own', () => {
	it('walks an answer nested 100,000 deep without overflowing, and redacts property names', () => {
		let deep: unknown = { [`x-${KEY}`]: `Bearer ${KEY}` };
		for (let level = 0; level < 100_000; level += 1) deep = [deep];
		let copy = redactKey(deep, KEY) as unknown;
		for (let level = 0; level < 100_000; level += 1) copy = (copy as unknown[])[0];
		expect(copy).toEqual({ 'x-[redacted]': 'Bearer [redacted]' });
	});

	it('keeps property order, a __proto__ key as an own key, and values that are not text', () => {
		const answer = JSON.parse(
			`{"b": 1, "__proto__": {"k": "${KEY}"}, "a": [true, null, 2.5, "${b64(`:${KEY}`)}"]}`,
		) as IDataObject;
		const copy = redactKey(answer, KEY);
		expect(Object.keys(copy)).toEqual(['b', '__proto__', 'a']);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(copy.b).toBe(1);
		expect(copy.__proto__).toEqual({ k: '[redacted]' });
		const [yes, none, number, basic] = copy.a as unknown[];
		expect([yes, none, number]).toEqual([true, null, 2.5]);
		// Only the characters that mix in the ":" before the key (or none after it) are left.
		expect(basic).toMatch(/^O.?\[redacted\].{0,3}$/);
	});
});
