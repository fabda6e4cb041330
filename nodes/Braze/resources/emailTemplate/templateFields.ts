import type { INodeProperties } from 'n8n-workflow';

import { brazeIdLocator } from '../../helpers/form/locator';
import { tagsField } from './tags';

/**
 * The fields of an email template, as Create shows them and Update's Update Fields lists them
 * (https://www.braze.com/docs/api/endpoints/templates/email_templates/post_create_email_template).
 */

/** Email Template › Get and Update: the template, from the list or by its API identifier. */
export const templateIdField: INodeProperties = {
	displayName: 'Email Template',
	name: 'emailTemplateId',
	...brazeIdLocator('searchEmailTemplates', 'tpl-0a1b2c3d'),
	required: true,
	description:
		"The template's API identifier (email_template_id), from the list or from Braze (Templates › Email Templates, the template's API identifier)",
	hint: "Templates made with Braze's drag-and-drop editor are not listed, and Braze's API does not read them.",
	displayOptions: { show: { resource: ['emailTemplate'], operation: ['get', 'update'] } },
	routing: { send: { type: 'body', property: 'email_template_id' } },
};

export const templateNameField: INodeProperties = {
	displayName: 'Template Name',
	name: 'templateName',
	type: 'string',
	default: '',
	description: 'The name the template has in Braze',
	routing: { send: { type: 'body', property: 'template_name' } },
};

export const subjectField: INodeProperties = {
	displayName: 'Subject',
	name: 'subject',
	type: 'string',
	default: '',
	description: 'The subject line; Liquid such as {{${first_name}}} works',
	routing: { send: { type: 'body', property: 'subject' } },
};

export const bodyField: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 6 },
	default: '',
	description:
		'The email body, in HTML. Liquid and Content Blocks ({{content_blocks.${name}}}) work; a Content Block it names must exist.',
	routing: { send: { type: 'body', property: 'body' } },
};

/** The optional fields, in Create's Additional Fields and Update's Update Fields. */
export const optionalTemplateFields: INodeProperties[] = [
	{
		displayName: 'Inline CSS',
		name: 'shouldInlineCss',
		type: 'boolean',
		default: true,
		description:
			"Whether Braze inlines the template's CSS into its HTML (should_inline_css). Not set: the workspace's setting.",
		routing: { send: { type: 'body', property: 'should_inline_css' } },
	},
	{
		displayName: 'Plain Text Body',
		name: 'plaintextBody',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The plain-text version of the body (plaintext_body)',
		routing: { send: { type: 'body', property: 'plaintext_body' } },
	},
	{
		displayName: 'Preheader',
		name: 'preheader',
		type: 'string',
		default: '',
		description: 'The preview text that email clients show after the subject',
		routing: { send: { type: 'body', property: 'preheader' } },
	},
	tagsField,
];
