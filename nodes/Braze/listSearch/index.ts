import { searchCatalogs } from './catalogs';
import { searchContentBlocks, searchEmailTemplates } from './offsetLists';
import { searchApiCampaigns, searchCampaigns, searchCanvases, searchSegments } from './pagedLists';

/** The node's searchable lists (methods.listSearch), one per Braze list endpoint. */
export const listSearch = {
	searchApiCampaigns,
	searchCampaigns,
	searchCanvases,
	searchCatalogs,
	searchContentBlocks,
	searchEmailTemplates,
	searchSegments,
};
