import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { statusHandling } from './statusExceptions';

/** Braze's documented REST endpoints, one per instance (https://www.braze.com/docs/api/basics/#endpoints). */
const BRAZE_INSTANCES = [
	['US-01', 'https://rest.iad-01.braze.com'],
	['US-02', 'https://rest.iad-02.braze.com'],
	['US-03', 'https://rest.iad-03.braze.com'],
	['US-04', 'https://rest.iad-04.braze.com'],
	['US-05', 'https://rest.iad-05.braze.com'],
	['US-06', 'https://rest.iad-06.braze.com'],
	['US-07', 'https://rest.iad-07.braze.com'],
	['US-08', 'https://rest.iad-08.braze.com'],
	['US-10', 'https://rest.us-10.braze.com'],
	['EU-01', 'https://rest.fra-01.braze.eu'],
	['EU-02', 'https://rest.fra-02.braze.eu'],
	['AU-01', 'https://rest.au-01.braze.com'],
	['ID-01', 'https://rest.id-01.braze.com'],
	['JP-01', 'https://rest.jp-01.braze.com'],
	['KR-01', 'https://rest.kr-01.braze.com'],
];

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** The credential test's base URL, as an expression over the credential fields. */
export const BRAZE_BASE_URL_EXPRESSION =
	'={{ ($credentials.instance === "custom" ? String($credentials.customUrl || "") : $credentials.instance).trim().replace(/\\/+$/, "") }}';

/** The key cannot go to this URL; the node reports the message as is. */
export class InsecureBrazeUrlError extends Error {
	name = 'InsecureBrazeUrlError';
}

