import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * A request Braze would refuse, stopped before sending. The message names the field in the
 * form's words; the description says how to fix it.
 */
export function invalidInput(
	context: IExecuteSingleFunctions,
	message: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, {
		description: fix,
		itemIndex: context.getItemIndex(),
	});
}
