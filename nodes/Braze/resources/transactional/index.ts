import { resourceProperties } from '../resource';
import { transactionalSendProperties } from './fields';
import { transactionalSendOperation } from './send';

export const transactionalProperties = resourceProperties(
	'transactional',
	[transactionalSendOperation],
	transactionalSendProperties,
	'send',
);
