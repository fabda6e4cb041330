import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { booleanField } from '../helpers/validation/fieldValues';

// Simplify's value at run time; the field itself is shared/simplifyField.ts.

/** Whether this item's output is simplified: never on version 1, Simplify's value from version 2. */
export function simplifies(context: IExecuteSingleFunctions): boolean {
	if (context.getNode().typeVersion < 2) return false;
	return booleanField(context, context.getNodeParameter('simplify', true), 'Simplify', true);
}
