import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { isPlainObject } from '../../helpers/values/object';

// The output items of the reads: one record for a Get, one item per day for an analytics series
// (what a daily report in Slack or a sheet maps row by row), each carrying the ID it was asked for.

/** Braze's answer as one record, without its `message: "success"` envelope. */
export function answerRecord(_context: IExecuteSingleFunctions, json: IDataObject): IDataObject[] {
	const record = { ...json };
	delete record.message;
	return [record];
}

/**
 * For each counter in a data point's `messages` (sent, opens, clicks, …), its sum over every
 * channel and message variation: the day's totals in one flat object. Text (variation ids and
 * names) is left out; a counter Braze gives for one channel only is that channel's.
 */
export function messageTotals(messages: unknown): IDataObject {
	const totals: Record<string, number> = {};
	if (!isPlainObject(messages)) return totals;
	for (const variations of Object.values(messages)) {
		if (!Array.isArray(variations)) continue;
		for (const variation of variations) {
			if (!isPlainObject(variation)) continue;
			for (const [key, value] of Object.entries(variation)) {
				if (typeof value === 'number' && Number.isFinite(value))
					totals[key] = (totals[key] ?? 0) + value;
			}
		}
	}
	return totals;
}

/** How a series answer lists its data points, and what each output item carries besides. */
export interface SeriesSpec {
	/** The answer's list of data points (data, or data.stats for a Canvas). */
	points: (json: IDataObject) => unknown;
	/** What the list is called in Braze's answer, for the error when it is missing. */
	listName: string;
	/** Keys of the answer (as output, with the echoed ids) put on every item, e.g. campaign_id. */
	carry: (json: IDataObject) => IDataObject;
	/** Adds `message_totals` (messageTotals of the point's messages). */
	totals?: boolean;
}

/**
 * One output item per data point, oldest first (Braze does not document its order), each with
 * the ids it was asked for. No data point, no item: n8n's Always Output Data gives an empty one.
 */
export function seriesItems(spec: SeriesSpec) {
	return function eachDataPoint(
		context: IExecuteSingleFunctions,
		json: IDataObject,
	): IDataObject[] {
		const points = spec.points(json);
		if (!Array.isArray(points)) {
			throw new NodeOperationError(context.getNode(), `Braze's answer has no ${spec.listName}`, {
				description: `Braze answers this request with ${spec.listName}, a list of data points. Check the credential's Instance or Custom URL.`,
				itemIndex: context.getItemIndex(),
			});
		}
		const carried = spec.carry(json);
		return points
			.filter(isPlainObject)
			.map((point): IDataObject => ({
				...carried,
				...point,
				...(spec.totals ? { message_totals: messageTotals(point.messages) } : {}),
			}))
			.sort((a, b) => String(a.time ?? '').localeCompare(String(b.time ?? '')));
	};
}

/** The keys of the answer to carry onto each item, where present. */
export function keysOf(...keys: string[]) {
	return (json: IDataObject): IDataObject => {
		const carried: IDataObject = {};
		for (const key of keys) if (json[key] !== undefined) carried[key] = json[key];
		return carried;
	};
}
