import type { INodeProperties } from 'n8n-workflow';

import { optionsPropertyFor } from '../../shared/options';

// The Options of the reads and writes of Email Template, Content Block, KPI and Custom Event,
// each defined once for all of them (n8n's routing walks every top-level field for every item).

/** Every Get, Get Many and Get Analytics of these resources: nothing to retry but the read. */
export const readOptions: INodeProperties = {
	...optionsPropertyFor(
		'emailTemplate',
		'get',
		['dryRun', 'maxWaitOnRateLimit', 'timeout'],
		'Dry run, timeout, and how long to wait out a rate limit. A read that fails with a server error or a timeout is asked again by itself.',
	),
	displayOptions: {
		show: {
			resource: ['emailTemplate', 'contentBlock', 'kpi', 'customEvent'],
			operation: ['getMany', 'get', 'getAnalytics'],
		},
	},
};

/** Create and Update of email templates and Content Blocks. */
export const writeOptions: INodeProperties = {
	...optionsPropertyFor(
		'emailTemplate',
		'create',
		['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'],
		'Dry run, timeout, and how to handle rate limits and server errors. Retry Server Errors sends an Update again; a Create is never sent twice.',
	),
	displayOptions: {
		show: { resource: ['emailTemplate', 'contentBlock'], operation: ['create', 'update'] },
	},
};
