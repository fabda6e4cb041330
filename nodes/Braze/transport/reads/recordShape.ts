import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from '../../helpers/validation/invalidInput';
import { isPlainObject } from '../../helpers/values/object';

/**
 * The Output option of a read whose records carry more than a workflow (or an AI model reading a
 * tool's answer) can take in at a glance, following n8n's convention for tool nodes:
 * - Simplified (the default): the record's ID and the fields a workflow uses most, at most 10;
 * - Raw: the record as Braze gives it;
 * - Selected Fields: the ID and the fields named in Fields (a dot reaches inside an object:
 *   `custom_attributes.plan`).
 * The ID is kept whatever the choice, so a later node can always name the record.
 */
export interface RecordShape {
	/** The record's identifying keys, kept in every mode (e.g. ['external_id', 'braze_id']). */
	id: readonly string[];
	/** The other keys Simplified keeps, most used first; with the ID at most 10 in all. */
	simplified: readonly string[];
}

export type OutputMode = 'simplified' | 'raw' | 'selected';

const MODES: readonly OutputMode[] = ['simplified', 'raw', 'selected'];

/** Output and Fields, read and checked before anything is sent. */
export function outputChoice(context: IExecuteSingleFunctions): {
	mode: OutputMode;
	fields: string[];
} {
	const mode = context.getNodeParameter('output', 'simplified') as OutputMode;
	if (!MODES.includes(mode)) {
		throw invalidInput(
			context,
			`Output must be Simplified, Raw or Selected Fields, but it is ${JSON.stringify(mode)}`,
			'Pick one of the three in Output (an expression must give simplified, raw or selected).',
		);
	}
	if (mode !== 'selected') return { mode, fields: [] };
	const raw: unknown = context.getNodeParameter('outputFields', '');
	const fields = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','))
		.map((field) => field.trim())
		.filter((field) => field !== '');
	if (!fields.length) {
		throw invalidInput(
			context,
			'Fields is empty while Output is Selected Fields',
			'Name the fields to keep in Fields, separated by commas (e.g. first_name, email, custom_attributes.plan), or set Output to Simplified or Raw.',
		);
	}
	return { mode, fields };
}

/** The record as Output asks; the ID keys always stay. */
export function shapeRecord(
	record: IDataObject,
	shape: RecordShape,
	choice: { mode: OutputMode; fields: string[] },
): IDataObject {
	if (choice.mode === 'raw') return record;
	const paths = [
		...shape.id,
		...(choice.mode === 'simplified' ? shape.simplified : choice.fields),
	];
	const kept: IDataObject = {};
	for (const path of paths) copyPath(record, kept, path.split('.'));
	return kept;
}

function copyPath(from: IDataObject, to: IDataObject, path: string[]): void {
	const [key, ...rest] = path;
	if (!(key in from)) return;
	if (!rest.length) {
		to[key] = from[key];
		return;
	}
	const inner = from[key];
	if (!isPlainObject(inner)) return;
	const target = isPlainObject(to[key]) ? (to[key] as IDataObject) : {};
	copyPath(inner, target, rest);
	if (Object.keys(target).length) to[key] = target;
}
