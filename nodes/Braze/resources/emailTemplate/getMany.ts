import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { addModifiedRange, isoUtc } from './modifiedFilter';

/**
 * Email Template › Get Many: GET /templates/email/list, up to 1,000 templates a request
 * (limit, offset), each with its ID, name, tags and dates; templates made with the drag-and-drop
 * editor are not listed
 * (https://www.braze.com/docs/api/endpoints/templates/email_templates/get_list_email_templates).
 * Its Filters are modifiedFilter.ts's.
 */
export const getManyTemplatesOperation: OperationSpec = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many email templates',
	description:
		"List the workspace's email templates (ID, name, tags, when created and changed), e.g. to find a template's ID by its name, or to sync the templates changed since a date. Templates made with Braze's drag-and-drop editor are not listed.",
	url: '/templates/email/list',
	method: 'GET',
	permission: 'templates.email.list',
	prepare: [keepOnlyKeys([]), addModifiedRange(isoUtc)],
	paging: { style: { kind: 'offset', max: 1000 }, listKey: 'templates' },
	onUnclearAnswer: askAgain(CHANGES.read),
	outputsDispatchId: false,
};
