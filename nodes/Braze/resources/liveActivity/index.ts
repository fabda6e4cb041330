import {
	externalUserIdsProperty,
	segmentIdProperty,
	userAliasesProperty,
} from '../../shared/recipients';
import { liveActivitySendToProperty, sendToAudienceProperties } from '../../shared/sendTo';
import { resourceProperties } from '../resource';
import {
	activityIdProperty,
	appIdProperty,
	contentStateProperty,
	liveActivityOptionsProperty,
	RESOURCE,
	staleDateProperty,
} from './activityFields';
import { notificationProperties } from './notification';
import { startOperation, startProperties } from './start';
import { updateOperation, updateProperties } from './update';

/**
 * The Live Activity form, in order: the app and activity, whom Start reaches (the recipient and
 * audience fields Send defines, shown for Start too), the activity's content, the alert, Options.
 */
export const liveActivityProperties = resourceProperties(
	RESOURCE,
	[startOperation, updateOperation],
	[
		appIdProperty,
		activityIdProperty,
		liveActivitySendToProperty,
		externalUserIdsProperty,
		userAliasesProperty,
		segmentIdProperty,
		...sendToAudienceProperties,
		...startProperties,
		contentStateProperty,
		...updateProperties,
		staleDateProperty,
		...notificationProperties,
		liveActivityOptionsProperty,
	],
	'start',
);
