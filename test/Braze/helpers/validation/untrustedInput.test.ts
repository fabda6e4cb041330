import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../../helpers/engine';
import { emailSend, users } from '../../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../../helpers/standIn';

// The "Trust" issue, parts 4 and 5: unclear input fails closed, silent slips are refused
// naming the field, and the 4 MB check runs on each request as sent.

const standIn = useStandIn();
const FROM_ITEM = '={{ $json.v }}';
const MB4 = 4 * 1024 * 1024;

async function run(parameters: IDataObject, items?: IDataObject[]) {
	return await runBrazeNode({
		parameters: parameters as never,
		items,
		credentials: standInCredentials(standIn),
	});
}

/** Runs, expects a refusal before any request, and returns the error. */
async function refused(parameters: IDataObject, items?: IDataObject[]) {
	const result = await run(parameters, items);
	expect(standIn.requests).toHaveLength(0);
	expect(result.error).toBeDefined();
	return result.error as Error & { description?: string };
}

describe('Dry Run fails closed', () => {
	it.each([['yes'], [1], ['TRUE'], ['']])('refuses %p and sends nothing', async (value) => {
		const error = await refused(
			{ ...emailSend, externalUserIds: 'u1', options: { dryRun: FROM_ITEM } },
			[{ v: value }],
		);
		expect(error.message).toMatch(/^Options › Dry Run must be true or false/);
		expect(error.description).toMatch(/Switch "Options › Dry Run" on or off/);
	});

	it('takes the text "true" as on and "false" as off', async () => {
		const dry = await run({ ...emailSend, externalUserIds: 'u1', options: { dryRun: FROM_ITEM } }, [
			{ v: 'true' },
		]);
		expect(dry.output[0].json.dry_run).toBe(true);
		expect(standIn.requests).toHaveLength(0);
		await run({ ...emailSend, externalUserIds: 'u1', options: { dryRun: FROM_ITEM } }, [
			{ v: 'false' },
		]);
		expect(standIn.requests).toHaveLength(1);
	});
});

