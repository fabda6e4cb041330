import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { isPlainObject } from '../../helpers/values/object';
import { invalidInput } from '../../helpers/validation/invalidInput';
import {
	buildAudienceFromForm,
	filterLabel,
	groupLabel,
	parseAudienceJson,
	readAudienceForm,
	readAudienceMode,
} from './build';
import type { AudienceProblem } from './build';
import { MAX_AUDIENCE_NESTING, nestsDeeperThan, regexProblem } from './limits';
import {
	ALL_CUSTOM_ATTRIBUTE_COMPARISONS,
	FILTER_FIELDS,
	FILTER_KEYS,
	LAST_USED_APP_COMPARISONS,
	SUBSCRIPTION_COMPARISONS,
	SUBSCRIPTION_STATES,
	acceptsJsonValue,
	describeKinds,
	kindsOfComparison,
} from './rules';
import { describeValue } from '../../helpers/values/describe';

const REGEX_COMPARISONS = ['matches_regex', 'does_not_match_regex'];

/**
 * Checks the audience before anything is sent. Form mode first reads the form again, so a
 * problem names the row ("Audience group 1, filter 3: …") and knows the attribute's data
 * type; then the finished object is checked against Braze's rules, as a pasted one is.
 */
export function assertValidAudience(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const mode = readAudienceMode(context);
	const problems: AudienceProblem[] = [];
	if (mode === 'form') {
		problems.push(...buildAudienceFromForm(readAudienceForm(context)).problems);
	} else if (mode === 'json') {
		const { problem } = parseAudienceJson(context.getNodeParameter('audienceJson', ''));
		if (problem) problems.push(problem);
	}
	if (!problems.length && body.audience !== undefined) {
		if (nestsDeeperThan(body.audience, MAX_AUDIENCE_NESTING)) {
			throw invalidInput(
				context,
				`Audience is nested more than ${MAX_AUDIENCE_NESTING} levels deep`,
				'Flatten the groups (an AND inside an AND can be merged into one), or move conditions into a segment and use Segment ID.',
			);
		}
		problems.push(...checkAudienceObject(body.audience));
	}
	if (problems.length) throw invalidInput(context, problems[0].message, problems[0].fix);
}

/**
 * Every rule of a Connected Audience object
 * (https://www.braze.com/docs/api/objects_filters/connected_audience); positions as in the form.
 */
export function checkAudienceObject(audience: unknown): AudienceProblem[] {
	const problems: AudienceProblem[] = [];
	const entry = onlyEntry(audience);
	if (entry === undefined) {
		problems.push({
			message: 'Audience must be one filter, or {"AND": [...]} / {"OR": [...]}',
			fix: 'Give an object with exactly one key: AND, OR, or a filter name such as custom_attribute.',
		});
	} else if (entry.key === 'AND' || entry.key === 'OR') {
		checkGroup(entry.value, entry.key, [], problems);
	} else {
		checkFilter(entry.key, entry.value, 'Audience filter', problems);
	}
	return problems;
}

/** The key and value of an object with exactly one key: a filter or a group, by its shape. */
function onlyEntry(node: unknown): { key: string; value: unknown } | undefined {
	if (!isPlainObject(node)) return undefined;
	const entries = Object.entries(node);
	return entries.length === 1 ? { key: entries[0][0], value: entries[0][1] } : undefined;
}

/** The list under AND or OR: each item a filter or a group. */
function checkGroup(
	items: unknown,
	combinator: string,
	groupPath: number[],
	problems: AudienceProblem[],
): void {
	if (!Array.isArray(items) || items.length === 0) {
		problems.push({
			message: `${groupLabel(groupPath)}: ${combinator} holds no filters`,
			fix: `Give ${combinator} a list of at least one filter or group, or remove it.`,
		});
		return;
	}
	let groups = 0;
	items.forEach((item, index) => {
		const label = filterLabel(groupPath, index + 1);
		const entry = onlyEntry(item);
		if (entry === undefined) {
			problems.push({
				message: `${label} is not a filter or a group`,
				fix: 'Each entry must be an object with exactly one key: AND, OR, or a filter name such as custom_attribute.',
			});
		} else if (entry.key === 'AND' || entry.key === 'OR') {
			groups += 1;
			checkGroup(entry.value, entry.key, [...groupPath, groups], problems);
		} else {
			checkFilter(entry.key, entry.value, label, problems);
		}
	});
}

