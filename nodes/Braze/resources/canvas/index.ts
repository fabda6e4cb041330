import { resourceProperties } from '../resource';
import { canvasFields, canvasOperations } from './trigger';

export const canvasProperties = resourceProperties(
	'canvas',
	canvasOperations,
	canvasFields,
	'trigger',
);
