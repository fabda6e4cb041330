import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { textField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { accepted } from '../../helpers/validation/userData';
import { describeValue } from '../../helpers/values/describe';
import { readNumber } from '../../helpers/values/number';
import { trackBatch } from './batching';
import { userIdentifier } from './fields/identity';
import { occurrence } from './fields/occurrence';
import {
	currencyCode,
	MAX_PURCHASE_PROPERTIES_BYTES,
	MAX_PURCHASE_QUANTITY,
	productId as checkedProductId,
	purchaseQuantity,
} from './fields/occurrenceRules';
import { updateExistingOnly } from './fields/updateExistingOnly';

const show = { show: { resource: ['user'], operation: ['trackPurchase'] } };

/**
 * User › Track Purchase: one purchase object per item, in shared /users/track requests.
 * https://www.braze.com/docs/api/objects_filters/purchase_object
 */
export const trackPurchaseProperties: INodeProperties[] = [
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'sku-1042',
		description:
			'The product (product_id), at most 255 characters, not starting with "$". A new ID adds a product in Braze.',
		displayOptions: show,
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'USD',
		required: true,
		description: 'ISO 4217 currency code of the price (currency), e.g. USD or EUR',
		displayOptions: show,
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		required: true,
		description:
			"Price of one unit, 0 or more, in the currency's main unit (dollars for USD, yen for JPY)",
		displayOptions: show,
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PURCHASE_QUANTITY },
		default: 1,
		description:
			'How many were bought, 1 to 100 (quantity); Braze counts them as that many purchases',
		displayOptions: show,
	},
];

export function buildPurchase(context: IExecuteSingleFunctions, body: IDataObject): void {
	const productId = textField(context, context.getNodeParameter('productId', ''), 'Product ID');
	if (!productId)
		throw invalidInput(context, 'Product ID is empty', 'Give the product ID, e.g. sku-1042.');
	accepted(context, 'Product ID ', checkedProductId(productId));
	const currency = accepted(
		context,
		'Currency: ',
		currencyCode(textField(context, context.getNodeParameter('currency', ''), 'Currency')),
	);
	const rawPrice = context.getNodeParameter('price', 0) as unknown;
	const price = readNumber(rawPrice);
	if (price === undefined) {
		throw invalidInput(
			context,
			`Price is ${describeValue(rawPrice)}, not a number`,
			'Give the price as a number, e.g. 19.99.',
		);
	}
	// Braze documents no refunds through /users/track: a negative price would lower the user's
	// revenue as a purchase, so it is refused.
	if (price < 0) {
		throw invalidInput(
			context,
			`Price is ${price}, below 0`,
			'Give the price of one unit as 0 or more; a refund is not a purchase (record it as a custom event instead).',
		);
	}
	const rawQuantity = context.getNodeParameter('quantity', 1) as unknown;
	const quantity = accepted(
		context,
		'Quantity: ',
		purchaseQuantity(readNumber(rawQuantity) ?? Number.NaN),
	);
	body.purchases = [
		{
			...userIdentifier(context),
			product_id: productId,
			currency,
			price,
			quantity,
			...occurrence(context, 'purchase', MAX_PURCHASE_PROPERTIES_BYTES),
			_update_existing_only: updateExistingOnly(context),
		},
	];
}

export const trackPurchaseOperation: OperationSpec = {
	name: 'Track Purchase',
	value: 'trackPurchase',
	action: 'Track a purchase',
	description:
		"Record a purchase (product, price, currency, quantity) on the user's profile (the Track Users endpoint, purchases). Use it when an order is paid, for revenue reporting and purchase-triggered campaigns in Braze. Items share requests of up to 75.",
	url: '/users/track',
	permission: 'users.track',
	prepare: [buildPurchase],
	onUnclearAnswer: report(CHANGES.purchase),
	perUserWrite: true,
	batch: trackBatch('purchases'),
};
