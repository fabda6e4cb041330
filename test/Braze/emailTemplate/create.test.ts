import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

const TEMPLATE = {
	templateName: 'Order Confirmation',
	subject: 'Your order {{${first_name}}}',
	body: '<p>Thanks!</p>',
};

async function run(operation: string, parameters: IDataObject, extra: Partial<RunOptions> = {}) {
	return await runBrazeNode({
		parameters: { resource: 'emailTemplate', operation, ...parameters } as never,
		typeVersion: 2,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

describe('Email Template › Create', () => {
	it('POST /templates/email/create: tags as a list, Inline CSS a real boolean; outputs the new ID', async () => {
		const result = await run('create', {
			...TEMPLATE,
			additionalFields: {
				plaintextBody: 'Thanks!',
				preheader: 'On its way',
				tags: 'transactional, promo, transactional',
				shouldInlineCss: false,
			},
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.method, request.path])).toEqual([
			['POST', '/templates/email/create'],
		]);
		expect(standIn.requests[0].body).toEqual({
			template_name: 'Order Confirmation',
			subject: 'Your order {{${first_name}}}',
			body: '<p>Thanks!</p>',
			plaintext_body: 'Thanks!',
			preheader: 'On its way',
			tags: ['transactional', 'promo'],
			should_inline_css: false,
		});
		expect(result.output).toHaveLength(1);
		const id = result.output[0].json.email_template_id as string;
		expect(result.output[0].json).toEqual({ email_template_id: id, message: 'success' });
		// What Braze made, Get and Get Many show.
		const got = await run('get', { emailTemplateId: id, output: 'raw' });
		expect(got.output[0].json).toMatchObject({
			email_template_id: id,
			template_name: 'Order Confirmation',
			tags: ['transactional', 'promo'],
			should_inline_css: false,
		});
		const listed = await run('getMany', { returnAll: true });
		expect(listed.output.map((item) => item.json.email_template_id)).toContain(id);
	});

	it('leaves out what is not given; Inline CSS and Tags from expressions', async () => {
		await run('create', TEMPLATE);
		await run(
			'create',
			{
				...TEMPLATE,
				additionalFields: { shouldInlineCss: '={{ $json.inline }}', tags: '={{ $json.tags }}' },
			},
			{ items: [{ inline: 'true', tags: ['digest', ' promo '] }] },
		);
		expect(standIn.requests.map((request) => request.body)).toEqual([
			{
				template_name: 'Order Confirmation',
				subject: 'Your order {{${first_name}}}',
				body: '<p>Thanks!</p>',
			},
			{
				template_name: 'Order Confirmation',
				subject: 'Your order {{${first_name}}}',
				body: '<p>Thanks!</p>',
				should_inline_css: true,
				tags: ['digest', 'promo'],
			},
		]);
	});

	describe('refused before any request', () => {
		it.each([
			[{ ...TEMPLATE, templateName: '={{ $json.none }}' }, 'Template Name is required'],
			[{ ...TEMPLATE, body: '={{ "" }}' }, 'Body is required'],
			[
				{ ...TEMPLATE, additionalFields: { shouldInlineCss: '={{ "maybe" }}' } },
				'Additional Fields › Inline CSS must be true or false, but it is "maybe"',
			],
			[
				{ ...TEMPLATE, additionalFields: { tags: '={{ [1, 2] }}' } },
				'Additional Fields › Tags must be text or a list of texts, but it is a list',
			],
		])('%j', async (parameters, message) => {
			const result = await run('create', parameters);
			expect(result.error?.message).toEqual(message);
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it("tags Braze does not know: Braze's own words", async () => {
		const result = await run('create', { ...TEMPLATE, additionalFields: { tags: 'no-such-tag' } });
		expect(result.error?.message).toBe(
			'Braze rejected the request (400): Some tags could not be found',
		);
	});

	it('a server error: reported, never sent again (a second try would make a second template)', async () => {
		standIn.queueFaults({ type: 'acceptThenDrop' });
		const result = await run('create', { ...TEMPLATE, options: { retryServerErrors: true } });
		expect(standIn.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(/the email template may or may not have been created/);
		expect(String(result.error?.description)).toMatch(/Check Templates › Email Templates in Braze/);
	});

	it('a 500: reported after one request, whatever Retry Server Errors says', async () => {
		standIn.queueFaults({ type: 'serverError', status: 500 });
		const result = await run('create', { ...TEMPLATE, options: { retryServerErrors: true } });
		expect(standIn.requests).toHaveLength(1);
		expect(result.error?.message).toBe(
			'Braze answered with a server error (500): the email template may or may not have been created',
		);
	});

	it('Retry On Fail does not send it again either', async () => {
		standIn.queueFaults({ type: 'serverError', status: 502 });
		const result = await run('create', TEMPLATE, {
			settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 },
		});
		expect(standIn.requests).toHaveLength(1);
		expect(result.error?.message).toBe(
			'This item may or may not have been sent by an earlier try of this node: it is not sent again',
		);
	});

	it('403: names the templates.email.create permission', async () => {
		await expectPermissionNamed('templates.email.create', {
			resource: 'emailTemplate',
			operation: 'create',
			...TEMPLATE,
		});
	});
});
