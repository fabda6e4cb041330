import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from './validationError';

/** Braze refuses request bodies over 4 MB with a 413 (§1.1). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function assertBodySize(context: IExecuteSingleFunctions, body: IDataObject): void {
	const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
	if (bytes > MAX_BODY_BYTES) {
		throw invalidInput(
			context,
			`The request is ${(bytes / 1024 / 1024).toFixed(1)} MB; Braze accepts at most 4 MB`,
			'Shorten the message content (large HTML bodies or embedded images), or host images and link to them.',
		);
	}
}
