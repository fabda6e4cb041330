import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../helpers/form/displayOptions';
import { brazeIdLocator } from '../../../helpers/form/locator';

/** The segment that Get and Get Analytics read: from the list, or by its API identifier. */
export const segmentIdProperty: INodeProperties = {
	displayName: 'Segment ID',
	name: 'segmentId',
	...brazeIdLocator('searchSegments', 'seg-0a1b2c3d'),
	required: true,
	description:
		"The segment to read: pick it from the list, or give its API identifier (Segment › Get Many's id, or the segment's page in Braze). Sent as segment_id.",
	displayOptions: showFor('segment', ['get', 'getAnalytics']),
	routing: { send: { type: 'body', property: 'segment_id' } },
};
