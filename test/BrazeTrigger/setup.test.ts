// Setting up the Braze Trigger: version 2's credential for the secret token (its form asks only
// for the Secret), saved version 1 workflows unchanged, a secret offered by the credential's test,
// and what the panel says about the URL and about testing.
import { NodeHelpers } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	INode,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { BrazePostbackApi } from '../../credentials/BrazePostbackApi.credentials';
import { BrazePostbackTokenApi } from '../../credentials/BrazePostbackTokenApi.credentials';
import { BrazeTrigger } from '../../nodes/BrazeTrigger/BrazeTrigger.node';
import { MIN_SECRET_LENGTH } from '../../nodes/BrazeTrigger/postback/auth';
import {
	BASIC_AUTH_CREDENTIAL,
	TOKEN_CREDENTIAL,
} from '../../nodes/BrazeTrigger/postback/authentication';
import { postbackEvent } from '../helpers/postbackEvents';
import {
	SECRET,
	checkActivation,
	credentialDataAsN8nGivesIt,
	useTriggerWebhook,
} from '../helpers/triggerEngine';

const trigger = new BrazeTrigger();
const { description } = trigger;
const event = postbackEvent('delivered');

function nodeAt(typeVersion: number, parameters: INodeParameters): INode {
	return {
		id: 'n',
		name: 'Braze Trigger',
		type: 'n8n-nodes-braze-messaging.brazeTrigger',
		typeVersion,
		position: [0, 0],
		parameters,
	};
}

/** The parameters n8n keeps when it loads a node of this version (defaults filled in). */
function loaded(typeVersion: number, saved: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(
		description.properties,
		saved,
		true,
		false,
		nodeAt(typeVersion, saved),
		description,
	) as INodeParameters;
}

/** The credential types the panel asks for, as n8n decides it (the credentials' displayOptions). */
function credentialsShown(typeVersion: number, saved: INodeParameters): string[] {
	const parameters = loaded(typeVersion, saved);
	const node = nodeAt(typeVersion, parameters);
	return (description.credentials ?? [])
		.filter((c) => NodeHelpers.displayParameter(parameters, c, node, description))
		.map((c) => c.name);
}

/** The fields a credential's form shows (n8n's form hides type "hidden" and undisplayed ones). */
function formFields(properties: INodeProperties[], data: ICredentialDataDecryptedObject): string[] {
	return properties
		.filter((p) => p.type !== 'hidden')
		.filter((p) => NodeHelpers.displayParameter(data as INodeParameters, p, null, null))
		.map((p) => p.name);
}

const suggestionIn = (message: string) =>
	/A random Secret made for you just now: ([A-Za-z0-9_-]+) /.exec(message)?.[1];

