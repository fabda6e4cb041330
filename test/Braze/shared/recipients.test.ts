import { runBrazeNode } from '../../helpers/engine';
import { smsSend, smsWire } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function send(recipients: Record<string, unknown>, items?: Array<Record<string, unknown>>) {
	return await runBrazeNode({
		parameters: { ...smsSend, ...recipients } as never,
		items: items as never,
		credentials: standInCredentials(standIn),
	});
}

describe('Recipients', () => {
	it('splits text on commas and new lines, trims, drops empties and repeats', async () => {
		const result = await send({ externalUserIds: ' u1, u2\n\nu3 ,u1,, \r\nu2 ' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.external_user_ids).toEqual(['u1', 'u2', 'u3']);
	});

	it('takes a list from an expression', async () => {
		const result = await send({ externalUserIds: '={{ $json.ids }}' }, [
			{ ids: [' a ', 'b', '', 'a', 42] },
		]);
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body?.external_user_ids).toEqual(['a', 'b', '42']);
	});

	it('refuses a list of objects with a hint to map them', async () => {
		const result = await send({ externalUserIds: '={{ $json.users }}' }, [
			{ users: [{ id: 'a' }] },
		]);
		expect(result.error?.message).toBe('External User IDs contains an entry that is not an ID');
		expect(String(result.error?.description)).toMatch(/map a list of objects/);
		expect(standIn.requests).toHaveLength(0);
	});

	it('sends user aliases as name/label objects, without repeats', async () => {
		const result = await send({
			userAliases: {
				alias: [
					{ aliasName: 'crm-1', aliasLabel: 'crm_id' },
					{ aliasName: ' crm-2 ', aliasLabel: 'crm_id' },
					{ aliasName: 'crm-1', aliasLabel: 'crm_id' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			user_aliases: [
				{ alias_name: 'crm-1', alias_label: 'crm_id' },
				{ alias_name: 'crm-2', alias_label: 'crm_id' },
			],
			broadcast: false,
			messages: {
				sms: smsWire,
			},
		});
	});

	it('sends ids and aliases together', async () => {
		await send({
			externalUserIds: 'u1',
			userAliases: { alias: [{ aliasName: 'n', aliasLabel: 'l' }] },
		});
		expect(standIn.requests[0].body?.external_user_ids).toEqual(['u1']);
		expect(standIn.requests[0].body?.user_aliases).toEqual([{ alias_name: 'n', alias_label: 'l' }]);
	});

	it('sends named users within a segment (intersection) without broadcast', async () => {
		const result = await send({ externalUserIds: 'u1', segmentId: 'seg-1' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toMatchObject({
			external_user_ids: ['u1'],
			segment_id: 'seg-1',
			broadcast: false,
		});
	});

	it('broadcasts to a segment when Broadcast is on', async () => {
		const result = await send({ segmentId: 'seg-1', broadcast: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toMatchObject({ segment_id: 'seg-1', broadcast: true });
		expect(standIn.requests[0].body?.external_user_ids).toBeUndefined();
		expect(result.output[0].json.dispatch_id).toBeTruthy();
	});

	describe('combination rules (§2.1): a clear error and zero requests', () => {
		it.each([
			[{}, 'No recipients: nobody would receive this message', /External User IDs or User Aliases/],
			[
				{ externalUserIds: ' , \n ' },
				'No recipients: nobody would receive this message',
				/Segment ID with Broadcast on/,
			],
			[
				{ segmentId: 'seg-1' },
				'Broadcast must be on to message a whole segment',
				/Turn Broadcast on/,
			],
			[
				{ externalUserIds: 'u1', broadcast: true },
				'Broadcast is on, but users are named too',
				/Turn Broadcast off/,
			],
			[
				{
					userAliases: { alias: [{ aliasName: 'n', aliasLabel: 'l' }] },
					segmentId: 's',
					broadcast: true,
				},
				'Broadcast is on, but users are named too',
				/clear External User IDs and User Aliases/,
			],
			[
				{ userAliases: { alias: [{ aliasName: 'n', aliasLabel: '' }] } },
				'User alias 1 has no Alias Label',
				/both an Alias Name and an Alias Label/,
			],
			[
				{ userAliases: { alias: [{ aliasName: 'x'.repeat(237), aliasLabel: 'l' }] } },
				'User alias 1: Alias Name is longer than 236 bytes',
				/at most 236 bytes/,
			],
		])('%j', async (recipients, message, fix) => {
			const result = await send(recipients);
			expect(result.error?.message).toBe(message);
			expect(String(result.error?.description)).toMatch(fix);
			expect(standIn.requests).toHaveLength(0);
		});
	});
});