/** The REST base URL the credential points at, without a trailing slash. */
export function brazeBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const url = credentials.instance === 'custom' ? credentials.customUrl : credentials.instance;
	return String(url ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/**
 * Refuses any URL that would carry the key in clear text, or that would not be called the way it
 * reads. Plain http is only accepted on loopback, so a local Braze stand-in can be used for
 * testing. A query or fragment would end up in front of the endpoint path (`/?x=1/messages/send`),
 * and userinfo (`https://user@host`) would make the HTTP client replace the Bearer key with Basic
 * authentication.
 */
export function assertSecureBrazeUrl(url: string): void {
	const typed = url.trim();
	let parsed: URL;
	try {
		parsed = new URL(typed);
	} catch {
		throw new InsecureBrazeUrlError(
			`The Braze URL "${typed}" is not a valid URL. Pick your instance in the credential, or enter a full Custom URL such as https://rest.iad-01.braze.com.`,
		);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new InsecureBrazeUrlError(
			`The Braze URL "${typed}" is refused: only https:// URLs can reach Braze. Change the credential's Custom URL to https://…`,
		);
	}
	if (parsed.username !== '' || parsed.password !== '') {
		throw new InsecureBrazeUrlError(
			`The Braze URL "${typed}" is refused: it contains a user name or password before the host, which would replace the API key. Remove the part before "@" from the credential's Custom URL.`,
		);
	}
	if (parsed.search !== '' || typed.includes('?')) {
		throw new InsecureBrazeUrlError(
			`The Braze URL "${typed}" is refused: it contains a query ("?…"), which would end up in front of the endpoint path. Remove everything from "?" on in the credential's Custom URL.`,
		);
	}
	if (parsed.hash !== '' || typed.includes('#')) {
		throw new InsecureBrazeUrlError(
			`The Braze URL "${typed}" is refused: it contains a fragment ("#…"), which would cut off the endpoint path. Remove everything from "#" on in the credential's Custom URL.`,
		);
	}
	if (parsed.protocol === 'https:') return;
	if (LOOPBACK_HOSTS.includes(parsed.hostname)) return;
	throw new InsecureBrazeUrlError(
		`The Braze URL "${typed}" is refused: it must start with https:// so that the API key never travels in clear text (plain http is only allowed for 127.0.0.1, localhost or [::1]). Change the credential's Custom URL to https://…`,
	);
}

/** A scheme (`https:`) or a protocol-relative start (`//host`): a URL that names its own host. */
const NAMES_ITS_HOST = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Refuses a request that would not go to the credential's own host. The Braze node sends a path
 * (`/messages/send`) that goes after the credential's URL; n8n's HTTP Request node sends an
 * absolute URL, which is accepted only on the same scheme, host and port.
 */
function assertOnBrazeHost(target: string, brazeUrl: string): void {
	const braze = new URL(brazeUrl);
	let url: URL | undefined;
	try {
		url = new URL(target, `${brazeUrl}/`);
	} catch {
		url = undefined;
	}
	const absolute = NAMES_ITS_HOST.test(target);
	if (url && url.origin === braze.origin && !(absolute && (url.username || url.password))) return;
	const fix = absolute
		? `Use a URL that starts with ${braze.origin}/ (with no user name before the host), or pick the Braze API credential of the instance you want to call.`
		: 'Give a path such as /users/track.';
	throw new InsecureBrazeUrlError(
		`The URL "${target}" is refused: this Braze API credential sends its key only to ${braze.origin}, its Instance or Custom URL. ${fix}`,
	);
}

/**
 * The fields of the older request shape that n8n's HTTP Request node passes to `authenticate`:
 * its URL as `uri`, and its own redirect switches.
 */
interface LegacyRequestFields {
	uri?: string;
	followRedirect?: boolean;
	followAllRedirects?: boolean;
}

/**
 * A request with no path would call the instance's bare URL. The Braze node makes one only when its
 * Resource or Operation is n8n's "Custom API Call" entry, which has no endpoint of its own.
 */
const NO_ENDPOINT =
	'The request names no Braze endpoint, so nothing was sent. In the Braze node this happens when Resource or Operation is "Custom API Call": make that call with an HTTP Request node instead (Authentication › Predefined Credential Type › Braze API), which adds this credential\'s key for you.';

/**
 * Attaches the key, after checking where the request goes. Redirects are turned off in both
 * request shapes n8n has: `disableFollowRedirect` (the Braze node's requests) and
 * `followRedirect`/`followAllRedirects` (the HTTP Request node's, which n8n passes on as `uri`).
 * A redirect would carry the key (and a second copy of a message) to wherever the Location header
 * points; Braze never redirects its REST API, so a 3xx is an error. The status handling is set
 * to what the running n8n honours (`statusHandling`, for the credential test on n8n 1.x).
 */
export async function authenticateBrazeRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const options = requestOptions as IHttpRequestOptions & LegacyRequestFields;
	const brazeUrl = brazeBaseUrl(credentials);
	assertSecureBrazeUrl(brazeUrl);
	const baseURL = options.baseURL || brazeUrl;
	assertOnBrazeHost(baseURL, brazeUrl);
	const target = String(options.url ?? options.uri ?? '').trim();
	if (target === '') throw new InsecureBrazeUrlError(NO_ENDPOINT);
	assertOnBrazeHost(target, baseURL);
	const authenticated: IHttpRequestOptions & LegacyRequestFields = {
		...options,
		...(NAMES_ITS_HOST.test(target) ? {} : { baseURL }),
		disableFollowRedirect: true,
		followRedirect: false,
		followAllRedirects: false,
		sendCredentialsOnCrossOriginRedirect: false,
		...('ignoreHttpStatusErrors' in options
			? { ignoreHttpStatusErrors: statusHandling(options.ignoreHttpStatusErrors) }
			: {}),
		headers: {
			...options.headers,
			Authorization: `Bearer ${String(credentials.apiKey ?? '')}`,
		},
	};
	return authenticated;
}

/**
 * Every status the credential test treats as a failure: all but Braze's 400, which is how Braze
 * refuses the test's empty send once the key and its permission have passed.
 */
const TEST_FAILURE_STATUSES = Array.from({ length: 500 }, (_, i) => i + 100).filter(
	(status) => status !== 400,
);

const REDIRECT_STATUSES = [300, 301, 302, 303, 304, 305, 307, 308];

export class BrazeApi implements ICredentialType {
	name = 'brazeApi';

	displayName = 'Braze API';

