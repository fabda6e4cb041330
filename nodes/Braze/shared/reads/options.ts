import type { INodeProperties } from 'n8n-workflow';

import { optionsPropertyFor } from '../options';

/** The resources whose read operations share this Options collection. */
export const REPORT_RESOURCES = ['segment', 'campaign', 'canvas', 'sendId'];
/** Their read operations (n8n checks each key on its own: only the pairs that exist occur). */
export const REPORT_OPERATIONS = ['getMany', 'get', 'getAnalytics', 'getSummary'];

/**
 * Campaign and Canvas › Get: Braze's post_launch_draft_version, the draft's changes instead of the
 * live version (https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaign_details).
 */
const postLaunchDraftOption: INodeProperties = {
	displayName: 'Post-Launch Draft Version',
	name: 'postLaunchDraftVersion',
	type: 'boolean',
	default: false,
	description:
		'Whether to show the changes saved as a post-launch draft instead of what is live (sent as post_launch_draft_version; has_post_launch_draft in the output says whether there is one)',
	displayOptions: { show: { '/resource': ['campaign', 'canvas'], '/operation': ['get'] } },
	routing: { send: { type: 'body', property: 'post_launch_draft_version' } },
};

/**
 * One Options collection for every read of Segment, Campaign, Canvas Journey and Send ID: Send's
 * Dry Run, Max Wait on Rate Limit and Timeout (a read is always asked again after a server
 * error, so Retry Server Errors has nothing to say), plus Get's draft switch. Defined once, as
 * n8n's routing walks every top-level definition for every item.
 */
export const reportOptionsProperty: INodeProperties = {
	...optionsPropertyFor(
		'segment',
		'getMany',
		['dryRun', 'maxWaitOnRateLimit', 'timeout'],
		'Dry run, timeout, how long to wait out a rate limit, and for Campaign and Canvas › Get the post-launch draft',
		[postLaunchDraftOption],
	),
	displayOptions: { show: { resource: REPORT_RESOURCES, operation: REPORT_OPERATIONS } },
};
