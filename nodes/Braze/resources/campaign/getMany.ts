import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { addEditedAfter } from '../../shared/reads/listFilters';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Campaign › Get Many: GET /campaigns/list, 100 campaigns a page (?page=0, 1, …), oldest first by
 * creation time unless sorted; archived ones only with include_archived; last_edit.time[gt] keeps
 * those edited after a time (https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaigns).
 */
export const getManyCampaignsOperation: OperationSpec = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many campaigns',
	description:
		"List the workspace's campaigns (ID, name, tags, last_edited, whether it is an API campaign), e.g. to find a campaign's ID by name, or the campaigns edited since yesterday, before reading their analytics. Archived ones only with Filters › Include Archived.",
	url: '/campaigns/list',
	method: 'GET',
	permission: 'campaigns.list',
	prepare: [keepOnlyKeys(['sort_direction', 'include_archived']), addEditedAfter],
	paging: { style: { kind: 'page', size: 100 }, listKey: 'campaigns' },
	onUnclearAnswer: askAgain(CHANGES.read),
};
