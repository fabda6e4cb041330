'use strict';
// Message › Send and Transactional Email in the n8n editor (headless Chromium against a real
// n8n): a Braze node added now is version 2 and shows Send To, with only the chosen way's fields;
// the App ID fields show where Braze lists the identifier; Email Content puts the template
// pick-list next to the body; a node saved with version 1 keeps its five recipient controls;
// Transactional Email › Send says what Automatic duplicate protection covers and that the
// campaign list cannot tell transactional campaigns apart. Screenshots go to docs/images/.
// Runs only through `npm run test:e2e` (BRAZE_E2E=1): a bare `node --test` at the repo root
// picks up every .js file under test/, and this suite installs n8n and starts servers.
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const n8n = require('../../scripts/lib/n8n');
const { startEditorSession } = require('./editorSession');
const { wf, manual, braze } = require('./workflows');

// An empty workflow (a Manual Trigger) to add a new Braze node to, as a user does.
const EMPTY = wf('BrazeE2eMsgNew00001', 'e2e: add a Braze message node', [manual]);
// A Message › Send node saved with version 1.
const SAVED_V1 = wf('BrazeE2eMsgV1Saved1', 'e2e: a version 1 Message node', [
	manual,
	braze(
		{ externalUserIds: 'u-1', segmentId: { __rl: true, mode: 'id', value: 'seg-1' } },
		{ credentialId: n8n.STANDIN_CREDENTIAL_ID, name: 'Saved send', x: 300 },
	),
]);
// A Transactional Email › Send node as a new one is (version 2).
const TRANSACTIONAL = wf('BrazeE2eMsgTx000001', 'e2e: an order email', [
	manual,
	{
		...braze(
			{ resource: 'transactional', operation: 'send', externalId: '={{ $json.id }}' },
			{ credentialId: n8n.STANDIN_CREDENTIAL_ID, name: 'Order email', x: 300 },
		),
		typeVersion: 2,
	},
]);

const RECIPIENT_LABELS = [
	'Send To',
	'External User IDs',
	'User Aliases',
	'Segment ID',
	'Broadcast',
	'Audience',
	'Audience Filter',
	'Audience Match',
	'Audience Filters',
	'Audience JSON',
];

let session;
let page;
let server;
let shot;
let debugShot;
let addBrazeNode;
let openNode;

// Setup failures are reported as a failing test (and fail every test), never as a skip.
let setupError;
before(async () => {
	try {
		session = await startEditorSession({
			workflows: [EMPTY, SAVED_V1, TRANSACTIONAL],
			prefix: 'n8n-braze-editor-message-',
		});
		({ page, server, shot, debugShot, openNode, addBrazeNode } = session);
	} catch (e) {
		setupError = e;
	}
});
function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

after(async () => {
	if (session) await session.close();
});

it('setup: real n8n installed, package packed and installed as a community package', () => {
	if (setupError) throw setupError;
});

const ndv = () => page.locator('[data-test-id="ndv"]');

/** The recipient fields the open panel shows, in order (each label once). */
async function recipientLabels() {
	const labels = await ndv()
		.locator('[data-test-id="parameter-input-label"], .n8n-input-label, label')
		.allInnerTexts();
	// A label's text can carry more lines (the Fixed / Expression switch): its first line is the name.
	const shown = labels
		.map((label) => label.trim().split('\n')[0].trim())
		.filter((l) => RECIPIENT_LABELS.includes(l));
	return shown.filter((label, index) => shown.indexOf(label) === index);
}

/** Opens `field`'s list and clicks its entry named `option` (an entry's first line is its name). */
async function pickListEntry(field, option) {
	const items = await session.openList(field);
	const names = (await items.allInnerTexts()).map((text) => text.trim().split('\n')[0].trim());
	const index = names.indexOf(option);
	assert.ok(index >= 0, `the list offers "${option}" (it offers: ${names.join(', ')})`);
	await items.nth(index).click();
}

/** Picks `option` in the options field `name` of the open panel. */
async function choose(name, option) {
	await pickListEntry(ndv().locator(`[data-test-id="parameter-input-${name}"]`).first(), option);
}

/** The parameter row of the field labelled `label` (its input, hint and label). */
const fieldRow = (label) =>
	ndv().locator('[data-test-id="parameter-item"]').filter({ hasText: label }).first();

