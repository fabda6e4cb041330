import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { describeRecipients, mergeChunks, recipientCount } from './chunking';
import type { RecipientChunk } from './chunking';
import { dispatchIdsOf } from './itemOutput';
import type { RequestSummary } from './itemOutput';
import { brazeErrors } from './request/answer';
import type { RequestFailure } from './request/failurePolicy';
import type { ChangeWords } from './request/unclearAnswers';

function range(first: number, last: number): string {
	return first === last ? `request ${first}` : `requests ${first}–${last}`;
}

/** Where a chunked send stopped: request k of the plan failed after `done` went out. */
interface Stop {
	failure: RequestFailure;
	index: number;
	plan: RecipientChunk[];
	done: RequestSummary[];
}

/**
 * The error's first sentence, its description and the lists a re-run needs, in the words of what
 * the operation does to its recipients (sends them the message, schedules it, …).
 */
function report(
	stop: Stop,
	words: ChangeWords,
): { message: string; details: IDataObject & { description: string } } {
	const { failure, index, plan, done } = stop;
	const did = words.recipients ?? 'sent the message';
	const k = index + 1;
	const n = plan.length;
	const failed = plan[index];
	const maybe = failure.sent === 'maybe';
	const notSent = mergeChunks(maybe ? plan.slice(index + 1) : plan.slice(index));
	const notSentCount = recipientCount(notSent);
	const total = plan.reduce((sum, chunk) => sum + recipientCount(chunk), 0);
	const sentCount = done.reduce((sum, request) => sum + recipientCount(request), 0);

	const message = maybe
		? `${failure.reason} on request ${k} of ${n}: its ${recipientCount(failed)} recipients may or may not have been ${did}`
		: `${failure.reason} on request ${k} of ${n}: ${notSentCount} of the item's ${total} recipients were not ${did}`;
	const parts = [
		done.length
			? `Sent: ${range(1, k - 1)} of ${n} (${sentCount} recipients; dispatch_ids ${done.map((request) => String(request.dispatch_id)).join(', ')}).`
			: 'Sent: nothing.',
	];
	if (maybe) {
		parts.push(
			`May or may not have been sent: request ${k} (${recipientCount(failed)} recipients: ${describeRecipients(failed)}).`,
		);
	}
	if (notSentCount) {
		parts.push(
			`Not sent: ${range(maybe ? k + 1 : k, n)} (${notSentCount} recipients: ${describeRecipients(notSent)}).`,
		);
	}
	const cause: Error & { description?: string | null } = failure.error;
	if (cause.description) parts.push(cause.description);
	if (notSentCount) parts.push('To finish, run the node again for the recipients not sent only.');

	const details = {
		description: parts.join(' '),
		dispatch_ids: dispatchIdsOf(done),
		requests: done,
		not_sent: { ...notSent },
		...(maybe ? { may_have_been_sent: { request: k, ...failed } } : {}),
	};
	return { message, details };
}

/**
 * Request k of n failed: requests 1…k−1 stay reported, and the users not sent are named so a
 * re-run can target just them. With Continue On Fail the item becomes an error item that
 * carries the lists; otherwise the error does.
 */
export function partlySent(
	context: IExecuteSingleFunctions,
	stop: Stop,
	words: ChangeWords,
): INodeExecutionData[] {
	const { message, details } = report(stop, words);
	const pairedItem = { item: context.getItemIndex() };
	// Continue On Fail: an error item (json of only `error` and `details` is what n8n's error
	// output recognises) that keeps the lists, so the next node can send to the rest.
	if (context.continueOnFail()) return [{ json: { error: message, details }, pairedItem }];

	const { httpCode } = stop.failure.error as { httpCode?: string | null };
	const error = new NodeApiError(
		context.getNode(),
		{ message },
		{
			message,
			description: details.description,
			itemIndex: context.getItemIndex(),
			...(httpCode ? { httpCode } : {}),
		},
	);
	const lists: IDataObject = { ...details };
	delete lists.description;
	error.context.details = lists;
	brazeErrors.add(error);
	throw error;
}