/** One filter: its name, and the object of its fields. */
function checkFilter(
	key: string,
	filter: unknown,
	label: string,
	problems: AudienceProblem[],
): void {
	if (!FILTER_KEYS.includes(key)) {
		problems.push({
			message: `${label}: unknown filter "${key}"`,
			fix: `Braze's connected audience filters are ${FILTER_KEYS.join(', ')}. Conditions on events, segments or default attributes belong in a segment (use Segment ID).`,
		});
		return;
	}
	if (!isPlainObject(filter)) {
		problems.push({
			message: `${label}: ${key} must be an object`,
			fix: `Write it as {"${key}": {${FILTER_FIELDS[key].map((field) => `"${field}": …`).join(', ')}}}.`,
		});
		return;
	}
	const unknown = Object.keys(filter).find((field) => !FILTER_FIELDS[key].includes(field));
	if (unknown !== undefined) {
		problems.push({
			message: `${label}: ${key} has an unknown field "${unknown}"`,
			fix: `A ${key} filter holds only ${FILTER_FIELDS[key].join(', ')}.`,
		});
		return;
	}
	const { comparison, value } = filter;
	if (key === 'custom_attribute') {
		checkCustomAttribute(filter, label, problems);
	} else if (key === 'last_used_app') {
		if (!checkComparison(comparison, LAST_USED_APP_COMPARISONS, key, label, problems)) return;
		checkValue(['date'], value, String(comparison), label, problems);
	} else {
		if (!checkComparison(comparison, SUBSCRIPTION_COMPARISONS, key, label, problems)) return;
		if (typeof value !== 'string' || !SUBSCRIPTION_STATES.includes(value)) {
			problems.push({
				message:
					value === undefined
						? `${label}: ${key} needs a value`
						: `${label}: ${describeValue(value)} is not a subscription status`,
				fix: `Give one of ${SUBSCRIPTION_STATES.join(', ')} as the value.`,
			});
		}
	}
}

function checkComparison(
	comparison: unknown,
	allowed: string[],
	key: string,
	label: string,
	problems: AudienceProblem[],
): boolean {
	if (typeof comparison === 'string' && allowed.includes(comparison)) return true;
	problems.push({
		message: `${label}: comparison ${describeValue(comparison)} does not fit a ${key} filter`,
		fix: `Use one of: ${allowed.join(', ')}.`,
	});
	return false;
}

function checkCustomAttribute(
	filter: IDataObject,
	label: string,
	problems: AudienceProblem[],
): void {
	const name = filter.custom_attribute_name;
	if (typeof name !== 'string' || name.trim() === '') {
		problems.push({
			message: `${label}: the custom attribute has no name`,
			fix: 'Give custom_attribute_name: the attribute as named in Braze.',
		});
		return;
	}
	const comparison = filter.comparison;
	if (typeof comparison !== 'string' || !ALL_CUSTOM_ATTRIBUTE_COMPARISONS.includes(comparison)) {
		problems.push({
			message: `${label}: comparison ${describeValue(comparison)} is not a custom attribute comparison`,
			fix: `Use one of: ${ALL_CUSTOM_ATTRIBUTE_COMPARISONS.join(', ')}.`,
		});
		return;
	}
	// A pasted filter has no data type: the value must fit one of the types allowing the comparison.
	const kinds = kindsOfComparison(comparison).filter((kind) => kind !== 'none');
	if (kinds.length) checkValue(kinds, filter.value, comparison, label, problems);
	if (REGEX_COMPARISONS.includes(comparison) && typeof filter.value === 'string') {
		const problem = regexProblem(filter.value);
		if (problem !== undefined) {
			problems.push({
				message: `${label}: the value ${describeValue(filter.value)} is not a valid regular expression`,
				fix: `${problem}. Fix the pattern (escape ( [ { * + ? with a backslash to match them as text).`,
			});
		}
	}
}

function checkValue(
	kinds: Parameters<typeof describeKinds>[0],
	value: unknown,
	comparison: string,
	label: string,
	problems: AudienceProblem[],
): void {
	const wanted = describeKinds(kinds);
	if (value === undefined || value === null || value === '') {
		problems.push({
			message: `${label}: "${comparison}" needs a value`,
			fix: `Give ${wanted} as the value.`,
		});
	} else if (!kinds.some((kind) => acceptsJsonValue(kind, value))) {
		problems.push({
			message: `${label}: the value ${describeValue(value)} is not ${wanted}`,
			fix: `"${comparison}" compares with ${wanted}.`,
		});
	}
}
