import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Version 2 of the node moved three advanced fields from the top of the form into Options:
 * Update Existing Only, Nested Custom Attributes (JSON) and Merge Nested Objects
 * (docs/versions.md). Version 1 keeps them at the top (ONLY_VERSION_1), version 2 shows them in
 * Options (FROM_VERSION_2). n8n drops the parameters a node's version does not show when it
 * loads a workflow, so each reader asks here where its field is, and under which name an error
 * names it: the place the node's own form shows.
 */
export interface FieldPlace {
	/** The parameter path to read, e.g. 'options.mergeObjects'. */
	path: string;
	/** The field as the form shows it, e.g. 'Options › Merge Nested Objects'. */
	label: string;
}

/** Where a field that version 2 moved into Options is, for this node's version. */
export function movedToOptions(
	context: IExecuteSingleFunctions,
	name: string,
	displayName: string,
): FieldPlace {
	return context.getNode().typeVersion >= 2
		? { path: `options.${name}`, label: `Options › ${displayName}` }
		: { path: name, label: displayName };
}
