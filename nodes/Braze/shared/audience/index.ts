// Connected Audience: the form and JSON fields, the body builder and the checks.
// https://www.braze.com/docs/api/objects_filters/connected_audience
export {
	AUDIENCE_INPUT_OPTIONS,
	audienceModeFields,
	audienceModeProperty,
	audienceProperties,
} from './properties';
export { assertValidAudience, checkAudienceObject } from './validate';
export { addAudience, buildAudienceFromForm } from './build';
