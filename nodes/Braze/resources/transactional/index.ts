import { resourceProperties } from '../resource';
import { transactionalSendOperation, transactionalSendProperties } from './send';

export const transactionalProperties = resourceProperties(
	'transactional',
	[transactionalSendOperation],
	transactionalSendProperties,
	'send',
);
