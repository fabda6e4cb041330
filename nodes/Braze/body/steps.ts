import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { BrazeBody } from './types';

/**
 * One named step of an operation's body preparation: it reads what it needs, completes or
 * checks its part of the body, and throws a NodeOperationError naming the field otherwise.
 * The executor runs an operation's steps in order once every field has routed its value.
 */
export type BodyStep = (context: IExecuteSingleFunctions, body: BrazeBody) => void;