describe('n8n editor: Message › Send (headless Chromium)', { concurrency: false }, () => {
	it('a new Braze node (version 2) shows Send To, and only the chosen way’s fields', async () => {
		requireSetup();
		try {
			await addBrazeNode(EMPTY.id, 'Send a message');
			await ndv().waitFor({ state: 'visible' });
			await ndv().getByText('Send To', { exact: true }).first().waitFor();
			await page.mouse.move(0, 0);
			assert.deepEqual(await recipientLabels(), ['Send To', 'External User IDs', 'User Aliases']);
			await shot('message-send-to-users.png', ndv());

			await choose('sendTo', 'Segment and Audience Filter');
			await ndv().getByText('Audience Match', { exact: true }).first().waitFor();
			await page.mouse.move(0, 0);
			assert.deepEqual(await recipientLabels(), [
				'Send To',
				'Segment ID',
				'Audience Filter',
				'Audience Match',
				'Audience Filters',
			]);
			await shot('message-send-to-segment-and-audience.png', ndv());

			await choose('sendTo', 'Segment');
			await ndv().getByText('Audience Match', { exact: true }).first().waitFor({ state: 'hidden' });
			assert.deepEqual(await recipientLabels(), ['Send To', 'Segment ID']);

			// The list offers every way, with its description.
			const sendToList = await session.openList(
				ndv().locator('[data-test-id="parameter-input-sendTo"]').first(),
			);
			await sendToList.filter({ hasText: 'Users in a Segment' }).first().waitFor();
			const offered = (await sendToList.allInnerTexts()).join('\n');
			for (const way of [
				'Users',
				'Users in a Segment',
				'Segment',
				'Audience Filter',
				'Segment and Audience Filter',
			]) {
				assert.ok(offered.includes(way), `Send To offers "${way}" (offered: ${offered})`);
			}
			await shot('message-send-to-options.png', ndv());
			await session.closeList();
		} catch (e) {
			await debugShot('message-send-to-failed.png');
			throw e;
		}
	});

	it('Email: App ID shows where Braze lists it; Email Content puts the template pick-list in reach', async () => {
		requireSetup();
		try {
			await pickListEntry(ndv().locator('[data-test-id="parameter-input-channels"]'), 'Email');
			await session.closeList();
			await ndv().getByText('Email: App ID', { exact: true }).first().waitFor();
			const appId = fieldRow('Email: App ID');
			await appId.scrollIntoViewIfNeeded();
			const appIdText = await appId.innerText();
			assert.match(
				appIdText,
				/Settings › APIs and Identifiers › App Identifiers/,
				`the App ID hint is visible under the field (it reads: ${appIdText})`,
			);
			const placeholder = await appId
				.locator('input, textarea')
				.first()
				.getAttribute('placeholder');
			assert.match(String(placeholder), /^e\.g\. /);
			assert.ok(
				await ndv().getByText('Email Content', { exact: true }).first().isVisible(),
				'Email Content is shown',
			);
			assert.ok(
				await ndv().getByText('Email: Body (HTML)', { exact: true }).first().isVisible(),
				'Write HTML (the default) shows the body',
			);
			await page.mouse.move(0, 0);
			await shot('message-email-app-id.png', ndv());

			await choose('emailContent', 'Use a Braze Email Template');
			await ndv().getByText('Email Template ID', { exact: true }).first().waitFor();
			await ndv()
				.getByText('Email: Body (HTML)', { exact: true })
				.first()
				.waitFor({ state: 'hidden' });
			const template = fieldRow('Email Template ID');
			await template.scrollIntoViewIfNeeded();
			assert.match(await template.innerText(), /drag-and-drop editor are not listed/);
			// The pick-list lists the stand-in's templates.
			await template.locator('[data-test-id="rlc-input"]').first().click();
			const listed = page
				.locator('[data-test-id="rlc-item"]')
				.filter({ hasText: 'Password Reset Email' })
				.first();
			await listed.waitFor({ state: 'visible', timeout: 30000 });
			await page.mouse.move(0, 0);
			await shot('message-email-template.png', ndv());
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('message-email-failed.png');
			throw e;
		}
	});

	it('a node saved with version 1 keeps its five recipient controls, and no Send To', async () => {
		requireSetup();
		try {
			await openNode(SAVED_V1.id, 'Saved send');
			await ndv().getByText('Broadcast', { exact: true }).first().waitFor();
			assert.deepEqual(await recipientLabels(), [
				'External User IDs',
				'User Aliases',
				'Segment ID',
				'Broadcast',
				'Audience',
			]);
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('message-v1-failed.png');
			throw e;
		}
	});
});

describe(
	'n8n editor: Transactional Email › Send (headless Chromium)',
	{ concurrency: false },
	() => {
		it('Duplicate Protection says Automatic covers retries only and points to Custom Key with the order ID; the campaign list says it cannot filter', async () => {
			requireSetup();
			try {
				await openNode(TRANSACTIONAL.id, 'Order email');
				await ndv().getByText('Duplicate Protection', { exact: true }).first().waitFor();
				const protection = fieldRow('Duplicate Protection');
				await protection.scrollIntoViewIfNeeded();
				const text = await protection.innerText();
				for (const words of [
					'Automatic protects against retries only',
					'a webhook that arrives twice is a new execution',
					'Custom Key with the order ID',
					'order-{{ $json.id }}',
					'24 hours',
				]) {
					assert.ok(text.includes(words), `the hint shows "${words}" (it reads: ${text})`);
				}
				const campaign = await fieldRow('Campaign ID').innerText();
				assert.match(campaign, /Braze's list cannot tell which are Transactional Email/);
				await page.mouse.move(0, 0);
				await shot('transactional-duplicate-protection.png', ndv());
				// The option's own words, in the list: what shows before the list cuts them short.
				const protectionList = await session.openList(
					ndv().locator('[data-test-id="parameter-input-duplicateProtection"]').first(),
				);
				const automatic = protectionList.filter({ hasText: 'Automatic' }).first();
				await automatic.waitFor({ state: 'visible' });
				assert.match(await automatic.innerText(), /Retries only: a webhook that arrives twice/);
				const custom = protectionList.filter({ hasText: 'Custom Key' }).first();
				assert.match(await custom.innerText(), /One email per key within 24 hours/);
				await page.mouse.move(0, 0);
				await shot('transactional-duplicate-options.png', ndv());
				await session.closeList();
			} catch (e) {
				await debugShot('transactional-duplicate-failed.png');
				throw e;
			}
		});
	},
);
