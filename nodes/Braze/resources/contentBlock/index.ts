import { resourceProperties } from '../resource';
import { modifiedFilters } from '../emailTemplate/modifiedFilter';
import { readOptions, writeOptions } from '../emailTemplate/requestOptions';
import { blockIdField } from './blockFields';
import { createBlockOperation, createBlockProperties } from './create';
import { getBlockOperation, getBlockProperties } from './get';
import { getManyBlocksOperation } from './getMany';
import { updateBlockOperation, updateBlockProperties } from './update';

/** The Content Block form: reusable content that messages include by Liquid tag. */
export const contentBlockProperties = resourceProperties(
	'contentBlock',
	[createBlockOperation, getBlockOperation, getManyBlocksOperation, updateBlockOperation],
	[
		modifiedFilters,
		blockIdField,
		...getBlockProperties,
		...createBlockProperties,
		...updateBlockProperties,
		readOptions,
		writeOptions,
	],
	'getMany',
);
