import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BodyStep } from '../../helpers/body/types';
import { collectionParameter } from '../../helpers/form/parameters';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { describeValue } from '../../helpers/values/describe';

/**
 * Tags of an email template or a Content Block: Braze takes a list of strings, each the name of
 * a tag that already exists in the workspace
 * (https://www.braze.com/docs/api/endpoints/templates/email_templates/post_create_email_template,
 * https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/post_create_email_content_block).
 * The form takes them as text separated by commas, or a list from an expression.
 */
/** Tags, in Additional Fields and Update Fields of both resources. */
export const tagsField: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	default: '',
	placeholder: 'e.g. onboarding, promo',
	description:
		'Tags to put on it, separated by commas (e.g. onboarding, promo), or a list from an expression. Each tag must already exist in Braze (Settings › Tags): Braze refuses the request otherwise. Sent as a list of strings.',
};

/** The tags a field gives, as Braze's list of strings; undefined when it gives none. */
export function readTags(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
): string[] | undefined {
	if (raw === undefined || raw === null) return undefined;
	const entries = typeof raw === 'string' ? raw.split(/[,\n]/) : Array.isArray(raw) ? raw : null;
	if (entries === null || entries.some((entry) => typeof entry !== 'string')) {
		throw invalidInput(
			context,
			`${label} must be text or a list of texts, but it is ${describeValue(raw)}`,
			`Give the tag names separated by commas (e.g. onboarding, promo), or make the expression in "${label}" give a list of names such as ["onboarding", "promo"].`,
		);
	}
	const tags = (entries as string[]).map((tag) => tag.trim()).filter((tag) => tag !== '');
	return tags.length ? [...new Set(tags)] : undefined;
}

/** The body step that puts the Tags of collection `collection` (e.g. additionalFields) in `tags`. */
export function addTags(collection: string, label: string): BodyStep {
	return function addTagList(context, body) {
		const tags = readTags(context, collectionParameter(context, collection).tags, label);
		if (tags) body.tags = tags;
	};
}
