import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function run(operation: string, parameters: IDataObject, extra: Partial<RunOptions> = {}) {
	return await runBrazeNode({
		parameters: { resource: 'contentBlock', operation, ...parameters } as never,
		typeVersion: 2,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

const FOOTER = { __rl: true, mode: 'id', value: 'cb-footer-0001' };
const PROMO = { __rl: true, mode: 'id', value: 'cb-promo-0002' };

describe('Content Block › Create', () => {
	it('POST /content_blocks/create; outputs the ID and Liquid tag; Get shows what was made', async () => {
		const result = await run('create', {
			name: 'order-footer_2',
			content: '<p>Questions? {{${email_address}}}</p>',
			additionalFields: { description: 'Footer of order emails', state: 'draft', tags: 'commerce' },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].path).toBe('/content_blocks/create');
		expect(standIn.requests[0].body).toEqual({
			name: 'order-footer_2',
			content: '<p>Questions? {{${email_address}}}</p>',
			description: 'Footer of order emails',
			state: 'draft',
			tags: ['commerce'],
		});
		const id = result.output[0].json.content_block_id as string;
		expect(result.output[0].json).toEqual({
			content_block_id: id,
			liquid_tag: '{{content_blocks.${order-footer_2}}}',
			created_at: expect.any(String),
			message: 'success',
		});
		const got = await run('get', { contentBlockId: id });
		expect(got.output[0].json).toMatchObject({
			name: 'order-footer_2',
			content_type: 'html',
			tags: ['commerce'],
		});
	});

	describe('what Braze documents it refuses is refused before any request', () => {
		const ok = { name: 'promo', content: 'Hello' };
		it.each([
			[{ ...ok, name: 'x'.repeat(100) }, 'Name is 100 characters long; Braze takes fewer than 100'],
			[
				{ ...ok, name: 'spring promo!' },
				'Name "spring promo!" has the character " "; Braze takes only letters (A–Z, a–z), digits, - and _',
			],
			[
				{ ...ok, name: 'caf\u00e9' },
				'Name "caf\u00e9" has the character "\u00e9"; Braze takes only letters (A–Z, a–z), digits, - and _',
			],
			[
				{ ...ok, additionalFields: { description: 'd'.repeat(250) } },
				'Additional Fields › Description is 250 characters long; Braze takes fewer than 250',
			],
			[
				{ ...ok, additionalFields: { description: '   ' } },
				'Additional Fields › Description is blank',
			],
			[
				{ ...ok, content: 'x'.repeat(50 * 1024) },
				'Content is 50.0 KB; Braze takes less than 50 KB',
			],
			[
				{ ...ok, content: 'A {{ content_blocks.${promo} }} B' },
				'Content includes the block itself ({{content_blocks.${promo}}})',
			],
			[{ ...ok, name: '={{ "" }}' }, 'Name is required'],
			[
				{ ...ok, additionalFields: { state: '={{ "archived" }}' } },
				'Additional Fields › State cannot be "archived"',
			],
		])('%#: %s', async (parameters, message) => {
			const result = await run('create', parameters);
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toBeTruthy();
			expect(standIn.requests).toHaveLength(0);
		});

		it('the largest content and the longest name and description Braze takes go out', async () => {
			const result = await run('create', {
				name: 'n'.repeat(99),
				content: 'x'.repeat(50 * 1024 - 1),
				additionalFields: { description: 'd'.repeat(249) },
			});
			expect(result.error).toBeUndefined();
			expect(standIn.accepted()).toHaveLength(1);
		});
	});

	it("what only Braze can tell (a name already taken, malformed Liquid): Braze's words", async () => {
		const taken = await run('create', { name: 'email_footer', content: 'x' });
		expect(taken.error?.message).toBe(
			'Braze rejected the request (400): Content Block with this name already exists',
		);
		const liquid = await run('create', { name: 'broken', content: 'Hi {{ first_name' });
		expect(liquid.error?.message).toBe(
			'Braze rejected the request (400): Content contains malformed liquid',
		);
	});

	it('an unclear answer: reported, never sent again, even with Retry Server Errors', async () => {
		standIn.queueFaults({ type: 'serverError', status: 500 });
		const result = await run('create', {
			name: 'promo',
			content: 'Hello',
			options: { retryServerErrors: true },
		});
		expect(standIn.requests).toHaveLength(1);
		expect(result.error?.message).toBe(
			'Braze answered with a server error (500): the Content Block may or may not have been created',
		);
		expect(String(result.error?.description)).toMatch(/Check Templates › Content Blocks in Braze/);
	});

	it('403: names the content_blocks.create permission', async () => {
		await expectPermissionNamed('content_blocks.create', {
			resource: 'contentBlock',
			operation: 'create',
			name: 'promo',
			content: 'Hello',
		});
	});
});

describe('Content Block › Update', () => {
	it('POST /content_blocks/update with the ID and only the fields given', async () => {
		const result = await run('update', {
			contentBlockId: FOOTER,
			updateFields: { content: '<p>New footer</p>', tags: 'transactional,promo' },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			content_block_id: 'cb-footer-0001',
			content: '<p>New footer</p>',
			tags: ['transactional', 'promo'],
		});
		expect(result.output[0].json).toMatchObject({
			content_block_id: 'cb-footer-0001',
			liquid_tag: '{{content_blocks.${email_footer}}}',
		});
	});

	it('a draft may be renamed and made active', async () => {
		const result = await run('update', {
			contentBlockId: PROMO,
			updateFields: { name: 'summer_promo', state: 'active' },
		});
		expect(result.error).toBeUndefined();
		expect(result.output[0].json.liquid_tag).toBe('{{content_blocks.${summer_promo}}}');
	});

	it("an active block back to draft, or renamed: Braze's refusal with its fix", async () => {
		const draft = await run('update', { contentBlockId: FOOTER, updateFields: { state: 'draft' } });
		expect(draft.error?.message).toBe(
			'Braze rejected the request (400): Active Content Block can not be updated to Draft. Create a new Content Block.',
		);
		const renamed = await run('update', {
			contentBlockId: FOOTER,
			updateFields: { name: 'footer2' },
		});
		expect(renamed.error?.message).toBe(
			'Braze rejected the request (400): Content Block name cannot be updated for active Content Blocks',
		);
	});

	it.each([
		[{}, 'Update Fields names nothing to change'],
		[{ content: '' }, 'Update Fields › Content is empty'],
		[
			{ name: 'a b' },
			'Update Fields › Name "a b" has the character " "; Braze takes only letters (A–Z, a–z), digits, - and _',
		],
		[
			{ name: 'promo', content: '{{content_blocks.${promo}}}' },
			'Update Fields › Content includes the block itself ({{content_blocks.${promo}}})',
		],
	])('refused before any request: Update Fields %j', async (updateFields, message) => {
		const result = await run('update', { contentBlockId: PROMO, updateFields });
		expect(result.error?.message).toBe(message);
		expect(standIn.requests).toHaveLength(0);
	});

	it('an unclear answer with Retry Server Errors: sent again (it comes out the same) and flagged', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await run('update', {
			contentBlockId: FOOTER,
			updateFields: { description: 'Legal footer' },
			options: { retryServerErrors: true },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([503, 200]);
		expect(result.output[0].json.resent_after_unclear_answer).toBe(true);
	});

	it('403: names the content_blocks.update permission', async () => {
		await expectPermissionNamed('content_blocks.update', {
			resource: 'contentBlock',
			operation: 'update',
			contentBlockId: 'cb-footer-0001',
			updateFields: { content: 'x' },
		});
	});
});
