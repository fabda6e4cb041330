import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function get(parameters: IDataObject, items?: IDataObject[]) {
	return await runBrazeNode({
		parameters: { resource: 'emailTemplate', operation: 'get', ...parameters } as never,
		typeVersion: 2,
		items,
		credentials: standInCredentials(standIn),
	});
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

describe('Email Template › Get', () => {
	it('GET /templates/email/info?email_template_id=…; Simplified keeps the ID and nine fields', async () => {
		const result = await get({ emailTemplateId: fromList('tpl-receipt-0001') });
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/templates/email/info', { email_template_id: 'tpl-receipt-0001' }]]);
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({
			email_template_id: 'tpl-receipt-0001',
			template_name: 'Receipt',
			subject: 'Receipt subject',
			preheader: '',
			body: '<p>Receipt</p>',
			plaintext_body: 'Receipt',
			description: 'Receipt (stand-in)',
			tags: ['transactional'],
			should_inline_css: true,
			updated_at: '2026-01-10T09:00:00.000+00:00',
		});
	});

	it('Output Raw: every field Braze gives, without its "success" message; Selected Fields: the ID and those named', async () => {
		const raw = await get({ emailTemplateId: byId('tpl-reset-0003'), output: 'raw' });
		expect(Object.keys(raw.output[0].json).sort()).toEqual([
			'body',
			'created_at',
			'description',
			'email_template_id',
			'plaintext_body',
			'preheader',
			'should_inline_css',
			'subject',
			'tags',
			'template_name',
			'updated_at',
		]);
		const selected = await get({
			emailTemplateId: byId('tpl-reset-0003'),
			output: 'selected',
			outputFields: 'subject, created_at',
		});
		expect(selected.output[0].json).toEqual({
			email_template_id: 'tpl-reset-0003',
			subject: 'Password Reset Email subject',
			created_at: '2026-01-10T09:00:00.000+00:00',
		});
	});

	it('one output item per input item, each with its own template', async () => {
		const result = await get({ emailTemplateId: '={{ $json.template }}' }, [
			{ template: 'tpl-receipt-0001' },
			{ template: 'tpl-newsletter-0002' },
		]);
		expect(result.output.map((item) => [item.json.email_template_id, item.pairedItem])).toEqual([
			['tpl-receipt-0001', { item: 0 }],
			['tpl-newsletter-0002', { item: 1 }],
		]);
	});

	it("an ID Braze does not know: Braze's refusal, named", async () => {
		const result = await get({ emailTemplateId: byId('tpl-missing-9999') });
		expect(result.error?.message).toBe(
			'Braze rejected the request (400): Email template ID is invalid for this workspace',
		);
		expect(standIn.requests).toHaveLength(1);
	});

	it.each([
		['={{ $json.missing }}', 'Email Template is required'],
		[byId('not an id'), 'Email Template "not an id" is not a Braze API identifier'],
		[byId('{{ $json.id }}'), 'Email Template "{{ $json.id }}" is not a Braze API identifier'],
	])('refused before any request: %j', async (emailTemplateId, message) => {
		const result = await get({ emailTemplateId });
		expect(result.error?.message).toBe(message);
		expect(standIn.requests).toHaveLength(0);
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 500 });
		const result = await get({ emailTemplateId: byId('tpl-receipt-0001') });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([500, 200]);
		expect(result.output[0].json.email_template_id).toBe('tpl-receipt-0001');
	});

	it('403: names the templates.email.info permission', async () => {
		await expectPermissionNamed('templates.email.info', {
			resource: 'emailTemplate',
			operation: 'get',
			emailTemplateId: 'tpl-receipt-0001',
		});
	});
});
