import type { INodeProperties } from 'n8n-workflow';

/** "Update Existing Only" (_update_existing_only) for one User operation. */
export function updateExistingOnlyProperty(operation: string): INodeProperties {
	return {
		displayName: 'Update Existing Only',
		name: 'updateExistingOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to change only profiles that already exist (_update_existing_only). Off creates a missing profile, also an alias-only one for a User Alias.',
		displayOptions: { show: { resource: ['user'], operation: [operation] } },
	};
}
