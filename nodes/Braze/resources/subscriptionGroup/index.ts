import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../resource';
import { userOptionsProperty } from '../user/fields/options';
import { setStatusOperation, setStatusProperties } from './setStatus';

export const subscriptionGroupProperties: INodeProperties[] = resourceProperties(
	'subscriptionGroup',
	[setStatusOperation],
	[...setStatusProperties, userOptionsProperty('subscriptionGroup', ['setStatus'])],
	'setStatus',
);
