import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { entriesParameter } from './parameters';
import { textField } from '../validation/fieldValues';
import { invalidInput } from '../validation/invalidInput';

/** One file Braze downloads and attaches: `{ file_name, url }`, plus an optional credential. */
export type Attachment = { file_name: string; url: string; basic_auth_credential?: string };

interface AttachmentsFieldOptions {
	description: string;
	fileNameDescription: string;
	fileNamePlaceholder?: string;
	urlDescription: string;
	urlPlaceholder?: string;
	/** Email attachments may name a Connected Content credential for a URL behind basic auth. */
	basicAuth?: boolean;
}

/** An "Attachments" list (name `attachments`, entries `attachment`): a file name and a URL each. */
export function attachmentsField(options: AttachmentsFieldOptions): INodeProperties {
	const values: INodeProperties[] = [
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			...(options.fileNamePlaceholder ? { placeholder: options.fileNamePlaceholder } : {}),
			description: options.fileNameDescription,
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			...(options.urlPlaceholder ? { placeholder: options.urlPlaceholder } : {}),
			description: options.urlDescription,
		},
	];
	if (options.basicAuth) {
		values.push({
			displayName: 'Basic Auth Credential',
			name: 'basicAuthCredential',
			type: 'string',
			default: '',
			description:
				'The name of a Connected Content credential in Braze, if the URL needs basic auth',
		});
	}
	return {
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
		default: {},
		description: options.description,
		options: [{ displayName: 'Attachment', name: 'attachment', values }],
	};
}

/**
 * The attachments at `parameter` (e.g. 'emailOptions.attachments.attachment'). An entry left
 * empty is skipped; otherwise it needs both parts, and a URL Braze can download (http or https).
 * `label` names an entry in errors, e.g. "Email › Attachment".
 */
export function readAttachments(
	context: IExecuteSingleFunctions,
	parameter: string,
	label: string,
): Attachment[] {
	const entries = entriesParameter(context, parameter);
	const attachments: Attachment[] = [];
	for (const [index, entry] of entries.entries()) {
		const name = `${label} ${index + 1}`;
		const fileName = textField(context, entry.fileName, `${name} › File Name`);
		const url = textField(context, entry.url, `${name} › URL`);
		if (!fileName && !url) continue;
		if (!fileName || !url) {
			throw invalidInput(
				context,
				`${name} has no ${fileName ? 'URL' : 'File Name'}`,
				'Every attachment needs both a File Name and a URL.',
			);
		}
		if (!/^https?:\/\/\S+$/i.test(url)) {
			throw invalidInput(
				context,
				`${name}: the URL must start with http:// or https://`,
				'Give a web address Braze can download the file from.',
			);
		}
		const attachment: Attachment = { file_name: fileName, url };
		if (entry.basicAuthCredential !== undefined) {
			const credential = textField(
				context,
				entry.basicAuthCredential,
				`${name} › Basic Auth Credential`,
			);
			if (credential) attachment.basic_auth_credential = credential;
		}
		attachments.push(attachment);
	}
	return attachments;
}
