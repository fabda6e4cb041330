import { resourceProperties } from '../resource';
import { createTemplateOperation, createTemplateProperties } from './create';
import { getTemplateOperation } from './get';
import { getManyTemplatesOperation } from './getMany';
import { modifiedFilters } from './modifiedFilter';
import { readOptions, writeOptions } from './requestOptions';
import { templateIdField } from './templateFields';
import { updateTemplateOperation, updateTemplateProperties } from './update';

/** The Email Template form: the workspace's email templates (HTML editor), read and written. */
export const emailTemplateProperties = resourceProperties(
	'emailTemplate',
	[
		createTemplateOperation,
		getTemplateOperation,
		getManyTemplatesOperation,
		updateTemplateOperation,
	],
	[
		modifiedFilters,
		templateIdField,
		...createTemplateProperties,
		...updateTemplateProperties,
		readOptions,
		writeOptions,
	],
	'getMany',
);
