import * as n8nWorkflow from 'n8n-workflow';

import {
	sleepTakesSignal,
	statusExceptions,
	statusHandling,
} from '../../credentials/statusExceptions';
import { runCredentialTest } from '../helpers/credentialTest';
import { runBrazeNode } from '../helpers/engine';
import { emailSend } from '../helpers/fixtures';
import { NO_SEND_KEY, standInCredentials, useStandIn } from '../helpers/standIn';

// The credential test lets only Braze's 400 through (`ignoreHttpStatusErrors: { ignore: true,
// except }`). n8n's HTTP layer honours such a list from n8n 2.9; n8n 1.x (and 2.0 to 2.8) reads
// any object there as `true` and hands every status back, so the test said "Connection
// successful!" for any key. On such an n8n the credential sends plain error handling instead, and
// the 400's own rule says the key works. n8n-workflow shows nothing of its HTTP layer, so the
// credential finds out at run time (credentials/statusExceptions.ts); these tests set what it
// found out to model each kind of n8n, and run the test through this n8n's engine.

const standIn = useStandIn();
const found = { ...statusExceptions };
afterEach(() => Object.assign(statusExceptions, { seen: found.seen, inferred: found.inferred }));

/** An n8n whose HTTP layer lets every status through when given a list (1.x, 2.0 to 2.8). */
function onAnN8nWithoutExceptionLists() {
	Object.assign(statusExceptions, { seen: false, inferred: false });
}

describe('How the credential finds out what the HTTP layer honours', () => {
	it("infers it on this n8n: n8n-workflow's sleep takes a signal (2.35 on, later than 2.9)", () => {
		expect(sleepTakesSignal(n8nWorkflow)).toBe(true);
		expect(found.inferred).toBe(true);
	});

	it("infers nothing from n8n 1.x's sleep(ms), which takes no signal", () => {
		// n8n-workflow 1.120.31 (n8n 1.123), dist/cjs/utils.js: `const sleep = async (ms) => …`
		const sleep = async (ms: number) => {
			void ms;
		};
		expect(sleepTakesSignal({ sleep })).toBe(false);
	});

	it('sees it when the HTTP layer consults the empty list a Braze request carries', async () => {
		onAnN8nWithoutExceptionLists();
		const result = await runBrazeNode({
			parameters: { ...emailSend, externalUserIds: 'u1' },
			credentials: standInCredentials(standIn),
		});
		expect(result.error).toBeUndefined();
		expect(statusExceptions.seen).toBe(true);
		expect(statusExceptions.honoured()).toBe(true);
	});

	it('changes nothing for a request that lets every status through, on any version', () => {
		const handling = statusHandling(true);
		expect(handling).toEqual({ ignore: true, except: [] });
		onAnN8nWithoutExceptionLists();
		expect(statusHandling(true)).toEqual({ ignore: true, except: [] });
		expect(statusHandling(false)).toBe(false);
		expect(statusHandling(undefined)).toBeUndefined();
	});

	it('keeps a list where it is honoured, and turns it into plain error handling where not', () => {
		expect(statusHandling({ ignore: true, except: [401, 403] })).toEqual({
			ignore: true,
			except: [401, 403],
		});
		onAnN8nWithoutExceptionLists();
		expect(statusHandling({ ignore: true, except: [401, 403] })).toBe(false);
	});
});

describe('The credential test tells a good key from a bad one on every n8n', () => {
	describe('on an n8n that honours exception lists (this one, 2.41)', () => {
		it('a good key passes', async () => {
			expect(await runCredentialTest(standInCredentials(standIn))).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(standIn.requests.map((request) => request.status)).toEqual([400]);
		});

		it.each([
			['a rejected key (401)', 'wrong-key-123456', /Braze rejected the API key \(401\)/],
			[
				'a key without messages.send (403)',
				NO_SEND_KEY,
				/lacks the messages\.send permission \(403\)/,
			],
		])('%s fails, named', async (_name, key, message) => {
			const result = await runCredentialTest(standInCredentials(standIn, key));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(message);
		});
	});

	describe('on an n8n that lets every status through a list (n8n 1.x, 2.0 to 2.8)', () => {
		beforeEach(onAnN8nWithoutExceptionLists);

		it('a good key: the 400 says the key works and that this n8n cannot mark the test passed', async () => {
			const result = await runCredentialTest(standInCredentials(standIn));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/^The API key works: Braze accepted the key and its messages\.send permission/,
			);
			expect(result.message).toMatch(/cannot mark the test as passed: save the credential/);
			expect(standIn.requests.map((request) => request.status)).toEqual([400]);
			expect(standIn.deliveries.size).toBe(0);
		});

		it.each([
			['a rejected key (401)', 'wrong-key-123456', /Braze rejected the API key \(401\)/],
			[
				'a key without messages.send (403)',
				NO_SEND_KEY,
				/lacks the messages\.send permission \(403\)/,
			],
		])("%s fails with its own words, not the good key's", async (_name, key, message) => {
			const result = await runCredentialTest(standInCredentials(standIn, key));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(message);
			expect(result.message).not.toMatch(/The API key works/);
			expect(standIn.deliveries.size).toBe(0);
		});
	});
});
