import { resourceProperties } from '../resource';
import { createOperation, createProperties } from './create';

export const sendIdProperties = resourceProperties(
	'sendId',
	[createOperation],
	createProperties,
	'create',
);
