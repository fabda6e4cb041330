import type { Authentication } from './auth';

// The Authentication parameter's values and the credential each one uses. Version 1 uses one
// credential, brazePostbackApi (User Name and Secret; named "Braze Postback Basic Auth API"
// now), for both ways. Version 2 gives the secret token its own credential, whose form asks only
// for the Secret; basic auth keeps the first one, which needs both fields. docs/trigger.md has
// the table.

/** The credential of basic auth (both versions) and of version 1's secret token. */
export const BASIC_AUTH_CREDENTIAL = 'brazePostbackApi';

/** The credential of version 2's secret token: only the Secret. */
export const TOKEN_CREDENTIAL = 'brazePostbackTokenApi';

export const AUTHENTICATION = {
	/** Version 1's Secret Token in URL (credential: BASIC_AUTH_CREDENTIAL). */
	tokenV1: 'urlToken',
	/** Version 2's Secret Token in URL (credential: TOKEN_CREDENTIAL). */
	token: 'queryToken',
	basicAuth: 'basicAuth',
	none: 'none',
} as const;

export interface AuthenticationSetup {
	/** How a request must carry the secret. */
	check: Authentication;
	/** The credential type that holds the secret (none for `none`). */
	credentialType?: string;
}

/** What the Authentication parameter's value means; an unknown value asks for the token. */
export function authenticationSetup(value: unknown): AuthenticationSetup {
	switch (value) {
		case AUTHENTICATION.none:
			return { check: 'none' };
		case AUTHENTICATION.basicAuth:
			return { check: 'basicAuth', credentialType: BASIC_AUTH_CREDENTIAL };
		case AUTHENTICATION.token:
			return { check: 'urlToken', credentialType: TOKEN_CREDENTIAL };
		default:
			return { check: 'urlToken', credentialType: BASIC_AUTH_CREDENTIAL };
	}
}
