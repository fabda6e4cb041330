import { resourceProperties } from '../resource';
import { triggerOperation, triggerProperties } from './trigger';

export const canvasProperties = resourceProperties(
	'canvas',
	[triggerOperation],
	triggerProperties,
	'trigger',
);
