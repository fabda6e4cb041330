import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';

import { credentialProblem, newSecret, secretProblem } from './auth';
import type { Authentication } from './auth';

/**
 * The credential's Test (run by n8n when the credential is saved): no request, only whether the
 * webhook could use it. When the Secret is missing or weak, the answer offers a new random one,
 * so that nobody needs a terminal to make one. It is made for this answer only and kept nowhere.
 */
export function credentialTestResult(
	data: ICredentialDataDecryptedObject,
	authentication: Exclude<Authentication, 'none'>,
): INodeCredentialTestResult {
	const problem = credentialProblem(data, authentication);
	if (!problem) return { status: 'OK', message: 'The secret can protect the webhook.' };
	const suggestion = secretProblem(data.secret)
		? ` A random Secret made for you just now: ${newSecret()} (copy it into Secret and save; put the same in the URL you paste into Braze).`
		: '';
	return {
		status: 'Error',
		message: `The credential cannot protect the webhook: ${problem}.${suggestion}`,
	};
}
