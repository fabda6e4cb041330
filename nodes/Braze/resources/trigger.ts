import type { INodeProperties } from 'n8n-workflow';

import type { BodyStep } from '../body/types';
import { showFor } from '../form/displayOptions';
import { keyValueField } from '../form/keyValueField';
import { brazeIdLocator } from '../form/locator';
import { addAudience, assertValidAudience, audienceProperties } from '../sections/audience';
import { optionsPropertyFor } from '../sections/options';
import { externalUserIdsProperty } from '../sections/recipients';
import {
	addTriggerRecipients,
	assertValidTriggerTargeting,
	triggerRecipientProperties,
} from '../sections/triggerRecipients';
import type { TriggerKind } from '../sections/triggerRecipients';
import type { OperationSpec } from '../transport/operation';

/** What differs between Campaign › Trigger and Canvas › Trigger; the rest is this file. */
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
	/** Fields shown after the audience, before Options. */
	extraProperties?: INodeProperties[];
	/** Options picked from Send's collection by name, and the collection's description. */
	options: string[];
	optionsDescription: string;
	/** Checks run before the audience and targeting checks, and steps run after them. */
	stepsBeforeChecks?: BodyStep[];
	stepsAfterChecks?: BodyStep[];
	operation: Pick<OperationSpec, 'action' | 'description' | 'url' | 'permission' | 'finish'>;
}

/** The form and the operation of one trigger resource. */
export function triggerResource(spec: TriggerSpec): {
	properties: INodeProperties[];
	operation: OperationSpec;
} {
	const { kind } = spec;
	const show = showFor(kind.resource, [kind.operation]);
	const properties: INodeProperties[] = [
		{
			displayName: spec.id.displayName,
			name: spec.id.name,
			...brazeIdLocator(spec.id.searchListMethod, spec.id.example),
			required: true,
			description: spec.id.description,
			displayOptions: show,
			routing: { send: { type: 'body', property: spec.id.bodyKey } },
		},
		externalUserIdsProperty,
		...triggerRecipientProperties(kind),
		{
			...keyValueField({
				displayName: spec.propertiesField.displayName,
				name: spec.propertiesField.name,
				parameterPath: spec.propertiesField.name,
				bodyPath: kind.propertiesKey,
				description: spec.propertiesField.description,
			}),
			displayOptions: show,
		},
		...audienceProperties,
		...(spec.extraProperties ?? []).map((property) => ({ ...property, displayOptions: show })),
		optionsPropertyFor(kind.resource, kind.operation, spec.options, spec.optionsDescription),
	];
	const steps: BodyStep[] = [
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
	const operation: OperationSpec = {
		name: 'Trigger',
		value: kind.operation,
		...spec.operation,
		prepare: steps,
	};
	return { properties, operation };
}
