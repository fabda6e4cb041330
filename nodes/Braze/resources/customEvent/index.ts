import { resourceProperties } from '../resource';
import { readOptions } from '../emailTemplate/requestOptions';
import { endingAtField, lengthField, seriesFilters } from '../kpi/series';
import { eventNameField, getEventAnalyticsOperation, unitField } from './getAnalytics';
import { getManyEventsOperation, getManyEventsProperties } from './getMany';

/** The Custom Event form: the workspace's custom events, their names and their counts. */
export const customEventProperties = resourceProperties(
	'customEvent',
	[getEventAnalyticsOperation, getManyEventsOperation],
	[
		...getManyEventsProperties,
		eventNameField,
		lengthField,
		unitField,
		endingAtField,
		seriesFilters,
		readOptions,
	],
	'getMany',
);