describe('IDs from expressions', () => {
	it.each([
		['an object', { id: 'x' }, 'User alias 1: Alias Name is an object'],
		['a list', ['x', 'y'], 'User alias 1: Alias Name is a list'],
		['"undefined"', 'undefined', 'User alias 1: Alias Name is the text "undefined"'],
	])('refuses Alias Name given as %s', async (_name, value, message) => {
		const error = await refused(
			{ ...emailSend, userAliases: { alias: [{ aliasName: FROM_ITEM, aliasLabel: 'crm_id' }] } },
			[{ v: value }],
		);
		expect(error.message).toContain(message);
	});

	it('refuses Alias Label given as an object', async () => {
		const error = await refused(
			{ ...emailSend, userAliases: { alias: [{ aliasName: 'a-1', aliasLabel: FROM_ITEM }] } },
			[{ v: { label: 'crm' } }],
		);
		expect(error.message).toContain('Alias Label is an object');
	});

	it('refuses a trigger recipient whose Alias Name is a list', async () => {
		const error = await refused(
			{
				resource: 'campaign',
				operation: 'trigger',
				campaignId: 'cmp-1',
				recipients: {
					recipient: [{ identifyBy: 'userAlias', aliasName: FROM_ITEM, aliasLabel: 'crm_id' }],
				},
			},
			[{ v: ['a', 'b'] }],
		);
		expect(error.message).toBe('Recipient 1: Alias Name is a list, not text');
	});

	it.each([
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['1e21', 1e21],
		['1.5', 1.5],
		['2^53 + 2', 2 ** 53 + 2],
		['"undefined"', 'undefined'],
		['"null"', 'null'],
	])('refuses %s in External User IDs, naming the entry', async (_name, value) => {
		const error = await refused({ ...emailSend, externalUserIds: FROM_ITEM }, [
			{ v: ['u1', value] },
		]);
		expect(error.message).toMatch(/^External User IDs: entry 2 is /);
	});

	it('refuses a number that is not an ID in a routed ID field (Segment ID)', async () => {
		const error = await refused(
			{
				...emailSend,
				broadcast: true,
				segmentId: { __rl: true, mode: 'id', value: FROM_ITEM },
			},
			[{ v: 1.5 }],
		);
		expect(error.message).toBe('Segment ID is the number 1.5, not a whole number');
	});

	it('sends safe integers as their decimal text', async () => {
		const result = await run({ ...emailSend, externalUserIds: FROM_ITEM }, [
			{ v: [42, 9007199254740991] },
		]);
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.external_user_ids).toEqual(['42', '9007199254740991']);
	});

	it('splits typed IDs at semicolons as at commas and new lines', async () => {
		const result = await run({ ...emailSend, externalUserIds: 'a; b;c,d\ne;;' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.external_user_ids).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('keeps a semicolon inside an entry of a list from an expression', async () => {
		const result = await run({ ...emailSend, externalUserIds: FROM_ITEM }, [{ v: ['a;b'] }]);
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.external_user_ids).toEqual(['a;b']);
	});
});

/** A broadcast email to users whose "plan" matches `pattern` (Audience in JSON mode). */
const regexAudience = (pattern: string) => ({
	...emailSend,
	broadcast: true,
	audienceMode: 'json',
	audienceJson: JSON.stringify({
		custom_attribute: {
			custom_attribute_name: 'plan',
			comparison: 'matches_regex',
			value: pattern,
		},
	}),
});

describe('silent slips', () => {
	it('refuses an email body of only spaces', async () => {
		const error = await refused({ ...emailSend, externalUserIds: 'u1', emailBody: '   ' });
		expect(error.message).toBe('Email: Body (HTML) is only spaces');
	});

	it('refuses a webhook URL that is not a URL, but lets Liquid through to Braze', async () => {
		const webhook = {
			resource: 'message',
			operation: 'send',
			externalUserIds: 'u1',
			channels: ['webhook'],
		};
		const error = await refused({ ...webhook, webhookUrl: 'example.com/hook' });
		expect(error.message).toBe('Webhook: URL is not a web address: "example.com/hook"');
		const liquid = await run({ ...webhook, webhookUrl: '{{custom_attribute.${hook}}}/path' });
		expect(liquid.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
	});

	it('refuses an audience regex that does not compile', async () => {
		const error = await refused(regexAudience('([a-z'));
		expect(error.message).toBe(
			'Audience filter: the value "([a-z" is not a valid regular expression',
		);
		expect(error.description).toMatch(/^Unterminated character class/);
	});

	it('accepts regex syntax other engines read (inline flags, possessive quantifiers)', async () => {
		const result = await run(regexAudience('(?i)^gold\\d++$'));
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
	});

	it.each([
		[
			'an offset of +99:00',
			`${new Date().getUTCFullYear() + 1}-06-01T09:00:00+99:00`,
			/must be a date and time/,
		],
		[
			'an offset of -13:00',
			`${new Date().getUTCFullYear() + 1}-06-01T09:00:00-13:00`,
			/must be a date and time/,
		],
		['the year 9999', '9999-12-31T00:00:00Z', /is more than 5 years ahead/],
	])('refuses a Send At with %s', async (_name, scheduleTime, message) => {
		const error = await refused({
			...emailSend,
			operation: 'schedule',
			externalUserIds: 'u1',
			scheduleTime,
		});
		expect(error.message).toMatch(/^Send At /);
		expect(error.message).toMatch(message);
	});

	it.each([['0x10'], ['0b1'], ['1e3'], ['1,000']])(
		'refuses %p in a number field',
		async (badge) => {
			const error = await refused(
				{
					resource: 'message',
					operation: 'send',
					externalUserIds: 'u1',
					channels: ['apple_push'],
					applePushAlert: 'Hi',
					applePushOptions: { badge: FROM_ITEM },
				},
				[{ v: badge }],
			);
			expect(error.message).toBe(
				`Apple Push Options › Badge must be a number, but it is "${badge}"`,
			);
		},
	);

	it('refuses a content card Expire At in the past', async () => {
		const error = await refused({
			resource: 'message',
			operation: 'send',
			externalUserIds: 'u1',
			channels: ['content_card'],
			contentCardTitle: 'T',
			contentCardDescription: 'D',
			contentCardExpiry: 'expireAt',
			contentCardExpireAt: new Date(Date.now() - 60_000).toISOString(),
		});
		expect(error.message).toMatch(/^Content Card: Expire At \(.+\) is in the past$/);
	});

	it('names the WhatsApp list section that Additional JSON left without list_rows', async () => {
		const error = await refused({
			resource: 'message',
			operation: 'send',
			externalUserIds: 'u1',
			channels: ['whats_app'],
			whatsAppAppId: 'app-1',
			whatsAppSubscriptionGroupId: 'wa-group',
			whatsAppMessageType: 'list_response_message',
			whatsAppBody: 'Pick one',
			whatsAppListButtonText: 'Slots',
			whatsAppOptions: {
				additionalJson: JSON.stringify({
					message: { list: { list_sections: [{ section_title: 'Morning' }] } },
				}),
			},
		});
		expect(error.message).toBe('WhatsApp: List Sections, section 1 has no list_rows');
	});

	it('refuses an audience nested 20,000 deep with a depth message, not a stack overflow', async () => {
		const filter = '{"push_subscription_status":{"comparison":"is","value":"opted_in"}}';
		const error = await refused({
			...emailSend,
			broadcast: true,
			audienceMode: 'json',
			audienceJson: `${'{"AND":['.repeat(20000)}${filter}${']}'.repeat(20000)}`,
		});
		expect(error.message).toBe('Audience is nested more than 100 levels deep');
	});
});

describe('4 MB per request', () => {
	it('names External User IDs when one ID makes the request too large', async () => {
		const error = await refused({ ...emailSend, externalUserIds: 'x'.repeat(5 * 1024 * 1024) });
		expect(error.message).toMatch(
			/^The request would be 5,24\d,\d{3} bytes; Braze accepts at most 4,194,304 bytes \(4 MB\) per request\. Its largest part is entry 1 of External User IDs/,
		);
		expect(error.description).toMatch(/External User IDs/);
	});

	it('sends a body just under 4 MB to 120 users as three requests that each fit', async () => {
		const ids = users(120, 'customer-with-a-longer-id-');
		const emailBody = `<p>${'x'.repeat(MB4 - 3000)}</p>`;
		const result = await run({ ...emailSend, externalUserIds: ids.join(','), emailBody });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([201, 201, 201]);
		for (const request of standIn.requests) {
			expect(Buffer.byteLength(request.rawBody)).toBeLessThanOrEqual(MB4);
		}
	});

	it('refuses when each request is over, with exact figures and the message field named', async () => {
		const emailBody = 'x'.repeat(MB4);
		const error = await refused({ ...emailSend, externalUserIds: users(60).join(','), emailBody });
		expect(error.message).toMatch(
			/^Request 1 of 2 would be 4,19\d,\d{3} bytes; .* Its largest part is the message field messages\.email\.body \(4,194,306 bytes\)$/,
		);
	});
});
