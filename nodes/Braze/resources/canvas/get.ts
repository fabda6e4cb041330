import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { answerRecord } from '../../shared/reads/output';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Canvas Journey › Get: GET /canvas/details?canvas_id=…[&post_launch_draft_version=true], the
 * Canvas's settings, variants and steps; Braze's answer does not name the Canvas, so the output
 * adds canvas_id (https://www.braze.com/docs/api/endpoints/export/canvas/get_canvas_details).
 */
export const getCanvasOperation: OperationSpec = {
	name: 'Get',
	value: 'get',
	action: 'Get a canvas',
	description:
		"Read one Canvas's details by its ID: name, description, channels, tags, whether it is enabled or archived, schedule type, first and last entry; with Output › Raw also its variants and steps. One output item, with canvas_id.",
	url: '/canvas/details',
	method: 'GET',
	permission: 'canvas.details',
	prepare: [keepOnlyKeys(['canvas_id', 'post_launch_draft_version'])],
	echoBodyKeys: ['canvas_id'],
	outputItems: answerRecord,
	shape: {
		id: ['canvas_id'],
		simplified: [
			'name',
			'description',
			'channels',
			'tags',
			'enabled',
			'archived',
			'schedule_type',
			'first_entry',
			'last_entry',
		],
	},
	onUnclearAnswer: askAgain(CHANGES.read),
};
