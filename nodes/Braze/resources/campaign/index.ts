import { resourceProperties } from '../resource';
import { triggerOperation, triggerProperties } from './trigger';

export const campaignProperties = resourceProperties(
	'campaign',
	[triggerOperation],
	triggerProperties,
	'trigger',
);
