import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { jsonParameter, readJsonObject, textField } from '../../../helpers/validation/fieldValues';
import { invalidInput } from '../../../helpers/validation/invalidInput';
import { accepted } from '../../../helpers/validation/userData';
import { isoDateTime } from '../../../helpers/values/date';
import { properties } from './occurrenceRules';

/** Fields the event and purchase objects share (one definition for both operations). */
export const occurrenceProperties: INodeProperties[] = ((): INodeProperties[] => {
	const show = { show: { resource: ['user'], operation: ['trackEvent', 'trackPurchase'] } };
	return [
		{
			displayName: 'Time',
			name: 'time',
			type: 'dateTime',
			default: '',
			description:
				'When the event or purchase happened (time, ISO 8601). Leave empty for now. Braze takes a future time as now.',
			displayOptions: show,
		},
		{
			displayName: 'Properties',
			name: 'properties',
			type: 'json',
			default: '{}',
			description:
				'Properties of the event or purchase as a JSON object, e.g. {"plan": "pro", "seats": 3}. Names may not start with "$" and may not be "time" or "event_name".',
			displayOptions: show,
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			description:
				'The app the event or purchase belongs to (app_id), from Settings › APIs and Identifiers; leave empty if it belongs to none',
			displayOptions: show,
		},
	];
})();

/** time, app_id and properties of one event or purchase object, checked. */
export function occurrence(
	context: IExecuteSingleFunctions,
	noun: string,
	maxNestedBytes: number,
	now = Date.now(),
): IDataObject {
	const result: IDataObject = {};
	const rawTime = context.getNodeParameter('time', '') as unknown;
	if (rawTime === '' || rawTime === undefined || rawTime === null) {
		result.time = new Date(now).toISOString();
	} else {
		const time = isoDateTime(rawTime);
		if (time === undefined) {
			throw invalidInput(
				context,
				`Time is not a date: ${String(rawTime).slice(0, 60)}`,
				'Pick a date, or give an ISO 8601 date-time such as 2026-12-01T09:00:00Z; leave it empty for now.',
			);
		}
		result.time = time;
	}
	const appId = textField(context, context.getNodeParameter('appId', ''), 'App ID');
	if (appId) result.app_id = appId;
	const props = readJsonObject(
		context,
		jsonParameter(context, 'properties', 'Properties'),
		'Properties',
	);
	if (Object.keys(props).length) {
		result.properties = accepted(
			context,
			`Properties of the ${noun} `,
			properties(props, maxNestedBytes),
		);
	}
	return result;
}
