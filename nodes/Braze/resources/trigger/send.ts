import type { INodeProperties } from 'n8n-workflow';

import type { BodyStep } from '../../helpers/body/types';
import { showFor } from '../../helpers/form/displayOptions';
import { addAudience, assertValidAudience } from '../../shared/audience/index';
import { triggerBatch } from '../../shared/batchItems';
import type { OperationSpec } from '../../transport/operation';
import { addTriggerRecipients, assertValidTriggerTargeting } from './recipients';
import type { TriggerSpec } from './triggerSpec';

/**
 * Trigger and Schedule complete and check the recipients and properties the same way: the
 * recipient objects, the resource's own checks, the audience, then Broadcast against recipients.
 */
export function targetingSteps(spec: TriggerSpec): BodyStep[] {
	const { kind } = spec;
	return [
		function addRecipients(context, body) {
			addTriggerRecipients(context, kind, body);
		},
		...(spec.stepsBeforeChecks ?? []),
		addAudience,
		assertValidAudience,
		function assertTargeting(context, body) {
			assertValidTriggerTargeting(context, kind, body);
		},
	];
}

/** The fields of Trigger only (Campaign's attachments), shown for Trigger alone. */
export function triggerOnlyProperties(spec: TriggerSpec): INodeProperties[] {
	const triggerOnly = showFor(spec.kind.resource, ['trigger']);
	return (spec.triggerOnlyProperties ?? []).map((property) => ({
		...property,
		displayOptions: triggerOnly,
	}));
}

/**
 * Campaign or Canvas › Trigger: sends now (POST /campaigns/trigger/send, /canvas/trigger/send),
 * with the targeting steps, then the steps of Trigger only.
 */
export function triggerOperation(spec: TriggerSpec): OperationSpec {
	return {
		name: 'Trigger',
		value: 'trigger',
		...spec.operation,
		prepare: [...targetingSteps(spec), ...(spec.triggerOnlySteps ?? [])],
		batch: triggerBatch(spec.kind.propertiesKey),
	};
}
