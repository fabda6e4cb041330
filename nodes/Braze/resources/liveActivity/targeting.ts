import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { invalidInput } from '../../helpers/validation/invalidInput';

/**
 * Live Activity › Start reaches users in exactly one way: named users (External User IDs and
 * User Aliases, which may be combined), a segment, or a connected audience. Braze says not to
 * combine named users with segment_id or custom_audience; whether a segment and an audience may
 * go together it does not say, so the node refuses that too
 * (https://www.braze.com/docs/api/endpoints/messaging/live_activity/start).
 *
 * The audience fields build `audience` as on Send; this endpoint calls it `custom_audience`.
 * More than 50 named users are sent in requests of 50 by the executor, each with the same
 * activity_id (docs/live-activities.md says why that is safe).
 */
export function assertLiveActivityTargeting(
	context: IExecuteSingleFunctions,
	body: BrazeBody,
): void {
	const named = (body.external_user_ids?.length ?? 0) + (body.user_aliases?.length ?? 0);
	const hasSegment = typeof body.segment_id === 'string' && body.segment_id !== '';
	const hasAudience = body.audience !== undefined;
	if (named === 0 && !hasSegment && !hasAudience) {
		throw invalidInput(
			context,
			'No one to start the Live Activity for',
			'Fill in External User IDs or User Aliases (users who already exist in Braze), or a Segment ID, or an Audience.',
		);
	}
	if (named > 0 && (hasSegment || hasAudience)) {
		const other = hasSegment ? 'Segment ID' : 'Audience';
		throw invalidInput(
			context,
			`External User IDs and User Aliases cannot be combined with ${other} on Live Activity › Start`,
			`Braze starts a Live Activity for named users, or for a segment, or for an audience, never two of them. Clear External User IDs and User Aliases to start it for the ${hasSegment ? 'segment' : 'audience'}, or clear ${other}${hasSegment ? '' : ' (set it to None)'} to start it for the named users.`,
		);
	}
	if (hasSegment && hasAudience) {
		throw invalidInput(
			context,
			'Segment ID and Audience cannot be combined on Live Activity › Start',
			'Braze takes one way of reaching users per start. Clear Segment ID, or set Audience to None; to reach the users of a segment who match filters, add the filters to the segment in Braze.',
		);
	}
	if (hasAudience) {
		body.custom_audience = body.audience;
		delete body.audience;
	}
}
