import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { byteLength } from '../helpers/values/bytes';
import { invalidInput } from '../helpers/validation/invalidInput';

/**
 * Braze accepts trigger properties and Canvas entry properties (context) of at most 50 KB
 * (https://www.braze.com/docs/api/objects_filters/trigger_properties_object/).
 */
export const MAX_PROPERTIES_BYTES = 50 * 1024;

/** Refuses properties over 50 KB; `label` names the field ("Context is…", "Trigger Properties are…"). */
export function assertPropertiesSize(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	fix: string,
): void {
	if (value === undefined) return;
	const bytes = byteLength(value);
	if (bytes <= MAX_PROPERTIES_BYTES) return;
	throw invalidInput(
		context,
		`${label} ${(bytes / 1024).toFixed(1)} KB; Braze accepts at most 50 KB`,
		fix,
	);
}

/** The body step of a campaign trigger or schedule and a transactional send: trigger_properties ≤ 50 KB. */
export function assertTriggerPropertiesSize(
	context: IExecuteSingleFunctions,
	body: { trigger_properties?: unknown },
): void {
	assertPropertiesSize(
		context,
		body.trigger_properties,
		'Trigger Properties are',
		'Shorten the Trigger Properties, or pass large data by reference (for example an ID the message looks up with Connected Content).',
	);
}
