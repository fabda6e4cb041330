import { assertValidMessages } from '../../channels/selection';
import { addAudience, assertValidAudience } from '../../shared/audience/index';
import { messageBatch } from '../../shared/batchItems';
import {
	addUserAliases,
	assertValidRecipients,
	splitExternalUserIds,
} from '../../shared/recipients';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';

/**
 * Message › Send: after the routed fields are typed, completes the body with what routing
 * cannot write, then checks all of it, in this order. Schedule runs the same steps.
 */
export const sendSteps = [
	splitExternalUserIds,
	addUserAliases,
	addAudience,
	assertValidAudience,
	assertValidRecipients,
	assertValidMessages,
];

export const sendOperation: OperationSpec = {
	name: 'Send',
	value: 'send',
	action: 'Send a message',
	description:
		'Send a message now to named users or a segment, on one or more channels (POST /messages/send). Outputs the dispatch_id.',
	url: '/messages/send',
	permission: 'messages.send',
	prepare: sendSteps,
	onUnclearAnswer: report(CHANGES.message),
	perUserWrite: true,
	batch: messageBatch,
};
