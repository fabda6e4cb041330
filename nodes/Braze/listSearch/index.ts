import { searchCampaigns } from './campaigns';
import { searchCanvases } from './canvases';
import { searchEmailTemplates } from './emailTemplates';
import { searchSegments } from './segments';

/** The node's searchable lists (methods.listSearch), one per Braze list endpoint. */
export const listSearch = { searchCampaigns, searchCanvases, searchEmailTemplates, searchSegments };
