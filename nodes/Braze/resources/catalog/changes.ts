import type { ChangeWords } from '../../transport/request/unclearAnswers';

/**
 * What each catalog change may have done after an unclear answer (a 5xx, a timeout, a lost
 * connection), and whether running it again is safe; the rule each operation declares with these
 * words is in its file, and docs/catalogs.md lists them.
 */

/** Said of the changes that come out the same when applied twice. */
const SAFE_AGAIN =
	'Running the item again is safe (Options › Retry Server Errors does so by itself): applied twice, it comes out the same.';

export const CATALOG_CHANGES = {
	catalogCreation: {
		change: 'the new catalog',
		outcome: 'the catalog may or may not have been created',
		next: 'Check the catalogs in Braze (or Catalog › Get Many) before running again: if it was created, Braze refuses a second one with the same name.',
	},
	catalogDeletion: {
		change: 'the catalog deletion',
		outcome: 'the catalog may or may not have been deleted',
		next: 'Running the item again is safe (Options › Retry Server Errors does so by itself); if the first try went through, Braze answers that there is no such catalog.',
	},
	fieldCreation: {
		change: 'the new fields',
		outcome: 'the fields may or may not have been added',
		next: SAFE_AGAIN,
	},
	fieldDeletion: {
		change: 'the field deletion',
		outcome: 'the field may or may not have been deleted',
		next: 'Running the item again is safe (Options › Retry Server Errors does so by itself); if the first try went through, Braze may answer that there is no such field.',
	},
	itemCreation: {
		change: 'the new catalog items',
		outcome: 'the items may or may not have been queued for creation',
		next: 'Check the items in Braze (Catalog Item › Get) before running again: Braze does not create an item ID twice, and says nothing when it skips one. Create or Replace is safe to run again.',
	},
	itemUpdate: {
		change: 'the catalog item update',
		outcome: 'the update may or may not have been queued',
		next: 'Setting the same values twice is harmless (Options › Retry Server Errors sends them again by itself), but an array $add would add its values twice: check the items in Braze first.',
	},
	itemReplacement: {
		change: 'the catalog items',
		outcome: 'the items may or may not have been queued for creation or replacement',
		next: SAFE_AGAIN,
	},
	itemDeletion: {
		change: 'the catalog item deletion',
		outcome: 'the items may or may not have been queued for deletion',
		next: SAFE_AGAIN,
	},
	read: {
		change: 'the catalog read',
		outcome: 'nothing was read',
		next: 'This request changes nothing in Braze: run it again.',
	},
} satisfies Record<string, ChangeWords>;
