import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../helpers/form/displayOptions';
import { brazeIdLocator } from '../../../helpers/form/locator';

/** The Canvas that Get, Get Analytics and Get Summary read: from the list, or by its API identifier. */
export const readCanvasIdProperty: INodeProperties = {
	displayName: 'Canvas ID',
	name: 'canvasId',
	...brazeIdLocator('searchCanvases', 'cnv-0a1b2c3d'),
	required: true,
	description:
		"The Canvas to read, any kind (not only API-triggered): pick it from the list, or give its API identifier (Canvas Journey › Get Many's id, or the Canvas's page in Braze). Sent as canvas_id.",
	displayOptions: showFor('canvas', ['get', 'getAnalytics', 'getSummary']),
	routing: { send: { type: 'body', property: 'canvas_id' } },
};