describe('Version 2 (new nodes): the secret token has its own credential', () => {
	it('new nodes get version 2; its Authentication defaults to the token with the token credential', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBeUndefined();
		expect(loaded(2, {}).authentication).toBe('queryToken');
		expect(credentialsShown(2, {})).toEqual([TOKEN_CREDENTIAL]);
		expect(credentialsShown(2, { authentication: 'basicAuth' })).toEqual([BASIC_AUTH_CREDENTIAL]);
		expect(credentialsShown(2, { authentication: 'none' })).toEqual([]);
	});

	it('offers the same three ways under the same names in both versions', () => {
		const options = (version: number) =>
			description.properties
				.filter((p) => p.name === 'authentication')
				.find((p) => NodeHelpers.displayParameter({}, p, nodeAt(version, {}), description))
				?.options as INodePropertyOptions[];
		expect(options(1).map((o) => [o.name, o.value])).toEqual([
			['Secret Token in URL', 'urlToken'],
			['Basic Auth in URL', 'basicAuth'],
			['None (Unsafe)', 'none'],
		]);
		expect(options(2).map((o) => [o.name, o.value])).toEqual([
			['Secret Token in URL', 'queryToken'],
			['Basic Auth in URL', 'basicAuth'],
			['None (Unsafe)', 'none'],
		]);
	});

	it("the credentials' names in the description are the credential classes' names", () => {
		expect(new BrazePostbackApi().name).toBe(BASIC_AUTH_CREDENTIAL);
		expect(new BrazePostbackTokenApi().name).toBe(TOKEN_CREDENTIAL);
		expect(description.credentials?.map((c) => c.name)).toEqual([
			BASIC_AUTH_CREDENTIAL,
			TOKEN_CREDENTIAL,
		]);
	});

	describe('on a webhook served by the engine', () => {
		const { setup, webhook } = useTriggerWebhook();

		it("Secret Token in URL: the token credential's secret as ?token= starts the workflow; none or a wrong one does not", async () => {
			setup.typeVersion = 2;
			setup.credentials = { secret: SECRET };
			expect((await webhook.post(event)).status).toBe(401);
			expect((await webhook.post(event, { query: `?token=${SECRET}x` })).status).toBe(403);
			expect(webhook.runs).toHaveLength(0);
			const answer = await webhook.post(event, { query: `?token=${SECRET}` });
			expect(answer.status).toBe(200);
			expect(webhook.runs).toHaveLength(1);
			expect(webhook.runs[0].received).toHaveLength(1);
		});

		it("Basic Auth in URL: the basic auth credential's user name and secret", async () => {
			setup.typeVersion = 2;
			setup.parameters = { authentication: 'basicAuth' };
			setup.credentials = { user: 'braze-postbacks', secret: SECRET };
			expect((await webhook.post(event, { auth: `braze:${SECRET}` })).status).toBe(403);
			const answer = await webhook.post(event, { auth: `braze-postbacks:${SECRET}` });
			expect(answer.status).toBe(200);
			expect(webhook.runs).toHaveLength(1);
		});

		it('a saved version 1 workflow keeps its credential: Secret Token in URL with "Braze Postback Basic Auth API"', async () => {
			setup.typeVersion = 1;
			setup.parameters = { authentication: 'urlToken' };
			setup.credentials = { secret: SECRET, user: 'braze' };
			expect(credentialsShown(1, setup.parameters)).toEqual([BASIC_AUTH_CREDENTIAL]);
			expect(loaded(1, setup.parameters).authentication).toBe('urlToken');
			const answer = await webhook.post(event, { query: `?token=${SECRET}` });
			expect(answer.status).toBe(200);
			expect(webhook.runs).toHaveLength(1);
		});
	});

	it('publishing a version 2 workflow fails on a weak token credential, naming the problem, with no secret offered', async () => {
		await expect(
			checkActivation({ parameters: {}, typeVersion: 2, credentials: { secret: SECRET } }),
		).resolves.toBe(true);
		const refused = checkActivation({
			parameters: {},
			typeVersion: 2,
			credentials: { secret: 'too-short' },
		});
		await expect(refused).rejects.toThrow(
			/^The Braze Trigger's credential cannot protect the webhook: its Secret has 9 characters; use at least 24 random ones\.$/,
		);
	});
});

describe("The credentials' forms show only what their way needs", () => {
	it('Braze Postback Token API: only the Secret', () => {
		const { properties } = new BrazePostbackTokenApi();
		expect(formFields(properties, {})).toEqual(['secret']);
	});

	it('Braze Postback Basic Auth API: the User Name and the Secret', () => {
		const { properties } = new BrazePostbackApi();
		expect(formFields(properties, {})).toEqual(['user', 'secret']);
		expect(credentialDataAsN8nGivesIt(BASIC_AUTH_CREDENTIAL, { secret: SECRET })).toEqual({
			user: 'braze',
			secret: SECRET,
		});
	});

	it('the Secret is a password field (n8n never sends it back to the browser), not required, and its hint says how to get one without a terminal', () => {
		for (const { properties } of [new BrazePostbackApi(), new BrazePostbackTokenApi()]) {
			const secret = properties.find((p) => p.name === 'secret');
			expect(secret?.typeOptions?.password).toBe(true);
			expect(secret?.required).toBeFalsy();
			expect(secret?.hint).toMatch(
				/Leave it empty, click Save, then More details: the test offers a random one/,
			);
			expect(JSON.stringify(properties)).not.toMatch(/openssl|terminal/i);
		}
	});
});

