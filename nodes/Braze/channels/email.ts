import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { attachmentsField, readAttachments } from '../helpers/form/attachments';
import { additionalJsonOption, messageVariationIdOption } from '../helpers/form/channelOptions';
import { FROM_VERSION_2, ONLY_VERSION_1, showForChannel } from '../helpers/form/displayOptions';
import { keyValueField } from '../helpers/form/keyValueField';
import { setPath } from '../helpers/values/object';
import { bodyOf } from '../helpers/body/requestBody';
import { invalidInput } from '../helpers/validation/invalidInput';
import { emailAddress } from '../helpers/validation/userData';
import { appIdField } from './appId';
import type { BrazeChannel } from './types';
import { brazeIdLocator } from '../helpers/form/locator';

const KEY = 'email';

async function sendEmailAttachments(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const attachments = readAttachments(
		this,
		'emailOptions.attachments.attachment',
		'Email › Attachment',
	);
	if (attachments.length)
		setPath(bodyOf(requestOptions), 'messages.email.attachments', attachments);
	return requestOptions;
}

/** Liquid in a sender field is Braze's to render: only plain text is checked. */
const hasLiquid = (text: string) => text.includes('{{') || text.includes('{%');

/** A value for an error message, cut short. */
const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * From is "Display Name <address>" (or the address alone); Reply To one address, or NO_REPLY_TO
 * to remove it (https://www.braze.com/docs/api/objects_filters/messaging/email_object).
 */
function assertSenderAddresses(context: IExecuteSingleFunctions, message: IDataObject): void {
	const from = message.from;
	if (typeof from === 'string' && !hasLiquid(from)) {
		const named = /^([^<>]*)<([^<>]*)>$/.exec(from.trim());
		const address = named ? named[2] : from;
		if ((!named && /[<>]/.test(from)) || 'problem' in emailAddress(address)) {
			throw invalidInput(
				context,
				`Email: From "${shown(from)}" is not a sender address`,
				'Write it as Display Name <address@your-sending-domain>, e.g. Acme <news@acme.com>, with an address of a sending domain set up in Braze.',
			);
		}
	}
	const replyTo = message.reply_to;
	if (typeof replyTo === 'string' && replyTo !== 'NO_REPLY_TO' && !hasLiquid(replyTo)) {
		if (/[<>]/.test(replyTo) || 'problem' in emailAddress(replyTo)) {
			throw invalidInput(
				context,
				`Email Options › Reply To "${shown(replyTo)}" is not an email address`,
				'Give one address such as support@acme.com, without a display name, or NO_REPLY_TO to remove the reply-to.',
			);
		}
	}
}

export const emailChannel: BrazeChannel = {
	key: KEY,
	name: 'Email',
	description: 'An email through Braze (messages.email)',
	properties: [
		appIdField('Email', 'emailAppId', KEY),
		{
			displayName: 'Email: From',
			name: 'emailFrom',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Acme <news@acme.com>',
			description:
				'The sender, as "Display Name &lt;address@domain&gt;" on a sending domain set up in Braze',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.email.from' } },
		},
		{
			displayName: 'Email Content',
			name: 'emailContent',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Use a Braze Email Template',
					value: 'template',
					description:
						'A template made in Braze (Templates › Email Templates): its subject, body and CSS setting are used',
				},
				{
					name: 'Write HTML',
					value: 'html',
					description: 'Write the subject and the HTML body here',
				},
			],
			default: 'html',
			description: "Where the email's subject and body come from",
			displayOptions: showForChannel(KEY, FROM_VERSION_2),
		},
		{
			displayName: 'Email Template ID',
			name: 'emailTemplateId',
			...brazeIdLocator('searchEmailTemplates', 'tpl-0a1b2c3d'),
			required: true,
			description:
				'The Braze email template to send; its subject, body and CSS setting are used unless Email: Subject or Email Options give their own',
			hint: "Templates made with Braze's drag-and-drop editor are not listed: Braze's API leaves them out.",
			displayOptions: showForChannel(KEY, { ...FROM_VERSION_2, emailContent: ['template'] }),
			routing: { send: { type: 'body', property: 'messages.email.email_template_id' } },
		},
		{
			displayName: 'Email: Subject',
			name: 'emailSubject',
			type: 'string',
			default: '',
			description:
				"The subject line; Liquid such as {{${first_name}}} works. With a template, leave it empty to use the template's subject.",
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.email.subject' } },
		},
		{
			displayName: 'Email: Body (HTML)',
			name: 'emailBody',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			description:
				'The HTML body; Liquid such as {{${first_name}}} works. Version 1: required unless Email Options › Email Template ID is set.',
			// Hidden with a template (version 2). `hide`, not `show`: version 1 has no Email Content.
			displayOptions: { ...showForChannel(KEY), hide: { emailContent: ['template'] } },
			routing: { send: { type: 'body', property: 'messages.email.body' } },
		},
		{
			displayName: 'Email Options',
			name: 'emailOptions',
			type: 'collection',
			placeholder: 'Add Email Option',
			default: {},
			description: 'Optional email fields: reply-to, template, attachments, headers and more',
			displayOptions: showForChannel(KEY),
			options: [
				additionalJsonOption('messages.email', 'Email', 'emailOptions'),
				{
					displayName: 'AMP Body',
					name: 'ampBody',
					type: 'string',
					typeOptions: { rows: 4 },
					default: '',
					description:
						'An AMP for Email version of the body (needs the HTML body too; under 100 KB for Gmail)',
					routing: { send: { type: 'body', property: 'messages.email.amp_body' } },
				},
				{
					...attachmentsField({
						description: 'Files Braze fetches from a URL and attaches (at most 2 MB each)',
						fileNameDescription: 'The name shown to the reader, without extension',
						urlDescription: 'Where Braze downloads the file; the extension is taken from it',
						basicAuth: true,
					}),
					routing: { send: { preSend: [sendEmailAttachments] } },
				},
				{
					displayName: 'BCC',
					name: 'bcc',
					type: 'string',
					default: '',
					description: 'One of the BCC addresses set up in your workspace email settings',
					routing: { send: { type: 'body', property: 'messages.email.bcc' } },
				},
				{
					displayName: 'Email Template ID',
					name: 'emailTemplateId',
					...brazeIdLocator('searchEmailTemplates', 'tpl-0a1b2c3d'),
					description:
						'A Braze email template; its subject, body and CSS setting are used unless the form gives them',
					// Version 2 offers it as Email Content › Use a Braze Email Template.
					displayOptions: { show: ONLY_VERSION_1 },
					routing: { send: { type: 'body', property: 'messages.email.email_template_id' } },
				},
				keyValueField({
					displayName: 'Extras',
					name: 'extras',
					parameterPath: 'emailOptions.extras',
					bodyPath: 'messages.email.extras',
					description: 'Key/value data passed to the email provider (SendGrid unique arguments)',
				}),
				keyValueField({
					displayName: 'Headers',
					name: 'headers',
					parameterPath: 'emailOptions.headers',
					bodyPath: 'messages.email.headers',
					keyLabel: 'Header Name',
					description: 'Custom email headers (SparkPost, SendGrid or Amazon SES)',
				}),
				messageVariationIdOption('messages.email.message_variation_id'),
				{
					displayName: 'Plaintext Body',
					name: 'plaintextBody',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: 'The plain-text version; Braze generates it from the HTML body when empty',
					routing: { send: { type: 'body', property: 'messages.email.plaintext_body' } },
				},
				{
					displayName: 'Preheader',
					name: 'preheader',
					type: 'string',
					default: '',
					description: 'The preview text shown after the subject (50–100 characters recommended)',
					routing: { send: { type: 'body', property: 'messages.email.preheader' } },
				},
				{
					displayName: 'Reply To',
					name: 'replyTo',
					type: 'string',
					default: '',
					placeholder: 'support@acme.com',
					description:
						'The reply-to address; NO_REPLY_TO removes it. Empty uses the workspace default.',
					routing: { send: { type: 'body', property: 'messages.email.reply_to' } },
				},
				{
					displayName: 'Should Inline CSS',
					name: 'shouldInlineCss',
					type: 'boolean',
					default: true,
					description: 'Whether Braze inlines the CSS of the body (empty: the workspace default)',
					routing: { send: { type: 'body', property: 'messages.email.should_inline_css' } },
				},
			],
		},
	],
	validate(context, message) {
		assertSenderAddresses(context, message);
		// Only spaces would go out as a blank email, or blank out the template's body.
		if (typeof message.body === 'string' && message.body.trim() === '') {
			throw invalidInput(
				context,
				'Email: Body (HTML) is only spaces',
				'Write the HTML body, or clear "Email: Body (HTML)" completely to use the Email Template ID\'s body.',
			);
		}
		if (message.body !== undefined || message.email_template_id !== undefined) return;
		if ((context.getNode().typeVersion ?? 1) < 2) {
			throw invalidInput(
				context,
				'Email needs a body or a template',
				'Fill in "Email: Body (HTML)", or set Email Options › Email Template ID.',
			);
		}
		// Version 2: the Email Content choice says which one is missing.
		if (context.getNodeParameter('emailContent', 'html') === 'template') {
			throw invalidInput(
				context,
				'Email Template ID is empty',
				'Pick the template from the list (or enter its ID By ID), or set Email Content to Write HTML.',
			);
		}
		throw invalidInput(
			context,
			'Email: Body (HTML) is empty',
			'Write the HTML body, or set Email Content to Use a Braze Email Template.',
		);
	},
};
