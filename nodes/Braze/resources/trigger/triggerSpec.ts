import type { INodeProperties } from 'n8n-workflow';

import type { BodyStep } from '../../helpers/body/types';
import type { OperationSpec } from '../../transport/operation';

// The Campaign and Canvas resources are one form and four operations, written once in this
// folder; each resource's file (campaign.ts, canvas.ts) gives what differs, as a TriggerSpec.

/** Every operation of the Campaign and Canvas resources: each names the campaign or Canvas. */
export const TRIGGER_OPERATIONS = ['trigger', 'schedule', 'updateSchedule', 'deleteSchedule'];
/** The operations that name recipients, properties and an audience. */
export const TARGETING_OPERATIONS = ['trigger', 'schedule'];

/** What the recipients of a campaign or Canvas differ in (recipients.ts builds them). */
export interface TriggerKind {
	resource: 'campaign' | 'canvas';
	/** "campaign" or "Canvas", as the user reads it. */
	noun: string;
	/** The per-recipient (and top-level) properties: trigger_properties or context. */
	propertiesKey: 'trigger_properties' | 'context';
	propertiesLabel: string;
	propertiesDescription: string;
	/**
	 * Campaign recipients may be named by Braze ID; Canvas ones may not
	 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_triggered_canvases).
	 */
	allowBrazeId: boolean;
}

/**
 * Scheduled API-triggered campaigns and Canvases: create, update and delete
 * (https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/post_schedule_triggered_campaigns,
 * https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/post_schedule_triggered_canvases).
 */
export interface ScheduleSpec {
	/** The endpoints' common path, e.g. /campaigns/trigger/schedule (then /create, /update, /delete). */
	path: string;
	/** The permissions' common start, e.g. campaigns.trigger.schedule (then .create, …). */
	permission: string;
	/** "campaign" or "Canvas", as the user reads it. */
	noun: string;
	/** One more sentence for Schedule's description. */
	scheduleNote?: string;
}

/** What differs between the Campaign and Canvas resources. */
export interface TriggerSpec {
	kind: TriggerKind;
	/** The campaign or Canvas picker: its label, parameter, list method and body key. */
	id: {
		displayName: string;
		name: string;
		searchListMethod: string;
		example: string;
		description: string;
		bodyKey: 'campaign_id' | 'canvas_id';
	};
	/** The top-level Trigger Properties or Context field. */
	propertiesField: { displayName: string; name: string; description: string };
	/** Fields of Trigger only, shown after the audience, before the schedule and Options. */
	triggerOnlyProperties?: INodeProperties[];
	/**
	 * Options picked from Send's collection by name; `triggerAndSchedule` only on those two,
	 * `triggerOnly` only on Trigger.
	 */
	options: {
		names: string[];
		triggerAndSchedule?: string[];
		triggerOnly?: string[];
		description: string;
	};
	/** Checks of Trigger and Schedule, run before the audience and targeting checks. */
	stepsBeforeChecks?: BodyStep[];
	/** Steps of Trigger only, run after all the others (the fields of triggerOnlyProperties). */
	triggerOnlySteps?: BodyStep[];
	/** Trigger's words, endpoint and permission. */
	operation: Pick<
		OperationSpec,
		'action' | 'description' | 'url' | 'permission' | 'finish' | 'onUnclearAnswer' | 'perUserWrite'
	>;
	/** Schedule, Update Schedule and Delete Schedule: the scheduled trigger endpoints. */
	schedule: ScheduleSpec;
}
