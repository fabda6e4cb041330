import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Braze } from '../../../nodes/Braze/Braze.node';
import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

const base = {
	resource: 'message',
	operation: 'send',
	externalUserIds: 'u1',
	channels: ['email'],
	emailAppId: 'app-1',
	emailFrom: 'Acme <news@acme.com>',
};
const template = { __rl: true, mode: 'id', value: 'tpl-receipt-0001' };

async function run(typeVersion: number, parameters: IDataObject) {
	return await runBrazeNode({
		parameters: { ...base, ...parameters } as never,
		typeVersion,
		credentials: standInCredentials(standIn),
	});
}
const email = () => (standIn.requests[0].body?.messages as IDataObject).email;

describe('Email: the template within reach (Email Content, version 2)', () => {
	it('Use a Braze Email Template sends the template and no body, even one left from Write HTML', async () => {
		const result = await run(2, {
			emailContent: 'template',
			emailTemplateId: template,
			emailBody: '<p>left over</p>',
		});
		expect(result.error).toBeUndefined();
		expect(email()).toEqual({
			app_id: 'app-1',
			from: 'Acme <news@acme.com>',
			email_template_id: 'tpl-receipt-0001',
		});
	});

	it('a template with a subject of its own: the subject overrides the template’s', async () => {
		const result = await run(2, {
			emailContent: 'template',
			emailTemplateId: template,
			emailSubject: 'Your receipt',
		});
		expect(result.error).toBeUndefined();
		expect(email()).toMatchObject({
			subject: 'Your receipt',
			email_template_id: 'tpl-receipt-0001',
		});
	});

	it('Write HTML (the default) sends the body and no template, even one left from the template way', async () => {
		const result = await run(2, {
			emailSubject: 'Hello',
			emailBody: '<p>Hi</p>',
			emailTemplateId: template,
		});
		expect(result.error).toBeUndefined();
		expect(email()).toEqual({
			app_id: 'app-1',
			from: 'Acme <news@acme.com>',
			subject: 'Hello',
			body: '<p>Hi</p>',
		});
	});

	it("version 1's Email Options › Email Template ID is not read at version 2", async () => {
		const result = await run(2, {
			emailBody: '<p>Hi</p>',
			emailOptions: { emailTemplateId: template },
		});
		expect(result.error).toBeUndefined();
		expect(email()).not.toHaveProperty('email_template_id');
	});

	it('version 1 keeps Email Options › Email Template ID, and ignores Email Content', async () => {
		const result = await run(1, {
			emailContent: 'template',
			emailTemplateId: { __rl: true, mode: 'id', value: 'tpl-v2-only' },
			emailOptions: { emailTemplateId: template },
		});
		expect(result.error).toBeUndefined();
		expect(email()).toEqual({
			app_id: 'app-1',
			from: 'Acme <news@acme.com>',
			email_template_id: 'tpl-receipt-0001',
		});
	});

	it.each<[string, number, IDataObject, string, RegExp]>([
		[
			'version 2, template way, a template expression that gives nothing',
			2,
			{
				emailContent: 'template',
				emailTemplateId: { __rl: true, mode: 'id', value: '={{ $json.templateId }}' },
			},
			'Email Template ID is required',
			/Fill in "Email Template ID"/,
		],
		[
			'version 2, HTML way, no body',
			2,
			{ emailSubject: 'Hi' },
			'Email: Body (HTML) is empty',
			/Write the HTML body, or set Email Content to Use a Braze Email Template/,
		],
		[
			'version 1, neither (its words as before)',
			1,
			{ emailSubject: 'Hi' },
			'Email needs a body or a template',
			/or set Email Options › Email Template ID/,
		],
	])(
		'%s: refused, naming the field, nothing sent',
		async (_name, version, parameters, message, fix) => {
			const result = await run(version, parameters);
			expect(result.error?.message).toBe(message);
			expect(String(result.error?.description)).toMatch(fix);
			expect(standIn.requests).toHaveLength(0);
		},
	);

	it('an empty template is flagged by n8n itself, before the run (the field is required)', async () => {
		await expect(run(2, { emailContent: 'template' })).rejects.toThrow(
			/Parameter "Email Template ID" is required/,
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it('the template way also works on Update Schedule › Update Messages', async () => {
		const result = await run(2, {
			operation: 'updateSchedule',
			scheduleId: 'sch-1',
			updateMessages: true,
			emailContent: 'template',
			emailTemplateId: template,
		});
		expect(standIn.requests[0]?.body).toEqual({
			schedule_id: 'sch-1',
			messages: {
				email: {
					app_id: 'app-1',
					from: 'Acme <news@acme.com>',
					email_template_id: 'tpl-receipt-0001',
				},
			},
		});
		expect(result.error?.message ?? '').not.toMatch(/Email/);
	});
});

describe('App ID fields say where Braze shows the identifier', () => {
	const properties = new Braze().description.properties;
	it.each(['emailAppId', 'smsAppId', 'whatsAppAppId'])(
		'%s: a visible hint and a placeholder',
		(name) => {
			const field = properties.find((property) => property.name === name) as INodeProperties;
			expect(field.hint).toMatch(/Settings › APIs and Identifiers › App Identifiers/);
			expect(field.placeholder).toMatch(/^e\.g\. [0-9a-f-]{36}$/);
			expect(field.required).toBe(true);
		},
	);
});
