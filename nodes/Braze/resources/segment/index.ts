import { resourceProperties } from '../resource';
import { getManySegmentsOperation, getManySegmentsProperties } from './getMany';

/** The Segment form: read-only operations on the workspace's segments. */
export const segmentProperties = resourceProperties(
	'segment',
	[getManySegmentsOperation],
	[...getManySegmentsProperties],
	'getMany',
);
