import type { INodeProperties } from 'n8n-workflow';

type Locator = Pick<INodeProperties, 'type' | 'default' | 'modes'>;

/**
 * A Braze ID field as a resource locator: From List (searchListMethod) or By ID. Routing
 * extracts the chosen ID before `routing.send`, so the wire body carries the plain ID string.
 */
export function brazeIdLocator(searchListMethod: string, example: string): Locator {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
			},
		],
	};
}
