import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { BrazeBody } from '../../body/types';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { automaticSendKey } from '../../transport/sendOnceKeys';
import { assertBrazeId } from '../../validation/brazeId';
import { idField, textField } from '../../validation/fieldValues';
import { invalidInput } from '../../validation/invalidInput';
import { assertTriggerPropertiesSize } from '../../shared/propertiesSize';
import { addCustomAttributes } from '../user/customAttributes';
import { userIdentifier } from '../user/identity';
import { checkProfileFields } from '../user/profileFields';

// https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_transactional_message
const SEND_KEY = /^[a-zA-Z0-9\-_+/=]+$/;

/**
 * `recipient`: the user (external_user_id or user_alias, exactly one) and the attributes Braze
 * sets on the profile before it makes the email. Profile Fields route into `attributes[0]`, as
 * on User › Create or Update; they move into the recipient here.
 */
function addRecipient(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const routed = ((body.attributes as IDataObject[] | undefined)?.[0] ?? {}) as IDataObject;
	delete body.attributes;
	checkProfileFields(context, routed);
	const attributes = { ...routed };
	addCustomAttributes(context, attributes);
	const user = userIdentifier(context);
	const recipient: IDataObject =
		user.user_alias !== undefined
			? { user_alias: user.user_alias }
			: { external_user_id: user.external_id };
	if (Object.keys(attributes).length) recipient.attributes = attributes;
	body.recipient = recipient;
}

/** `external_send_id`, by Duplicate Protection: automatic, the user's own key, or none. */
function addExternalSendId(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const mode = context.getNodeParameter('duplicateProtection', 'automatic') as string;
	if (mode === 'off') return;
	if (mode !== 'custom') {
		body.external_send_id = automaticSendKey(context);
		return;
	}
	const key = textField(
		context,
		context.getNodeParameter('externalSendId', ''),
		'External Send ID',
	);
	if (key === '') {
		throw invalidInput(
			context,
			'External Send ID is empty',
			'Fill in "External Send ID" (e.g. {{ $json.order_id }}-confirmation), or set Duplicate Protection to Automatic.',
		);
	}
	if (!SEND_KEY.test(key)) {
		throw invalidInput(
			context,
			`External Send ID "${key}" has characters Braze does not accept`,
			'Braze takes letters, digits and - _ + / = only (Base64-compatible): replace spaces and other characters, e.g. with -.',
		);
	}
	body.external_send_id = key;
}

/** The campaign goes in the path: /transactional/v1/campaigns/{campaign_id}/send. */
export function transactionalPath(context: IExecuteSingleFunctions): string {
	const id = idField(
		context,
		context.getNodeParameter('transactionalCampaignId', '', { extractValue: true }),
		'Campaign ID',
	);
	if (id === '') {
		throw invalidInput(
			context,
			'Campaign ID is empty',
			"Pick the Transactional Email campaign from the list, or enter its API identifier (from the campaign's page in Braze) By ID.",
		);
	}
	// The ID goes into the URL path: the shared ID check keeps "/", "..", "?" and the like out.
	assertBrazeId(context, 'campaign_id', id, 'Campaign ID');
	return `/transactional/v1/campaigns/${id}/send`;
}

export const transactionalSendOperation: OperationSpec = {
	name: 'Send',
	value: 'send',
	action: 'Send a transactional email',
	description:
		'Send one email of a Transactional Email campaign to one user, with a key that makes a retry harmless (POST /transactional/v1/campaigns/{campaign_id}/send). Outputs dispatch_id and external_send_id.',
	url: '/transactional/v1/campaigns/{campaign_id}/send',
	permission: 'transactional.send',
	prepare: [addRecipient, assertTriggerPropertiesSize, addExternalSendId],
	path: transactionalPath,
	sendOnceKey: (body) =>
		typeof body.external_send_id === 'string' ? body.external_send_id : undefined,
	// Without a key (Duplicate Protection Off) an unclear answer is reported, never resent.
	onUnclearAnswer: report(CHANGES.email),
	perUserWrite: true,
	echoBodyKeys: ['external_send_id'],
};
