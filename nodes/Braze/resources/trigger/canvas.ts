import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { beforeOptions } from '../../helpers/form/beforeOptions';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { assertPropertiesSize } from '../../shared/propertiesSize';
import { resourceProperties } from '../resource';
import { canvasReadFields, canvasReadOperations } from '../canvas';
import { triggerDeleteScheduleOperation } from './deleteSchedule';
import { triggerScheduleOperation } from './schedule';
import { triggerOperation } from './send';
import { triggerFields } from './triggerForm';
import type { TriggerSpec } from './triggerSpec';
import { triggerUpdateScheduleOperation } from './updateSchedule';

function assertContextSize(context: IExecuteSingleFunctions, body: BrazeBody): void {
	assertPropertiesSize(
		context,
		body.context,
		'Context is',
		'Shorten the Context values, or pass large data by reference (for example an ID the Canvas looks up).',
	);
}

/**
 * Braze answers a trigger of a paused or archived Canvas with success plus a `notice`, and
 * sends nothing. The item's output keeps the notice and says so in a `warning`, also when the
 * item went out in several requests.
 */
function addCanvasNotice(json: IDataObject, answers: IDataObject[]): void {
	const notices: string[] = [];
	for (const { notice } of answers) {
		if (typeof notice === 'string' && notice && !notices.includes(notice)) notices.push(notice);
	}
	if (!notices.length) return;
	const notice = notices.join(' ');
	json.notice = json.notice ?? notice;
	json.warning = `Braze triggered nothing: ${notice}`;
}

/**
 * Canvas › Trigger (POST /canvas/trigger/send) and the scheduled triggers
 * (/canvas/trigger/schedule/create|update|delete). Both send the Canvas entry properties as
 * `context`, the name of Braze's newest pages (older ones said canvas_entry_properties, which
 * Braze still accepts):
 * https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/post_schedule_triggered_canvases
 */
const canvas: TriggerSpec = {
	kind: {
		resource: 'canvas',
		noun: 'Canvas',
		propertiesKey: 'context',
		propertiesLabel: 'Context',
		propertiesDescription: 'Canvas entry properties the Canvas can use as {{context.${key}}}',
		allowBrazeId: false,
	},
	id: {
		displayName: 'Canvas ID',
		name: 'canvasId',
		searchListMethod: 'searchCanvases',
		example: 'cnv-0a1b2c3d',
		description:
			"The API-triggered Canvas to enter users into: its API identifier, from the Canvas's page in Braze",
		bodyKey: 'canvas_id',
	},
	propertiesField: {
		displayName: 'Context',
		name: 'context',
		description:
			"Canvas entry properties for every recipient, which the Canvas uses as {{context.${key}}} (sent as context, at most 50 KB). A recipient's own Context wins over these.",
	},
	options: {
		names: ['batchItems', 'dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'],
		triggerOnly: ['batchItems'],
		description: 'Dry run, timeout, and how to handle rate limits and server errors',
	},
	stepsBeforeChecks: [assertContextSize],
	operation: {
		action: 'Trigger a canvas',
		description:
			"Enter named recipients, with their own context, or the Canvas's whole audience into an API-triggered Canvas, a multi-step journey set up in Braze (POST /canvas/trigger/send). Use it to start a journey (onboarding, win-back) from an event in the workflow. Outputs the dispatch_id; more than 50 recipients go out in requests of 50, listed in dispatch_ids. For a paused or archived Canvas Braze sends nothing: the output then has a warning and Braze's notice.",
		url: '/canvas/trigger/send',
		permission: 'canvas.trigger.send',
		finish: addCanvasNotice,
		onUnclearAnswer: report(CHANGES.canvasEntry),
		perUserWrite: true,
	},
	schedule: {
		path: '/canvas/trigger/schedule',
		permission: 'canvas.trigger.schedule',
		noun: 'Canvas',
		scheduleNote: 'Braze records the entries at the scheduled time.',
	},
};

/**
 * The Canvas resource: its operations (in alphabetical order, as n8n's lint asks) and its form; the
 * reads (Get, Get Analytics, Get Many…) are in resources/canvas/, their fields before the Options.
 */
export const canvasProperties = resourceProperties(
	'canvas',
	[
		triggerDeleteScheduleOperation(canvas),
		...canvasReadOperations,
		triggerScheduleOperation(canvas),
		triggerOperation(canvas),
		triggerUpdateScheduleOperation(canvas),
	],
	beforeOptions(triggerFields(canvas), canvasReadFields),
	'trigger',
);
