import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { additionalJsonOption, messageVariationIdOption } from '../helpers/form/channelOptions';
import { showForChannel } from '../helpers/form/displayOptions';
import { textField } from '../helpers/validation/fieldValues';
import { getPath, isPlainObject, setPath } from '../helpers/values/object';
import { bodyOf } from '../helpers/body/requestBody';
import { invalidInput } from '../helpers/validation/invalidInput';
import { appIdField } from './appId';
import type { BrazeChannel } from './types';
import { collectionParameter, entriesOf, entriesParameter } from '../helpers/form/parameters';

const KEY = 'whats_app';
const MESSAGE = 'messages.whats_app.message';

function showForType(...messageTypes: string[]) {
	return showForChannel(KEY, { whatsAppMessageType: messageTypes });
}

/**
 * Braze limits (https://www.braze.com/docs/api/objects_filters/messaging/whats_app_object):
 * a list holds at most 10 rows in all; a flow button caption 20 characters.
 */
const MAX_LIST_ROWS = 10;
const MAX_FLOW_CAPTION = 20;

// The parts of `message` the form builds (same page).

/** Values keyed by their zero-based position, as text: {"0": "…", "1": "…"}. */
type TemplateVariables = { [position: string]: string };

type ListRow = { row_title: string; row_description?: string };

type ListSection = { section_title: string; list_rows: ListRow[] };

/** Template variables are objects keyed by the zero-based position of each value (same page). */
async function sendTemplateBodyVariables(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = entriesParameter(this, 'whatsAppBodyVariables.variable');
	if (entries.length) {
		const variables: TemplateVariables = {};
		entries.forEach((entry, index) => (variables[String(index)] = String(entry.value ?? '')));
		setPath(bodyOf(requestOptions), `${MESSAGE}.body_variables`, variables);
	}
	return requestOptions;
}

async function sendTemplateHeaderVariable(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const value = String(this.getNodeParameter('whatsAppHeaderVariable', '') ?? '');
	if (value) setPath(bodyOf(requestOptions), `${MESSAGE}.header_variables`, { '0': value });
	return requestOptions;
}

/** The one button variable is keyed by the call-to-action button's index (same page). */
async function sendTemplateButtonVariable(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const variable = collectionParameter(this, 'whatsAppButtonVariable.variable');
	if (variable.value === undefined || variable.value === '') return requestOptions;
	const index = Number(variable.buttonIndex ?? 0);
	if (!Number.isInteger(index) || index < 0) {
		throw invalidInput(
			this,
			`WhatsApp: Button Variable › Button Index must be a whole number from 0, but it is ${String(variable.buttonIndex)}`,
			'Enter the position of the URL button in the template, counting from 0.',
		);
	}
	const variables: TemplateVariables = { [String(index)]: String(variable.value) };
	setPath(bodyOf(requestOptions), `${MESSAGE}.button_variables`, variables);
	return requestOptions;
}

async function sendQuickReplyButtons(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = entriesParameter(this, 'whatsAppButtons.button');
	const buttons = entries.map((entry, index) => {
		const text = textField(this, entry.text, `WhatsApp › Quick reply button ${index + 1} › Text`);
		if (!text) {
			throw invalidInput(
				this,
				`WhatsApp › Quick reply button ${index + 1} has no Text`,
				'Fill it in, or remove the button.',
			);
		}
		return { text };
	});
	if (buttons.length) setPath(bodyOf(requestOptions), `${MESSAGE}.buttons`, buttons);
	return requestOptions;
}

async function sendListSections(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = entriesParameter(this, 'whatsAppListSections.section');
	const sections = entries.map((entry, sectionIndex): ListSection => {
		const title = textField(
			this,
			entry.sectionTitle,
			`WhatsApp › List section ${sectionIndex + 1} › Section Title`,
		);
		const rows = entriesOf(entry.rows, 'row').map((row, rowIndex) => {
			const rowTitle = textField(
				this,
				row.rowTitle,
				`WhatsApp › List section ${sectionIndex + 1}, row ${rowIndex + 1} › Row Title`,
			);
			if (!rowTitle) {
				throw invalidInput(
					this,
					`WhatsApp › List section ${sectionIndex + 1}, row ${rowIndex + 1} has no Row Title`,
					'Fill in the row title, or remove the row.',
				);
			}
			const listRow: ListRow = { row_title: rowTitle };
			if (row.rowDescription) listRow.row_description = String(row.rowDescription);
			return listRow;
		});
		if (!title || rows.length === 0) {
			throw invalidInput(
				this,
				`WhatsApp › List section ${sectionIndex + 1} needs a Section Title and at least one row`,
				'Fill in the section title and add its rows, or remove the section.',
			);
		}
		return { section_title: title, list_rows: rows };
	});
	if (sections.length) setPath(bodyOf(requestOptions), `${MESSAGE}.list.list_sections`, sections);
	return requestOptions;
}

