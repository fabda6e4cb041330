import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { collectionParameter } from '../../helpers/form/parameters';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { byteLength } from '../../helpers/values/bytes';

/**
 * What Braze refuses in a Content Block, refused before sending with the field and the fix
 * (https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/post_create_email_content_block):
 * a name of 100 characters or more, or with characters other than letters, digits, - and _; a
 * blank description or one of 250 characters or more; blank content, content of 50 KB or more,
 * or content that includes the block itself. Braze also refuses, and only it can tell: a name
 * already taken, malformed Liquid, tags that do not exist, a new name or Draft for an active block
 * (https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/post_update_content_block).
 */

const MAX_NAME_CHARACTERS = 99;
const MAX_DESCRIPTION_CHARACTERS = 249;
/** "Content must be smaller than 50kb". */
const MAX_CONTENT_BYTES = 50 * 1024 - 1;

/** Where the step finds the fields: Create's top level and Additional Fields, or Update Fields. */
type Labels = { name: string; content: string; description: string };

function assertName(context: IExecuteSingleFunctions, name: string, label: string): void {
	const length = [...name].length;
	if (length > MAX_NAME_CHARACTERS) {
		throw invalidInput(
			context,
			`${label} is ${length} characters long; Braze takes fewer than 100`,
			`Shorten "${label}" to at most ${MAX_NAME_CHARACTERS} characters.`,
		);
	}
	const bad = [...name].find((character) => !/[A-Za-z0-9_-]/.test(character));
	if (bad !== undefined) {
		throw invalidInput(
			context,
			`${label} ${JSON.stringify(name)} has the character ${JSON.stringify(bad)}; Braze takes only letters (A–Z, a–z), digits, - and _`,
			`Rename it with letters, digits, - and _ only, e.g. ${JSON.stringify(name.replace(/[^A-Za-z0-9_-]+/g, '_'))}: messages include the block by this name.`,
		);
	}
}

function assertDescription(context: IExecuteSingleFunctions, text: string, label: string): void {
	if (text.trim() === '') {
		throw invalidInput(
			context,
			`${label} is blank`,
			`Describe the block in "${label}", or remove the field: Braze refuses a blank description.`,
		);
	}
	const length = [...text].length;
	if (length > MAX_DESCRIPTION_CHARACTERS) {
		throw invalidInput(
			context,
			`${label} is ${length} characters long; Braze takes fewer than 250`,
			`Shorten "${label}" to at most ${MAX_DESCRIPTION_CHARACTERS} characters.`,
		);
	}
}

function assertContent(
	context: IExecuteSingleFunctions,
	content: string,
	label: string,
	name: string | undefined,
): void {
	if (content.trim() === '') {
		throw invalidInput(context, `${label} is blank`, `Put the block's HTML or text in "${label}".`);
	}
	const bytes = byteLength(content);
	if (bytes > MAX_CONTENT_BYTES) {
		throw invalidInput(
			context,
			`${label} is ${(bytes / 1024).toFixed(1)} KB; Braze takes less than 50 KB`,
			'Shorten the content, or split it into several Content Blocks that one message includes in turn.',
		);
	}
	if (name !== undefined && includesItself(content, name)) {
		throw invalidInput(
			context,
			`${label} includes the block itself ({{content_blocks.\${${name}}}})`,
			'Remove the tag of this block from its own content: Braze refuses a block that includes itself.',
		);
	}
}

function includesItself(content: string, name: string): boolean {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`\\{\\{\\s*content_blocks\\.\\$\\{\\s*${escaped}\\s*\\}\\s*\\}\\}`).test(
		content,
	);
}

/** The body step of Create and Update: each rule on the fields the body carries. */
export function blockRules(labels: Labels) {
	return function assertContentBlock(context: IExecuteSingleFunctions, body: BrazeBody): void {
		const name = typeof body.name === 'string' ? body.name : undefined;
		if (name !== undefined) assertName(context, name, labels.name);
		if (typeof body.description === 'string') {
			assertDescription(context, body.description, labels.description);
		}
		if (typeof body.content === 'string') {
			assertContent(context, body.content, labels.content, name);
		}
	};
}

/** Update: at least one field, and none of Name, Content or Description left empty. */
export function assertSomethingToChange(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const given = collectionParameter(context, 'updateFields');
	for (const [key, label] of [
		['name', 'Name'],
		['content', 'Content'],
		['description', 'Description'],
	]) {
		if (key in given && String(given[key] ?? '').trim() === '') {
			throw invalidInput(
				context,
				`Update Fields › ${label} is empty`,
				`Type the new ${label.toLowerCase()}, or remove ${label} from Update Fields to keep the current one: Braze refuses a blank one.`,
			);
		}
	}
	if (!['name', 'content', 'description', 'state', 'tags'].some((key) => key in body)) {
		throw invalidInput(
			context,
			'Update Fields names nothing to change',
			'Add at least one field to Update Fields (Content, Description, Name, State or Tags) and fill it in.',
		);
	}
}