describe("The credential's test offers a random secret", () => {
	const testToken = async (data: ICredentialDataDecryptedObject) =>
		await trigger.methods.credentialTest.brazePostbackToken.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'token',
			type: TOKEN_CREDENTIAL,
			data,
		});
	const testBasic = async (data: ICredentialDataDecryptedObject) =>
		await trigger.methods.credentialTest.brazePostbackSecret.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'basic',
			type: BASIC_AUTH_CREDENTIAL,
			data,
		});

	it('an empty Secret (n8n sends none): the answer offers a new random secret that the test then accepts', async () => {
		const answer = await testToken({});
		expect(answer.status).toBe('Error');
		expect(answer.message).toMatch(
			/^The credential cannot protect the webhook: its Secret is empty\. A random Secret made for you just now: [A-Za-z0-9_-]{43} \(copy it into Secret and save; put the same in the URL you paste into Braze\)\.$/,
		);
		const offered = suggestionIn(answer.message) as string;
		expect(offered.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
		expect(await testToken({ secret: offered })).toEqual({
			status: 'OK',
			message: 'The secret can protect the webhook.',
		});
	});

	it('each answer offers another secret', async () => {
		const offered = new Set<string>();
		for (let i = 0; i < 20; i++) offered.add(suggestionIn((await testToken({})).message) as string);
		expect(offered.size).toBe(20);
	});

	it('a short or URL-unsafe Secret gets an offer too; the weak secret itself is not repeated', async () => {
		for (const secret of ['a~c', 'a secret with spaces and & signs!!']) {
			const answer = await testToken({ secret });
			expect(suggestionIn(answer.message)).toHaveLength(43);
			expect(answer.message).not.toContain(secret);
		}
	});

	it('a good Secret with a bad User Name (basic auth) gets no offer: the secret is not the problem', async () => {
		const answer = await testBasic({ secret: SECRET, user: 'bra:ze' });
		expect(answer.status).toBe('Error');
		expect(answer.message).toMatch(/User Name/);
		expect(suggestionIn(answer.message)).toBeUndefined();
		expect(answer.message).not.toContain(SECRET);
	});

	it('the offer is only in the test: publishing with an empty Secret names the problem without one', async () => {
		const refused = checkActivation({ parameters: {}, typeVersion: 2, credentials: {} });
		await expect(refused).rejects.toThrow(
			/^The Braze Trigger's credential cannot protect the webhook: its Secret is empty\.$/,
		);
	});
});

describe('What the panel says', () => {
	const notice = (name: string) =>
		description.properties.find((p) => p.name === name)?.displayName ?? '';

	it('the token note gives the URL to paste into Braze: the Production URL, ?token= and the Secret, which n8n never shows again', () => {
		const text = notice('urlTokenNotice');
		expect(text).toContain('Transactional Event Status Postback');
		expect(text).toContain(
			'open Webhook URLs above, choose Production URL and click the URL to copy it',
		);
		expect(text).toContain(
			"add ?token= and the credential's Secret at its end: https://your-n8n/webhook/…/braze-postback?token=YOUR_SECRET",
		);
		expect(text).toContain('n8n never shows a saved Secret again');
		// n8n's notice keeps only <a>, <ul> and <li>: no other tag, whose text would run together.
		expect(text.match(/<\/?([a-z]+)/g)?.map((t) => t.replace(/[</]/g, ''))).toEqual([
			'ul',
			'li',
			'li',
			'li',
			'li',
			'ul',
		]);
		const shownFor = description.properties.find((p) => p.name === 'urlTokenNotice')?.displayOptions
			?.show?.authentication;
		expect(shownFor).toEqual(['urlToken', 'queryToken']);
	});

	it('the trigger side says Braze posts to the Production URL: publish, Test the postback, look at the executions', () => {
		const panel = description.triggerPanel;
		if (typeof panel !== 'object') throw new Error('no trigger panel');
		const hint = panel.activationHint as { active: string; inactive: string };
		expect(hint.inactive).toMatch(/<a data-key="activate">published<\/a>/);
		expect(hint.inactive).toMatch(/Test the postback/);
		expect(hint.inactive).toMatch(/<a data-key="executions">executions<\/a>/);
		expect(hint.active).toMatch(/This workflow is published/);
		const help = panel.executionsHelp as { active: string; inactive: string };
		for (const text of [help.active, help.inactive]) {
			expect(text).toMatch(/<i>Execute step<\/i> listens only at the Test URL/);
			expect(text).toMatch(/paste the <b>Test URL<\/b> with the same secret into Braze/);
			expect(text).toMatch(/use <i>set mock data<\/i> in the output with an event such as \{/);
		}
	});
});
