import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type {
	AudienceValue,
	BrazeBody,
	ConnectedAudience,
	CustomAttributeCondition,
	PastedJson,
} from '../../helpers/body/types';
import {
	CUSTOM_ATTRIBUTE_COMPARISONS,
	DATA_TYPE_LABELS,
	LAST_USED_APP_COMPARISONS,
	SUBSCRIPTION_COMPARISONS,
	SUBSCRIPTION_STATES,
	coerceFormValue,
	describeKinds,
	isDataType,
} from './rules';
import { describeValue } from '../../helpers/values/describe';
import type { ValueKind } from './rules';

/** A rule the audience breaks, in the form's words: what is wrong, then how to fix it. */
export interface AudienceProblem {
	message: string;
	fix: string;
}

/** One row of Audience Filters or of a group's Filters, as the engine gives it. */
export interface AudienceFormRow {
	filterType?: unknown;
	customAttributeName?: unknown;
	dataType?: unknown;
	comparison?: unknown;
	value?: unknown;
}

export interface AudienceFormGroup {
	combinator?: unknown;
	filters?: { filter?: AudienceFormRow[] };
}

export interface AudienceForm {
	combinator: unknown;
	filters: AudienceFormRow[];
	groups: AudienceFormGroup[];
}

export type AudienceMode = 'none' | 'form' | 'json';

/** "Audience filter 3" at the top level, "Audience group 1, filter 3" inside group 1. */
export function filterLabel(groupPath: number[], position: number): string {
	return groupPath.length
		? `Audience group ${groupPath.join('.')}, filter ${position}`
		: `Audience filter ${position}`;
}

export function groupLabel(groupPath: number[]): string {
	return groupPath.length ? `Audience group ${groupPath.join('.')}` : 'Audience';
}

export function readAudienceMode(context: IExecuteSingleFunctions): AudienceMode {
	return context.getNodeParameter('audienceMode', 'none') as AudienceMode;
}

export function readAudienceForm(context: IExecuteSingleFunctions): AudienceForm {
	return {
		combinator: context.getNodeParameter('audienceCombinator', 'AND'),
		filters: context.getNodeParameter('audienceFilters.filter', []) as AudienceFormRow[],
		groups: context.getNodeParameter('audienceGroups.group', []) as AudienceFormGroup[],
	};
}

/**
 * Turns the form into a Connected Audience object, typing every value for its comparison.
 * Rows it cannot read are left out and reported as problems, in form order.
 */
export function buildAudienceFromForm(form: AudienceForm): {
	audience: ConnectedAudience;
	problems: AudienceProblem[];
} {
	const problems: AudienceProblem[] = [];
	const combinator = readCombinator(form.combinator, 'Audience Match', groupLabel([]), problems);
	const elements: ConnectedAudience[] = [];
	let placedGroups = 0;
	const placeGroup = () => {
		const group = form.groups[placedGroups];
		placedGroups += 1;
		const built = buildGroup(group, placedGroups, problems);
		if (built) elements.push(built);
	};
	form.filters.forEach((row, index) => {
		const label = filterLabel([], index + 1);
		if (row.filterType === 'group') {
			if (placedGroups >= form.groups.length) {
				problems.push({
					message: `${label} is a Nested Group, but Nested Groups has no group ${placedGroups + 1}`,
					fix: 'Add a group under Nested Groups, or change the Filter Type of this filter.',
				});
				return;
			}
			placeGroup();
			return;
		}
		const filter = buildFilter(row, label, problems);
		if (filter) elements.push(filter);
	});
	while (placedGroups < form.groups.length) placeGroup();
	if (form.filters.length === 0 && form.groups.length === 0) {
		problems.push({
			message: 'Audience has no filters',
			fix: 'Add a filter under Audience Filters, or set Audience to None (version 2: pick a way without an audience in Send To).',
		});
	}
	return { audience: { [combinator]: elements }, problems };
}

function readCombinator(
	value: unknown,
	field: string,
	label: string,
	problems: AudienceProblem[],
): string {
	if (value === 'AND' || value === 'OR') return value;
	problems.push({
		message: `${label}: ${field} must be AND or OR, but it is ${describeValue(value)}`,
		fix: `Choose AND or OR in "${field}", or make its expression give "AND" or "OR".`,
	});
	return 'AND';
}

function buildGroup(
	group: AudienceFormGroup,
	number: number,
	problems: AudienceProblem[],
): ConnectedAudience | undefined {
	const label = groupLabel([number]);
	const combinator = readCombinator(group.combinator, 'Group Match', label, problems);
	const rows = group.filters?.filter ?? [];
	if (rows.length === 0) {
		problems.push({
			message: `${label} has no filters`,
			fix: 'Add at least one filter to the group, or remove the group.',
		});
		return undefined;
	}
	const filters: ConnectedAudience[] = [];
	rows.forEach((row, index) => {
		const filter = buildFilter(row, filterLabel([number], index + 1), problems);
		if (filter) filters.push(filter);
	});
	return { [combinator]: filters };
}

