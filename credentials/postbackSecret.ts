import type { INodeProperties } from 'n8n-workflow';

/**
 * The Secret of both Braze Postback credentials. Not required, so that n8n runs the credential's
 * test on Save even when it is empty: the test's answer then offers a random secret (the Braze
 * Trigger's credentialTest), and nobody needs a terminal to make one.
 */
export const secretProperty: INodeProperties = {
	displayName: 'Secret',
	name: 'secret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	hint: 'No secret yet? Leave it empty, click Save, then More details: the test offers a random one to paste here.',
	description:
		'At least 24 random characters, only letters, digits, "-", "_", "." and "~", so that it goes into the URL you paste into Braze as it is. Keep it until it is in Braze: n8n never shows a saved secret again.',
};
