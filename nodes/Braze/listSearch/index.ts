import { searchEmailTemplates } from './emailTemplates';
import { searchCampaigns, searchCanvases, searchSegments } from './pagedLists';

/** The node's searchable lists (methods.listSearch), one per Braze list endpoint. */
export const listSearch = { searchCampaigns, searchCanvases, searchEmailTemplates, searchSegments };