function buildFilter(
	row: AudienceFormRow,
	label: string,
	problems: AudienceProblem[],
): ConnectedAudience | undefined {
	const comparison = typeof row.comparison === 'string' ? row.comparison : '';
	switch (row.filterType) {
		case 'customAttribute':
			return buildCustomAttribute(row, comparison, label, problems);
		case 'pushSubscription':
		case 'emailSubscription': {
			const what = row.filterType === 'pushSubscription' ? 'push' : 'email';
			if (!SUBSCRIPTION_COMPARISONS.includes(comparison)) {
				problems.push({
					message: `${label}: comparison "${comparison}" does not fit a ${what} subscription status filter`,
					fix: 'Choose Is or Is Not as the Comparison.',
				});
				return undefined;
			}
			const state = typeof row.value === 'string' ? row.value.trim() : row.value;
			if (typeof state !== 'string' || !SUBSCRIPTION_STATES.includes(state)) {
				problems.push({
					message:
						state === undefined || state === null || state === ''
							? `${label}: the ${what} subscription status needs a value`
							: `${label}: ${describeValue(state)} is not a subscription status`,
					fix: `Enter one of ${SUBSCRIPTION_STATES.join(', ')} in Value.`,
				});
				return undefined;
			}
			return { [`${what}_subscription_status`]: { comparison, value: state } };
		}
		case 'lastUsedApp': {
			if (!LAST_USED_APP_COMPARISONS.includes(comparison)) {
				problems.push({
					message: `${label}: comparison "${comparison}" does not fit a Last Used App filter`,
					fix: 'Choose After or Before as the Comparison.',
				});
				return undefined;
			}
			const value = readValue('date', row.value, comparison, label, problems);
			return value === undefined ? undefined : { last_used_app: { comparison, value } };
		}
		default:
			problems.push({
				message: `${label}: unknown filter type ${describeValue(row.filterType)}`,
				fix: 'Choose Custom Attribute, Push Subscription Status, Email Subscription Status or Last Used App as the Filter Type.',
			});
			return undefined;
	}
}

function buildCustomAttribute(
	row: AudienceFormRow,
	comparison: string,
	label: string,
	problems: AudienceProblem[],
): ConnectedAudience | undefined {
	const name =
		typeof row.customAttributeName === 'string' || typeof row.customAttributeName === 'number'
			? String(row.customAttributeName).trim()
			: '';
	if (!name) {
		problems.push({
			message: `${label}: the custom attribute has no name`,
			fix: 'Fill in Custom Attribute Name with the attribute as named in Braze, such as plan.',
		});
		return undefined;
	}
	if (!isDataType(row.dataType)) {
		problems.push({
			message: `${label}: unknown data type ${describeValue(row.dataType)}`,
			fix: 'Choose String, Number, Boolean, Time or Array as the Data Type.',
		});
		return undefined;
	}
	const allowed = CUSTOM_ATTRIBUTE_COMPARISONS[row.dataType];
	const kind = allowed[comparison];
	if (!kind) {
		const typeName = DATA_TYPE_LABELS[row.dataType];
		problems.push({
			message: `${label}: comparison "${comparison}" does not fit data type ${typeName} (custom attribute "${name}")`,
			fix: `A ${typeName} attribute allows: ${Object.keys(allowed).join(', ')}. Change the Comparison, or the Data Type if "${name}" is not a ${typeName} in Braze.`,
		});
		return undefined;
	}
	const filter: CustomAttributeCondition = { custom_attribute_name: name, comparison };
	if (kind !== 'none') {
		const value = readValue(kind, row.value, comparison, label, problems);
		if (value === undefined) return undefined;
		filter.value = value;
	}
	return { custom_attribute: filter };
}

function readValue(
	kind: ValueKind,
	raw: unknown,
	comparison: string,
	label: string,
	problems: AudienceProblem[],
): AudienceValue | undefined {
	const wanted = describeKinds([kind]);
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		problems.push({
			message: `${label}: "${comparison}" needs a value`,
			fix: `Enter ${wanted} in Value.`,
		});
		return undefined;
	}
	const value = coerceFormValue(kind, raw);
	if (value === undefined) {
		problems.push({
			message: `${label}: the value ${describeValue(raw)} is not ${wanted}`,
			fix: `"${comparison}" compares with ${wanted}. Fix the Value, or the expression that fills it.`,
		});
	}
	return value;
}

/** Audience JSON: text from the editor, or an object from an expression. */
export function parseAudienceJson(raw: PastedJson): {
	audience?: PastedJson;
	problem?: AudienceProblem;
} {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		return {
			problem: {
				message: 'Audience JSON is empty',
				fix: 'Paste a Connected Audience object, such as {"push_subscription_status": {"comparison": "is", "value": "opted_in"}}, or set Audience to None (version 2: pick a way without an audience in Send To).',
			},
		};
	}
	if (typeof raw !== 'string') return { audience: raw };
	try {
		return { audience: JSON.parse(raw) };
	} catch (error) {
		return {
			problem: {
				message: 'Audience JSON is not valid JSON',
				fix: `${(error as Error).message}. Check the quotes, commas and brackets.`,
			},
		};
	}
}

/**
 * Writes body.audience from the form or the pasted JSON; the validator reports what is wrong.
 * A body step, not a routing preSend: routing reads a field with routing in both of its passes
 * over the form for every item, a step reads it once.
 */
export function addAudience(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const mode = readAudienceMode(context);
	if (mode === 'form') {
		body.audience = buildAudienceFromForm(readAudienceForm(context)).audience;
	} else if (mode === 'json') {
		const { audience } = parseAudienceJson(context.getNodeParameter('audienceJson', ''));
		if (audience !== undefined) body.audience = audience;
	}
}
