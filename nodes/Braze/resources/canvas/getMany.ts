import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { addEditedAfter } from '../../shared/reads/listFilters';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Canvas Journey › Get Many: GET /canvas/list, 100 Canvases a page (?page=0, 1, …), oldest first
 * by creation time unless sorted; archived ones only with include_archived (stopped ones are
 * listed); last_edit.time[gt] keeps those edited after a time
 * (https://www.braze.com/docs/api/endpoints/export/canvas/get_canvases).
 */
export const getManyCanvasesOperation: OperationSpec = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many canvases',
	description:
		"List the workspace's Canvases (ID, name, tags, last_edited), e.g. to find a Canvas's ID by name, or those edited since yesterday, before reading their analytics. Archived ones only with Filters › Include Archived.",
	url: '/canvas/list',
	method: 'GET',
	permission: 'canvas.list',
	prepare: [keepOnlyKeys(['sort_direction', 'include_archived']), addEditedAfter],
	paging: { style: { kind: 'page', size: 100 }, listKey: 'canvases' },
	onUnclearAnswer: askAgain(CHANGES.read),
};
