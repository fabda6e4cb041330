import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { showFor } from '../../helpers/form/displayOptions';
import { collectionParameter } from '../../helpers/form/parameters';
import { invalidInput } from '../../helpers/validation/invalidInput';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { addTags } from './tags';
import {
	bodyField,
	optionalTemplateFields,
	subjectField,
	templateNameField,
} from './templateFields';

/**
 * Email Template › Update: POST /templates/email/update with email_template_id and only the
 * fields given; Braze wants at least one
 * (https://www.braze.com/docs/api/endpoints/templates/email_templates/post_update_email_template).
 */
export const updateTemplateProperties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The fields to change; the others keep their values. At least one.',
		displayOptions: showFor('emailTemplate', ['update']),
		options: [bodyField, ...optionalTemplateFields, subjectField, templateNameField].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

/** What Update may change: Braze's keys. */
const CHANGED_KEYS = [
	'template_name',
	'subject',
	'body',
	'plaintext_body',
	'preheader',
	'tags',
	'should_inline_css',
];

/** Fields Braze needs to hold text: added to Update Fields, they must not be left empty. */
const NOT_EMPTY: Array<[string, string]> = [
	['templateName', 'Template Name'],
	['subject', 'Subject'],
	['body', 'Body'],
];

/** Refuses an Update that changes nothing, or empties a field Braze needs. */
function assertSomethingToChange(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const given = collectionParameter(context, 'updateFields');
	for (const [name, label] of NOT_EMPTY) {
		if (name in given && String(given[name] ?? '').trim() === '') {
			throw invalidInput(
				context,
				`Update Fields › ${label} is empty`,
				`Braze keeps a template's ${label.toLowerCase()}: type the new one, or remove ${label} from Update Fields to keep the current one.`,
			);
		}
	}
	if (!CHANGED_KEYS.some((key) => key in body)) {
		throw invalidInput(
			context,
			'Update Fields names nothing to change',
			'Add at least one field to Update Fields (Template Name, Subject, Body, Plain Text Body, Preheader, Tags or Inline CSS) and fill it in: Braze refuses an update that changes nothing.',
		);
	}
}

export const updateTemplateOperation: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update an email template',
	description:
		"Change an email template's name, subject, body, plain-text body, preheader, tags or CSS setting; the fields not given keep their values. Applied twice, it comes out the same, so Options › Retry Server Errors may send it again.",
	url: '/templates/email/update',
	permission: 'templates.email.update',
	prepare: [addTags('updateFields', 'Update Fields › Tags'), assertSomethingToChange],
	// Braze's answer does not name the template: the output does.
	echoBodyKeys: ['email_template_id'],
	onUnclearAnswer: resend(CHANGES.emailTemplateUpdate),
	outputsDispatchId: false,
};
