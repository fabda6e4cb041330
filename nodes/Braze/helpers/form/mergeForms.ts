import type { INodeProperties } from 'n8n-workflow';

/**
 * Puts the resources' forms (each a list of fields in the order its operations show them) into
 * the node's one list of properties. A field several forms share is the same object in each of
 * them and is placed once; a form's own fields go just before the next shared field they precede
 * in that form (or at the end). n8n shows a node's fields in list order, filtered by their
 * displayOptions, so every operation's form comes out as written.
 *
 * Why share: n8n's routing walks every top-level definition twice per item and evaluates the
 * value of each one, so a field copied once per operation costs that many times more per item.
 */
export function mergeForms(forms: INodeProperties[][]): INodeProperties[] {
	const merged: INodeProperties[] = [];
	for (const form of forms) {
		let pending: INodeProperties[] = [];
		let previous = -1;
		for (const property of form) {
			const at = merged.indexOf(property);
			if (at === -1) {
				pending.push(property);
				continue;
			}
			if (at <= previous) {
				throw new Error(`The forms order the shared field "${property.name}" differently`);
			}
			merged.splice(at, 0, ...pending);
			previous = at + pending.length;
			pending = [];
		}
		merged.push(...pending);
	}
	return merged;
}
