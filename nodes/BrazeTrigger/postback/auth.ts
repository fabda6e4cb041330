import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import { isPlainObject } from '../../Braze/helpers/values/object';

// Braze's postback setup is a URL field and nothing else: no shared secret, signature or header
// is documented (https://www.braze.com/docs/user_guide/message_building_by_channel/email/transactional_message_api_campaign/tracking_transactional_emails).
// So the secret rides in the URL the user pastes into Braze.

export type Authentication = 'urlToken' | 'basicAuth' | 'none';

/** The query parameter that carries the secret with Authentication › Secret Token in URL. */
export const TOKEN_PARAMETER = 'token';

export const MIN_SECRET_LENGTH = 24;

/** Characters that stand in a URL (query or userinfo) without percent-encoding. */
const URL_SAFE = /^[A-Za-z0-9._~-]+$/;

/** The request's headers as n8n gives them (Node's IncomingHttpHeaders, lower-case names). */
type RequestHeaders = ReturnType<IWebhookFunctions['getHeaderData']>;

/** A refusal: the status, the answer's body and headers. Never holds the secret. */
export interface Refusal {
	status: number;
	message: string;
	headers?: Record<string, string>;
}

/** Why a secret cannot protect the webhook (a sentence), or undefined. */
export function secretProblem(secret: unknown): string | undefined {
	if (typeof secret !== 'string' || secret === '') return 'its Secret is empty';
	if (secret.length < MIN_SECRET_LENGTH) {
		return `its Secret has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} random ones`;
	}
	if (!URL_SAFE.test(secret)) {
		return 'its Secret contains characters a URL would have to encode; use only letters, digits, "-", "_", "." and "~"';
	}
	return undefined;
}

/** Why the credential cannot protect the webhook (a sentence), or undefined. */
export function credentialProblem(
	credentials: ICredentialDataDecryptedObject,
	authentication: Authentication,
): string | undefined {
	const problem = secretProblem(credentials.secret);
	if (problem) return problem;
	if (authentication === 'basicAuth') {
		const user = credentials.user;
		if (typeof user !== 'string' || !URL_SAFE.test(user)) {
			return 'its User Name is empty or contains characters other than letters, digits, "-", "_", "." and "~"';
		}
	}
	return undefined;
}

/**
 * A new random secret for the credential's test to suggest: 32 random bytes in base64url, 43
 * characters that stand in a URL as they are. Made on each call and kept nowhere.
 */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

/** Compares in time independent of where the texts differ, and of their lengths. */
function sameText(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** The refusal of a request that does not carry the credential's secret, or undefined. */
export function refuseRequest(
	authentication: Exclude<Authentication, 'none'>,
	credentials: ICredentialDataDecryptedObject,
	query: object,
	headers: RequestHeaders,
): Refusal | undefined {
	const secret = String(credentials.secret);
	if (authentication === 'urlToken') {
		const token = isPlainObject(query) ? query[TOKEN_PARAMETER] : undefined;
		if (token === undefined || token === '') {
			return {
				status: 401,
				message: `Unauthorized: this Braze Trigger URL needs its secret as ?${TOKEN_PARAMETER}=… at the end.`,
			};
		}
		if (typeof token !== 'string' || !sameText(token, secret)) {
			return { status: 403, message: 'Forbidden: the secret token is wrong.' };
		}
		return undefined;
	}
	const challenge = { 'WWW-Authenticate': 'Basic realm="Braze Trigger", charset="UTF-8"' };
	const given = basicCredentials(headers.authorization);
	if (!given) {
		return {
			status: 401,
			message:
				'Unauthorized: this Braze Trigger URL needs HTTP basic authentication (https://user:secret@host/…).',
			headers: challenge,
		};
	}
	// Both compared every time, so the answer's timing does not tell which one was wrong.
	const userMatches = sameText(given.user, String(credentials.user));
	const secretMatches = sameText(given.password, secret);
	if (!(userMatches && secretMatches)) {
		return { status: 403, message: 'Forbidden: the user name or secret is wrong.' };
	}
	return undefined;
}

/** The user and password of an `Authorization: Basic …` header, or undefined. */
function basicCredentials(header: unknown): { user: string; password: string } | undefined {
	if (typeof header !== 'string') return undefined;
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