/**
 * Checks one list section as Braze wants it, {section_title, list_rows: [{row_title, …}, …]},
 * and gives its number of rows.
 */
function countListRows(context: IExecuteSingleFunctions, section: unknown, index: number): number {
	const label = `WhatsApp: List Sections, section ${index + 1}`;
	const fix =
		'Each section needs a section_title and a non-empty list_rows list of {"row_title": "…"} objects; fix it in "WhatsApp: List Sections" or in WhatsApp Options › Additional JSON.';
	if (!isPlainObject(section)) {
		throw invalidInput(context, `${label} is not an object`, fix);
	}
	const { section_title: title, list_rows: rows } = section;
	if (typeof title !== 'string' || title.trim() === '') {
		throw invalidInput(context, `${label} has no section_title`, fix);
	}
	if (!Array.isArray(rows) || rows.length === 0) {
		throw invalidInput(context, `${label} has no list_rows`, fix);
	}
	rows.forEach((row: unknown, rowIndex) => {
		const rowTitle = isPlainObject(row) ? row.row_title : undefined;
		if (typeof rowTitle !== 'string' || rowTitle.trim() === '') {
			throw invalidInput(context, `${label}, row ${rowIndex + 1} has no row_title`, fix);
		}
	});
	return rows.length;
}

export const whatsAppChannel: BrazeChannel = {
	key: KEY,
	name: 'WhatsApp',
	description: 'A WhatsApp message through a Braze subscription group (messages.whats_app)',
	properties: [
		appIdField('WhatsApp', 'whatsAppAppId', KEY),
		{
			displayName: 'WhatsApp: Subscription Group ID',
			name: 'whatsAppSubscriptionGroupId',
			type: 'string',
			required: true,
			default: '',
			description:
				'The WhatsApp subscription group that sends the message, by ID only: Braze has no API that lists subscription groups, so copy it from the Subscription Groups page in Braze',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.whats_app.subscription_group_id' } },
		},
		{
			displayName: 'WhatsApp: Message Type',
			name: 'whatsAppMessageType',
			type: 'options',
			default: 'template_message',
			description:
				'A template starts a conversation; the response types only reach users who wrote to you in the last 24 hours',
			options: [
				{
					name: 'Flow (Response)',
					value: 'flow_response_message',
					description: 'Text with a button that opens a WhatsApp Flow',
				},
				{
					name: 'List (Response)',
					value: 'list_response_message',
					description: 'Text with a button that opens a list of choices',
				},
				{
					name: 'Quick Reply (Response)',
					value: 'quick_reply_response_message',
					description: 'Text with reply buttons',
				},
				{
					name: 'Template',
					value: 'template_message',
					description: 'An approved template; the only type that can start a conversation',
				},
				{ name: 'Text (Response)', value: 'text_response_message', description: 'Plain text' },
				{
					name: 'Text with Image (Response)',
					value: 'text_image_response_message',
					description: 'An image with an optional caption',
				},
			],
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.whats_app.message_type' } },
		},
		{
			displayName: 'WhatsApp: Template Name',
			name: 'whatsAppTemplateName',
			type: 'string',
			required: true,
			default: '',
			description: 'The name of an approved WhatsApp template',
			displayOptions: showForType('template_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.template_name` } },
		},
		{
			displayName: 'WhatsApp: Template Language Code',
			name: 'whatsAppTemplateLanguageCode',
			type: 'string',
			required: true,
			default: 'en',
			placeholder: 'en_US',
			description: 'The language of the template, e.g. en or en_US',
			displayOptions: showForType('template_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.template_language_code` } },
		},
		{
			displayName: 'WhatsApp: Body Variables',
			name: 'whatsAppBodyVariables',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Body Variable',
			default: {},
			description:
				"Values for the template body's variables, in order (the first fills variable 0)",
			displayOptions: showForType('template_message'),
			options: [
				{
					displayName: 'Variable',
					name: 'variable',
					values: [
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'The text that fills this variable',
						},
					],
				},
			],
			routing: { send: { preSend: [sendTemplateBodyVariables] } },
		},
		{
			displayName: 'WhatsApp: Header Variable',
			name: 'whatsAppHeaderVariable',
			type: 'string',
			default: '',
			description: "The value of the template header's variable, if its text header has one",
			displayOptions: showForType('template_message'),
			routing: { send: { preSend: [sendTemplateHeaderVariable] } },
		},
		{
			displayName: 'WhatsApp: Button Variable',
			name: 'whatsAppButtonVariable',
			type: 'fixedCollection',
			placeholder: 'Add Button Variable',
			default: {},
			description:
				"The path part of the template's call-to-action URL button (only one button can have a variable)",
			displayOptions: showForType('template_message'),
			options: [
				{
					displayName: 'Button Variable',
					name: 'variable',
					values: [
						{
							displayName: 'Button Index',
							name: 'buttonIndex',
							type: 'number',
							default: 0,
							description: 'The position of the URL button in the template, from 0',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'The URL path part',
						},
					],
				},
			],
			routing: { send: { preSend: [sendTemplateButtonVariable] } },
		},
		{
			displayName: 'WhatsApp: Header Media URI',
			name: 'whatsAppHeaderMediaUri',
			type: 'string',
			default: '',
			description:
				'The image for a template whose header is an image (text and image headers only)',
			displayOptions: showForType('template_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.header_media_uri` } },
		},
		{
			displayName: 'WhatsApp: Header',
			name: 'whatsAppHeader',
			type: 'string',
			default: '',
			description: 'A header line above the list message',
			displayOptions: showForType('list_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.header` } },
		},
		{
			displayName: 'WhatsApp: Header Text',
			name: 'whatsAppHeaderText',
			type: 'string',
			default: '',
			description: 'A text header; a quick reply can have this or a Header Image URI, not both',
			displayOptions: showForType('quick_reply_response_message', 'flow_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.header_text` } },
		},
		{
			displayName: 'WhatsApp: Header Image URI',
			name: 'whatsAppHeaderImageUri',
			type: 'string',
			default: '',
			description: 'An image header; only when Header Text is empty',
			displayOptions: showForType('quick_reply_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.header_image_uri` } },
		},
		{
			displayName: 'WhatsApp: Footer',
			name: 'whatsAppFooter',
			type: 'string',
			default: '',
			description: 'A small line of text under the message',
			displayOptions: showForType(
				'quick_reply_response_message',
				'list_response_message',
				'flow_response_message',
			),
			routing: { send: { type: 'body', property: `${MESSAGE}.footer` } },
		},
		{
			displayName: 'WhatsApp: Quick Reply Buttons',
			name: 'whatsAppButtons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Button',
			default: {},
			description: 'The reply buttons, in order (at least one)',
			displayOptions: showForType('quick_reply_response_message'),
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{
							displayName: 'Text',
							name: 'text',
							type: 'string',
							default: '',
							description: 'The button label',
						},
					],
				},
			],
			routing: { send: { preSend: [sendQuickReplyButtons] } },
		},
		{
			displayName: 'WhatsApp: List Button Text',
			name: 'whatsAppListButtonText',
			type: 'string',
			required: true,
			default: '',
			description: 'The label of the button that opens the list',
			displayOptions: showForType('list_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.list.list_button_text` } },
		},
		{
			displayName: 'WhatsApp: List Sections',
			name: 'whatsAppListSections',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Section',
			default: {},
			description:
				'The sections of the list, each with its rows (at least one section, at most 10 rows in all)',
			displayOptions: showForType('list_response_message'),
			options: [
				{
					displayName: 'Section',
					name: 'section',
					values: [
						{
							displayName: 'Section Title',
							name: 'sectionTitle',
							type: 'string',
							default: '',
							description: 'The section heading',
						},
						{
							displayName: 'Rows',
							name: 'rows',
							type: 'fixedCollection',
							typeOptions: { multipleValues: true, sortable: true },
							placeholder: 'Add Row',
							default: {},
							description: 'The choices in this section',
							options: [
								{
									displayName: 'Row',
									name: 'row',
									values: [
										{
											displayName: 'Row Title',
											name: 'rowTitle',
											type: 'string',
											default: '',
											description: 'The choice shown',
										},
										{
											displayName: 'Row Description',
											name: 'rowDescription',
											type: 'string',
											default: '',
											description: 'An optional line under the choice',
										},
									],
								},
							],
						},
					],
				},
			],
			routing: { send: { preSend: [sendListSections] } },
		},
		{
			displayName: 'WhatsApp: Flow ID',
			name: 'whatsAppFlowId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID of a published WhatsApp Flow',
			displayOptions: showForType('flow_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.flow_button.flow_id` } },
		},
		{
			displayName: 'WhatsApp: Flow Button Caption',
			name: 'whatsAppFlowCaption',
			type: 'string',
			required: true,
			default: '',
			description: 'The label of the button that opens the flow (at most 20 characters)',
			displayOptions: showForType('flow_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.flow_button.caption` } },
		},
		{
			displayName: 'WhatsApp: Save Flow Response',
			name: 'whatsAppGenerateCustomAttribute',
			type: 'boolean',
			default: false,
			description:
				"Whether the user's flow response is saved on their profile as a custom attribute",
			displayOptions: showForType('flow_response_message'),
			routing: {
				send: { type: 'body', property: `${MESSAGE}.flow_button.generate_custom_attribute` },
			},
		},
		{
			displayName: 'WhatsApp: Body',
			name: 'whatsAppBody',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			description: 'The message text',
			displayOptions: showForType(
				'text_response_message',
				'quick_reply_response_message',
				'list_response_message',
				'flow_response_message',
			),
			routing: { send: { type: 'body', property: `${MESSAGE}.body` } },
		},
		{
			displayName: 'WhatsApp: Image URI',
			name: 'whatsAppImageUri',
			type: 'string',
			required: true,
			default: '',
			description: 'The URL of the image to send',
			displayOptions: showForType('text_image_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.image_uri` } },
		},
		{
			displayName: 'WhatsApp: Caption',
			name: 'whatsAppCaption',
			type: 'string',
			default: '',
			description: 'Text shown under the image',
			displayOptions: showForType('text_image_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.caption` } },
		},
		{
			displayName: 'WhatsApp Options',
			name: 'whatsAppOptions',
			type: 'collection',
			placeholder: 'Add WhatsApp Option',
			default: {},
			description: 'Optional WhatsApp fields: link previews and campaign tracking',
			displayOptions: showForChannel(KEY),
			options: [
				additionalJsonOption('messages.whats_app', 'WhatsApp', 'whatsAppOptions'),
				messageVariationIdOption('messages.whats_app.message_variation_id'),
				{
					displayName: 'Preview URL',
					name: 'previewUrl',
					type: 'boolean',
					default: false,
					description: 'Whether links in a text response show a preview',
					displayOptions: { show: { '/whatsAppMessageType': ['text_response_message'] } },
					routing: { send: { type: 'body', property: `${MESSAGE}.preview_url` } },
				},
			],
		},
	],
	validate(context, whatsApp) {
		const message = isPlainObject(whatsApp.message) ? whatsApp.message : {};
		switch (whatsApp.message_type) {
			case 'quick_reply_response_message':
				if (message.header_text !== undefined && message.header_image_uri !== undefined) {
					throw invalidInput(
						context,
						'WhatsApp: a quick reply can have a Header Text or a Header Image URI, not both',
						'Clear one of "WhatsApp: Header Text" and "WhatsApp: Header Image URI".',
					);
				}
				if (!Array.isArray(message.buttons) || message.buttons.length === 0) {
					throw invalidInput(
						context,
						'WhatsApp: a quick reply needs at least one button',
						'Add a button in "WhatsApp: Quick Reply Buttons".',
					);
				}
				break;
			case 'list_response_message': {
				const sections = getPath(message, 'list.list_sections') ?? [];
				if (!Array.isArray(sections) || sections.length === 0) {
					throw invalidInput(
						context,
						'WhatsApp: a list needs at least one section',
						'Add a section with its rows in "WhatsApp: List Sections".',
					);
				}
				// Sections may come from Additional JSON, in any shape: each is checked as it is counted.
				let rows = 0;
				sections.forEach((section: unknown, index) => {
					rows += countListRows(context, section, index);
				});
				if (rows > MAX_LIST_ROWS) {
					throw invalidInput(
						context,
						`WhatsApp: the list has ${rows} rows; WhatsApp allows at most ${MAX_LIST_ROWS} in all sections together`,
						'Remove rows, or split the choices over several messages.',
					);
				}
				break;
			}
			case 'flow_response_message': {
				const caption = String(getPath(message, 'flow_button.caption') ?? '');
				if (caption.length > MAX_FLOW_CAPTION) {
					throw invalidInput(
						context,
						`WhatsApp: Flow Button Caption is ${caption.length} characters; WhatsApp allows at most ${MAX_FLOW_CAPTION}`,
						'Shorten "WhatsApp: Flow Button Caption".',
					);
				}
				break;
			}
		}
	},
};
