import { resourceProperties } from '../resource';
import { campaignFields, campaignOperations } from './trigger';

export const campaignProperties = resourceProperties(
	'campaign',
	campaignOperations,
	campaignFields,
	'trigger',
);