	icon: Icon = {
		light: 'file:../nodes/Braze/braze.svg',
		dark: 'file:../nodes/Braze/braze.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-braze-messaging/n8n-nodes-braze-messaging/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'REST API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Braze REST API key (Settings › APIs and Identifiers › API Keys). To send messages it needs the messages.send permission.',
		},
		{
			displayName: 'Instance',
			name: 'instance',
			type: 'options',
			default: 'https://rest.iad-01.braze.com',
			description:
				'The Braze instance of your workspace. Your dashboard URL tells it: dashboard-01.braze.com is US-01, dashboard-01.braze.eu is EU-01.',
			options: [
				...BRAZE_INSTANCES.map(([instance, url]) => ({
					name: `${instance} (${url.replace('https://', '')})`,
					value: url,
				})),
				{ name: 'Custom URL', value: 'custom' },
			],
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'https://rest.iad-01.braze.com',
			required: true,
			description:
				'The REST endpoint to call. It must use https://; plain http:// is accepted only for 127.0.0.1, localhost or [::1] (a local test server).',
			displayOptions: { show: { instance: ['custom'] } },
		},
	];

	// A function rather than a generic header block, so that the URL is checked before the key
	// is attached: an insecure URL or another host never receives the Authorization header. The
	// node's requests get their base URL here too, which spares n8n an expression per item.
	// A property, not a method: n8n's loader copies each credential type of a community package
	// with `{ ...credential }` (n8n 2.41, load-nodes-and-credentials.js, postProcessLoaders), which
	// keeps own properties only. With a method, n8n saw no `authenticate`: the HTTP Request node
	// did not offer this credential, and the Braze node got no Custom API Call entry.
	authenticate = authenticateBrazeRequest;

	// How n8n's HTTP Request node presents this credential. n8n 2.41 offers the credential there
	// because of `authenticate`; it would add a preset "Braze" HTTP Request node to the nodes panel,
	// but hides it because the package's Braze node uses the credential (n8n-core,
	// package-directory-loader.js, inferSupportedNodes). n8n's workflow builder reads the
	// placeholder's host to match Braze URLs to this credential. The base URL depends on the
	// Instance, so it is a placeholder, not a fixed base URL.
	httpRequestNode = {
		name: 'Braze',
		docsUrl: 'https://www.braze.com/docs/api/basics/',
		apiBaseUrlPlaceholder: 'https://rest.iad-01.braze.com/campaigns/list',
	};

	// POST /messages/send with no recipients and no message: Braze checks the key and its
	// messages.send permission first (401/403), then refuses the empty request with a 400.
	// So the test can never deliver anything, and a 400 means the key is good. Only the 400 is
	// let through (`except`: every other status fails and its rule names it). An n8n whose HTTP
	// layer cannot let one status through (1.x, 2.0 to 2.8; statusExceptions.ts) gets plain error
	// handling instead: there the 400 fails too, and its rule says that the key works.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BRAZE_BASE_URL_EXPRESSION,
			url: '/messages/send',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			json: true,
			body: { external_user_ids: [] },
			timeout: 30_000,
			ignoreHttpStatusErrors: { ignore: true, except: TEST_FAILURE_STATUSES },
		},
		rules: [
			...REDIRECT_STATUSES.map((status) => ({
				type: 'responseCode' as const,
				properties: {
					value: status,
					message: `The URL answered with a redirect (${status}), which Braze's REST API never does, so the key was not sent on. Check the Instance or Custom URL: it must be your instance's REST endpoint, such as https://rest.iad-01.braze.com.`,
				},
			})),
			...[200, 201, 202, 204].map((status) => ({
				type: 'responseCode' as const,
				properties: {
					value: status,
					message: `The URL answered ${status}, but Braze answers this test with 400: something other than Braze's REST API (a login page or proxy, for example) is at this address. Check the Instance or Custom URL.`,
				},
			})),
			...[500, 502, 503, 504].map((status) => ({
				type: 'responseCode' as const,
				properties: {
					value: status,
					message: `Braze answered with a server error (${status}), so the key could not be checked. Try again later.`,
				},
			})),
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message:
						'Braze rate limit reached (429), so the key could not be checked. Try again after the limit resets.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Braze rejected the API key (401). Check the key, and check that the Instance matches your dashboard URL: a key only works on its own instance.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The API key is valid but lacks the messages.send permission (403): it cannot send messages. This test checks messages.send only. For sending, create a key with messages.send under Settings › APIs and Identifiers. A key made only for the User and Subscription Group operations (users.track, users.identify, users.alias.new, users.delete, subscription.status.set) fails this test but works for them: save the credential anyway.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						"The API key works: Braze accepted the key and its messages.send permission, and refused only this test's empty message (400), so nothing was sent. This n8n version cannot mark the test as passed: save the credential and use it.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Braze REST API answered at this URL (404). Check the Instance or Custom URL.',
				},
			},
		],
	};
}
