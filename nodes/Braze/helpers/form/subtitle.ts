import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The Custom API Call entry n8n's loader adds to the Operation list (its CUSTOM_API_CALL_KEY). */
const CUSTOM_API_CALL = { value: '__CUSTOM_API_CALL__', name: 'Custom API Call' };

/**
 * The canvas subtitle, e.g. "Create or Update: User". n8n evaluates `subtitle` as an expression
 * on the node's parameters; the usual `$parameter["operation"] + ": " + $parameter["resource"]`
 * shows the raw values ("upsert: user"), so this expression looks the pair up in a map of the
 * names the form shows, built from each resource's Operation list (n8n's JWT node maps its
 * operations to names the same way). A pair the map lacks shows its raw values.
 */
export function readableSubtitle(resources: Record<string, [string, INodeProperties[]]>): string {
	const names: Record<string, string> = {};
	for (const [resource, [resourceName, form]] of Object.entries(resources)) {
		const selector = form.find((property) => property.name === 'operation');
		const options = [...((selector?.options ?? []) as INodePropertyOptions[]), CUSTOM_API_CALL];
		for (const option of options) {
			names[`${resource}:${String(option.value)}`] = `${option.name}: ${resourceName}`;
		}
	}
	const raw = '$parameter["operation"] + ": " + $parameter["resource"]';
	const pair = '$parameter["resource"] + ":" + $parameter["operation"]';
	return `={{ (${JSON.stringify(names)})[${pair}] || ${raw} }}`;
}
