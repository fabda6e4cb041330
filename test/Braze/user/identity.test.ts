import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function run(operation: string, parameters: IDataObject, items: IDataObject[] = [{}]) {
	return await runBrazeNode({
		parameters: { resource: 'user', operation, ...parameters } as never,
		items,
		credentials: standInCredentials(standIn),
		onError: 'continueErrorOutput',
	});
}
const leads = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ lead: `lead-${index}`, id: `crm-${index}` }));

describe('User › Add Alias and Identify', () => {
	it('Add Alias creates alias-only profiles, 50 per request; Identify then merges them into external IDs', async () => {
		const items = leads(60);
		const added = await run(
			'addAlias',
			{ newAliasName: '={{ $json.lead }}', newAliasLabel: 'crm' },
			items,
		);
		expect(added.errorOutput).toHaveLength(0);
		expect(standIn.requests.map((request) => request.path)).toEqual([
			'/users/alias/new',
			'/users/alias/new',
		]);
		expect((standIn.requests[0].body?.user_aliases as IDataObject[])[0]).toEqual({
			alias_name: 'lead-0',
			alias_label: 'crm',
		});
		expect(
			standIn.requests.map((request) => (request.body?.user_aliases as unknown[]).length),
		).toEqual([50, 10]);
		expect(standIn.profiles.has('alias:crm:lead-59')).toBe(true);

		const identified = await run(
			'identify',
			{
				identifyExternalId: '={{ $json.id }}',
				newAliasName: '={{ $json.lead }}',
				newAliasLabel: 'crm',
			},
			items,
		);
		expect(identified.errorOutput).toHaveLength(0);
		const identifyRequests = standIn.requests.filter(
			(request) => request.path === '/users/identify',
		);
		expect(identifyRequests).toHaveLength(2);
		expect((identifyRequests[0].body?.aliases_to_identify as IDataObject[])[0]).toEqual({
			external_id: 'crm-0',
			user_alias: { alias_name: 'lead-0', alias_label: 'crm' },
		});
		expect(standIn.profiles.has('external:crm-59')).toBe(true);
		expect(identified.output[0].json).toEqual({
			message: 'success',
			external_id: 'crm-0',
			processed: true,
			request: { number: 1, of: 2, items: 50, aliases_processed: 50 },
		});
	});

	it('Add Alias with an external ID puts it beside the alias (no user_alias wrapper)', async () => {
		await run('addAlias', { newAliasName: 'n', newAliasLabel: 'l', aliasExternalId: 'crm-1' });
		expect(standIn.requests[0].body).toEqual({
			user_aliases: [{ external_id: 'crm-1', alias_name: 'n', alias_label: 'l' }],
		});
	});
});

describe('User › Delete', () => {
	it('refuses to delete while Confirm Deletion is off: nothing is sent', async () => {
		const result = await run('delete', { externalId: 'crm-1' });
		expect(result.errorOutput[0].json.error).toBe(
			'Confirm Deletion is off, so nothing was deleted',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it('deletes by external ID, 50 per request', async () => {
		const result = await run(
			'delete',
			{ confirmDelete: true, externalId: '={{ $json.id }}' },
			leads(51),
		);
		expect(result.errorOutput).toHaveLength(0);
		expect(
			standIn.requests.map((request) => (request.body?.external_ids as unknown[]).length),
		).toEqual([50, 1]);
		expect(standIn.requests[1].body).toEqual({ external_ids: ['crm-50'] });
	});

	it('by email: with prioritization; by alias: user_aliases', async () => {
		await run('delete', { confirmDelete: true, identifyBy: 'email', email: 'a@example.com' });
		await run('delete', {
			confirmDelete: true,
			identifyBy: 'userAlias',
			aliasName: 'n',
			aliasLabel: 'l',
		});
		expect(standIn.requests.map((request) => request.body)).toEqual([
			{
				email_addresses: [
					{ email: 'a@example.com', prioritization: ['identified', 'most_recently_updated'] },
				],
			},
			{ user_aliases: [{ alias_name: 'n', alias_label: 'l' }] },
		]);
	});
});
