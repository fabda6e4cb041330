import { reportOptionsProperty } from '../../shared/reads/options';
import { endingAtProperty, seriesLengthProperty } from '../../shared/reads/period';
import { resourceProperties } from '../resource';
import { createOperation, createProperties } from './create';
import { getSendAnalyticsOperation, getSendAnalyticsProperties } from './getAnalytics';

// Get Analytics' fields come first: Output goes just before the first Options, which is theirs.
export const sendIdProperties = resourceProperties(
	'sendId',
	[createOperation, getSendAnalyticsOperation],
	[
		...getSendAnalyticsProperties,
		seriesLengthProperty,
		endingAtProperty,
		reportOptionsProperty,
		...createProperties,
	],
	'create',
);
