import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { answerRecord } from '../../shared/reads/output';
import { keepOnlyKeys } from '../../helpers/body/requestBody';

/**
 * Email Template › Get: GET /templates/email/info?email_template_id=…, the template's name,
 * subject, preheader, HTML and plain-text bodies, CSS setting, tags and dates. Braze does not
 * read templates made with the drag-and-drop editor
 * (https://www.braze.com/docs/api/endpoints/templates/email_templates/get_see_email_template_information).
 * Its field is Email Template (templateFields.ts).
 */
export const getTemplateOperation: OperationSpec = {
	name: 'Get',
	value: 'get',
	action: 'Get an email template',
	description:
		"Read one email template (subject, preheader, HTML body, plain-text body, tags) by its ID, e.g. to copy it, check it or fill a message with it. Templates made with Braze's drag-and-drop editor cannot be read.",
	url: '/templates/email/info',
	method: 'GET',
	permission: 'templates.email.info',
	prepare: [keepOnlyKeys(['email_template_id'])],
	// Eleven fields, the bodies among them: Simplified leaves out the rest.
	shape: {
		id: ['email_template_id'],
		simplified: [
			'template_name',
			'subject',
			'preheader',
			'body',
			'plaintext_body',
			'description',
			'tags',
			'should_inline_css',
			'updated_at',
		],
	},
	// One record, without Braze's message: "success".
	outputItems: answerRecord,
	onUnclearAnswer: askAgain(CHANGES.read),
	outputsDispatchId: false,
};
