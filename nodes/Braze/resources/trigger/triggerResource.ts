import type { INodeProperties } from 'n8n-workflow';

import type { BodyStep } from '../../body/types';
import { showFor } from '../../form/displayOptions';
import { keyValueField } from '../../form/keyValueField';
import { brazeIdLocator } from '../../form/locator';
import { addAudience, assertValidAudience, audienceProperties } from '../../shared/audience/index';
import { optionsPropertyFor } from '../../shared/options';
import { externalUserIdsProperty } from '../../shared/recipients';
import {
	addTriggerRecipients,
	assertValidTriggerTargeting,
	triggerRecipientProperties,
} from './recipients';
import type { TriggerKind } from './recipients';
import type { OperationSpec } from '../../transport/operation';
import {
	scheduleIdProperties,
	scheduleOperations,
	TARGETING_OPERATIONS,
	TRIGGER_OPERATIONS,
	triggerScheduleTimeProperties,
} from './schedule';
import type { ScheduleSpec } from './schedule';

/** What differs between the Campaign and Canvas resources; the rest is this file. */
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
	/** Options picked from Send's collection by name; `triggerAndSchedule` only on those two. */
	options: { names: string[]; triggerAndSchedule?: string[]; description: string };
	/** Checks run before the audience and targeting checks, and steps run after them. */
	stepsBeforeChecks?: BodyStep[];
	stepsAfterChecks?: BodyStep[];
	/** Steps of Trigger only, run after all the others (the fields of triggerOnlyProperties). */
	triggerOnlySteps?: BodyStep[];
	operation: Pick<
		OperationSpec,
		'action' | 'description' | 'url' | 'permission' | 'finish' | 'onUnclearAnswer' | 'perUserWrite'
	>;
	/** Schedule, Update Schedule and Delete Schedule: the scheduled trigger endpoints. */
	schedule: ScheduleSpec;
}

/** The form and the operations of one trigger resource. */
export function triggerResource(spec: TriggerSpec): {
	properties: INodeProperties[];
	operations: OperationSpec[];
} {
	const { kind } = spec;
	const targeting = showFor(kind.resource, TARGETING_OPERATIONS);
	const triggerOnly = showFor(kind.resource, ['trigger']);
	const properties: INodeProperties[] = [
		{
			displayName: spec.id.displayName,
			name: spec.id.name,
			...brazeIdLocator(spec.id.searchListMethod, spec.id.example),
			required: true,
			description: spec.id.description,
			displayOptions: showFor(kind.resource, TRIGGER_OPERATIONS),
			routing: { send: { type: 'body', property: spec.id.bodyKey } },
		},
		...scheduleIdProperties,
		externalUserIdsProperty,
		...triggerRecipientProperties(kind, TARGETING_OPERATIONS),
		{
			...keyValueField({
				displayName: spec.propertiesField.displayName,
				name: spec.propertiesField.name,
				parameterPath: spec.propertiesField.name,
				bodyPath: kind.propertiesKey,
				description: spec.propertiesField.description,
			}),
			displayOptions: targeting,
		},
		...audienceProperties,
		...(spec.triggerOnlyProperties ?? []).map((property) => ({
			...property,
			displayOptions: triggerOnly,
		})),
		...triggerScheduleTimeProperties,
		triggerOptionsProperty(kind.resource, spec.options),
	];
	// Trigger and Schedule complete and check the recipients and properties the same way.
	const targetingSteps: BodyStep[] = [
		function addRecipients(context, body) {
			addTriggerRecipients(context, kind, body);
		},
		...(spec.stepsBeforeChecks ?? []),
		addAudience,
		assertValidAudience,
		function assertTargeting(context, body) {
			assertValidTriggerTargeting(context, kind, body);
		},
		...(spec.stepsAfterChecks ?? []),
	];
	const trigger: OperationSpec = {
		name: 'Trigger',
		value: 'trigger',
		...spec.operation,
		prepare: [...targetingSteps, ...(spec.triggerOnlySteps ?? [])],
	};
	const operations = [
		trigger,
		...scheduleOperations(spec.schedule, spec.id.bodyKey, targetingSteps),
	];
	// The Operation list in alphabetical order, as n8n's lint asks.
	operations.sort((a, b) => a.name.localeCompare(b.name));
	return { properties, operations };
}

/** One Options collection for all four operations of the resource. */
function triggerOptionsProperty(
	resource: string,
	options: TriggerSpec['options'],
): INodeProperties {
	const base = optionsPropertyFor(resource, 'trigger', options.names, options.description);
	const limited = options.triggerAndSchedule ?? [];
	return {
		...base,
		displayOptions: showFor(resource, TRIGGER_OPERATIONS),
		options: (base.options as INodeProperties[]).map((option) =>
			limited.includes(option.name)
				? // Collection options are shown relative to the collection: '/operation' is the root field.
					{ ...option, displayOptions: { show: { '/operation': TARGETING_OPERATIONS } } }
				: option,
		),
	};
}
