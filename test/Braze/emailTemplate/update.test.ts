import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function run(operation: string, parameters: IDataObject, extra: Partial<RunOptions> = {}) {
	return await runBrazeNode({
		parameters: { resource: 'emailTemplate', operation, ...parameters } as never,
		typeVersion: 2,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

const RECEIPT = { __rl: true, mode: 'list', value: 'tpl-receipt-0001' };

describe('Email Template › Update', () => {
	it('POST /templates/email/update with the ID and only the fields given; outputs the ID', async () => {
		const result = await run('update', {
			emailTemplateId: RECEIPT,
			updateFields: { subject: 'Your receipt', shouldInlineCss: false, tags: 'promo' },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].path).toBe('/templates/email/update');
		expect(standIn.requests[0].body).toEqual({
			email_template_id: 'tpl-receipt-0001',
			subject: 'Your receipt',
			should_inline_css: false,
			tags: ['promo'],
		});
		expect(result.output[0].json).toEqual({
			email_template_id: 'tpl-receipt-0001',
			message: 'success',
		});
		const got = await run('get', { emailTemplateId: RECEIPT, output: 'raw' });
		expect(got.output[0].json).toMatchObject({
			template_name: 'Receipt',
			subject: 'Your receipt',
			should_inline_css: false,
			tags: ['promo'],
		});
	});

	describe('refused before any request', () => {
		it.each([
			[{}, 'Update Fields names nothing to change'],
			[{ plaintextBody: '' }, 'Update Fields names nothing to change'],
			[{ subject: '  ' }, 'Update Fields › Subject is empty'],
			[{ templateName: '' }, 'Update Fields › Template Name is empty'],
		])('Update Fields %j', async (updateFields, message) => {
			const result = await run('update', { emailTemplateId: RECEIPT, updateFields });
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toBeTruthy();
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('an unclear answer with Retry Server Errors: sent again, and the output says so (applied twice, it comes out the same)', async () => {
		standIn.queueFaults({ type: 'acceptThenDrop' });
		const result = await run('update', {
			emailTemplateId: RECEIPT,
			updateFields: { preheader: 'New' },
			options: { retryServerErrors: true },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(2);
		expect(standIn.requests[1].body).toEqual(standIn.requests[0].body);
		expect(result.output[0].json).toMatchObject({
			email_template_id: 'tpl-receipt-0001',
			resent_after_unclear_answer: true,
		});
		expect(String(result.output[0].json.warning)).toMatch(
			/The email template update was sent again/,
		);
	});

	it('an unclear answer without Retry Server Errors: reported, with the advice that a rerun is safe', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await run('update', {
			emailTemplateId: RECEIPT,
			updateFields: { preheader: 'New' },
		});
		expect(standIn.requests).toHaveLength(1);
		expect(result.error?.message).toBe(
			'Braze answered with a server error (503): the email template update may or may not have been applied',
		);
		expect(String(result.error?.description)).toMatch(/Running the item again is safe/);
	});

	it('403: names the templates.email.update permission', async () => {
		await expectPermissionNamed('templates.email.update', {
			resource: 'emailTemplate',
			operation: 'update',
			emailTemplateId: 'tpl-receipt-0001',
			updateFields: { subject: 'x' },
		});
	});
});
