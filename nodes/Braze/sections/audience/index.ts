// Connected Audience (reference §4): the form and JSON fields, the body builder and the checks.
export { audienceProperties } from './properties';
export { assertValidAudience, checkAudienceObject } from './validate';
export { buildAudienceFromForm } from './build';
