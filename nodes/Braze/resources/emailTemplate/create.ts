import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { addTags } from './tags';
import {
	bodyField,
	optionalTemplateFields,
	subjectField,
	templateNameField,
} from './templateFields';

/**
 * Email Template › Create: POST /templates/email/create with template_name, subject and body,
 * and optionally plaintext_body, preheader, tags and should_inline_css
 * (https://www.braze.com/docs/api/endpoints/templates/email_templates/post_create_email_template).
 */
const show = showFor('emailTemplate', ['create']);

export const createTemplateProperties: INodeProperties[] = [
	{
		...templateNameField,
		required: true,
		placeholder: 'e.g. Order Confirmation',
		displayOptions: show,
	},
	{ ...subjectField, required: true, displayOptions: show },
	{ ...bodyField, required: true, displayOptions: show },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Plain-text body, preheader, tags and the CSS setting; what is not added is left to Braze',
		displayOptions: show,
		options: optionalTemplateFields,
	},
];

export const createTemplateOperation: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create an email template',
	description:
		"Create an email template in Braze from a subject and an HTML body, e.g. to keep templates written elsewhere in sync with Braze. Outputs the new template's email_template_id. Not sent again after an unclear answer: Braze would make a second template.",
	url: '/templates/email/create',
	permission: 'templates.email.create',
	prepare: [addTags('additionalFields', 'Additional Fields › Tags')],
	// Applied twice, it makes two templates.
	onUnclearAnswer: report(CHANGES.emailTemplate),
	outputsDispatchId: false,
};
