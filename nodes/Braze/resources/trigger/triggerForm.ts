import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import { keyValueField } from '../../helpers/form/keyValueField';
import { brazeIdLocator } from '../../helpers/form/locator';
import { audienceProperties } from '../../shared/audience/index';
import { optionsPropertyFor } from '../../shared/options';
import { externalUserIdsProperty } from '../../shared/recipients';
import { scheduleIdProperty, scheduleTimeProperties } from '../../shared/schedule';
import { triggerRecipientProperties } from './recipients';
import { triggerOnlyProperties } from './send';
import { TARGETING_OPERATIONS, TRIGGER_OPERATIONS } from './triggerSpec';
import type { TriggerSpec } from './triggerSpec';
import { replacedScheduleTimeProperties } from './updateSchedule';

/**
 * The form of a Campaign or Canvas resource, in order: the campaign or Canvas, Schedule ID, whom
 * and with what (Trigger and Schedule), Trigger's own fields, Send At (Schedule, then Update
 * Schedule's copies), Options.
 */
export function triggerFields(spec: TriggerSpec): INodeProperties[] {
	const { kind } = spec;
	return [
		{
			displayName: spec.id.displayName,
			name: spec.id.name,
			...brazeIdLocator(spec.id.searchListMethod, spec.id.example),
			required: true,
			description: spec.id.description,
			displayOptions: showFor(kind.resource, TRIGGER_OPERATIONS),
			routing: { send: { type: 'body', property: spec.id.bodyKey } },
		},
		scheduleIdProperty,
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
			displayOptions: showFor(kind.resource, TARGETING_OPERATIONS),
		},
		...audienceProperties,
		...triggerOnlyProperties(spec),
		...scheduleTimeProperties,
		...replacedScheduleTimeProperties,
		triggerOptionsProperty(kind.resource, spec.options),
	];
}

/** One Options collection for all four operations of the resource. */
function triggerOptionsProperty(
	resource: string,
	options: TriggerSpec['options'],
): INodeProperties {
	const base = optionsPropertyFor(resource, 'trigger', options.names, options.description);
	const limited = options.triggerAndSchedule ?? [];
	const triggerOnly = options.triggerOnly ?? [];
	// Collection options are shown relative to the collection: '/operation' is the root field.
	const onlyOn = (option: INodeProperties, operations: string[]) => ({
		...option,
		displayOptions: { show: { '/operation': operations } },
	});
	return {
		...base,
		displayOptions: showFor(resource, TRIGGER_OPERATIONS),
		options: (base.options as INodeProperties[]).map((option) =>
			limited.includes(option.name)
				? onlyOn(option, TARGETING_OPERATIONS)
				: triggerOnly.includes(option.name)
					? onlyOn(option, ['trigger'])
					: option,
		),
	};
}
