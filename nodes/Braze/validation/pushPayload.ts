import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from './invalidInput';

/**
 * Apple reserves these keys of the push payload; Braze rejects them in `extra`
 * (https://www.braze.com/docs/api/objects_filters/messaging/apple_object).
 */
const RESERVED_EXTRA_KEYS = ['ab', 'aps'];

export function assertNoReservedExtraKeys(
	context: IExecuteSingleFunctions,
	channelName: string,
	extra: unknown,
): void {
	if (extra === null || typeof extra !== 'object') return;
	const reserved = Object.keys(extra).filter((key) => RESERVED_EXTRA_KEYS.includes(key));
	if (reserved.length) {
		throw invalidInput(
			context,
			`${channelName} › Extra cannot use the key "${reserved[0]}"`,
			`The keys ${RESERVED_EXTRA_KEYS.join(' and ')} are reserved for the push payload itself; rename the Extra entry.`,
		);
	}
}
