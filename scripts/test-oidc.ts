/**
 * A real OpenID provider (`oidc-provider`, certified) for tests and the bench, on loopback in the
 * calling process: one confidential test client, a handful of test people, a minimal login page
 * (name and password; the person's `amr`/`acr` say how strongly they signed in) and real ID tokens
 * signed with the provider's own RSA key. For the refusal tests the token endpoint can be told to
 * hand out a bad ID token — signed with another key, expired, for another audience, or with
 * another nonce — which Mamori must refuse through openid-client's real validation.
 *
 * Run by hand: `node scripts/test-oidc.ts` prints the issuer and keeps it up until Ctrl-C.
 *
 * @example
 * const op = await startTestOidc({ redirectUri }); try { ... op.issuer ... } finally { await op.stop(); }
 */
import { createHash, generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const OIDC_CLIENT_ID = "mamori-test";
export const OIDC_CLIENT_SECRET = "client-secret-not-for-production-0123456789";
/** Every test person's password is their login name followed by this. */
export const OIDC_PASSWORD_SUFFIX = "-Oidc-1234";

export interface OidcPerson {
	login: string;
	name: string;
	email: string;
	employeeNumber: string;
	groups: string[];
	/** How the provider says the person signed in (`amr`); default ["pwd"]. */
	amr?: string[];
	acr?: string;
}

/** The test people: employee numbers match the LDAP test directory's (E1001…). */
export const OIDC_PEOPLE: OidcPerson[] = [
	{
		login: "tanaka",
		name: "田中 花子",
		email: "tanaka@mamori-test.jp",
		employeeNumber: "E1001",
		groups: ["mamori-ciso"],
	},
	{
		login: "suzuki",
		name: "鈴木 一郎",
		email: "suzuki@mamori-test.jp",
		employeeNumber: "E1002",
		groups: ["shimin-staff"],
	},
	{
		login: "takahashi",
		name: "高橋 健",
		email: "takahashi@mamori-test.jp",
		employeeNumber: "E1004",
		groups: ["mamori-ciso"],
		amr: ["pwd", "otp"],
	},
	{
		login: "ito",
		name: "伊藤 真",
		email: "ito@mamori-test.jp",
		employeeNumber: "E1005",
		groups: ["mamori-ciso"],
		acr: "urn:mamori-test:mfa",
	},
];

/** What the token endpoint does to the ID token it hands out (null: nothing). */
export type Tampering = "foreign_key" | "expired" | "wrong_audience" | "other_nonce" | null;

export interface TestOidc {
	issuer: string;
	/** Make the next token responses carry a bad ID token (until set back to null). */
	tamper(mode: Tampering): void;
	/** Walk the provider's own pages as a browser would; returns the redirect back to Mamori. */
	signIn(authorizationUrl: string, login: string, password?: string): Promise<URL>;
	stop(): Promise<void>;
}

function base64url(data: Buffer | string): string {
	return Buffer.from(data).toString("base64url");
}

function signJwt(header: object, payload: object, key: KeyObject): string {
	const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
	return `${input}.${base64url(sign("sha256", Buffer.from(input), key))}`;
}

/** Re-sign an ID token's (changed) claims, with the provider's key or a stranger's. */
function tamperIdToken(idToken: string, mode: Exclude<Tampering, null>, keys: Keys): string {
	const [headerPart, payloadPart] = idToken.split(".");
	const header = JSON.parse(Buffer.from(headerPart ?? "", "base64url").toString());
	const payload = JSON.parse(Buffer.from(payloadPart ?? "", "base64url").toString());
	const now = Math.floor(Date.now() / 1000);
	if (mode === "expired") Object.assign(payload, { iat: now - 7200, exp: now - 3600 });
	if (mode === "wrong_audience") payload.aud = "someone-else";
	if (mode === "other_nonce") payload.nonce = "not-the-nonce-mamori-sent";
	// Same `kid`, different key: the signature must not verify against the published JWKS.
	return signJwt(header, payload, mode === "foreign_key" ? keys.stranger : keys.own);
}

interface Keys {
	own: KeyObject;
	stranger: KeyObject;
	kid: string;
}

function loginPage(uid: string, failed: boolean): string {
	return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Test IdP</title></head>
<body><main><h1>Test IdP sign-in</h1>${failed ? '<p role="alert">Wrong name or password</p>' : ""}
<form method="post" action="/interaction/${uid}">
<label>Login <input name="login" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in at the IdP</button></form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return new URLSearchParams(Buffer.concat(chunks).toString());
}

/** Start a provider on 127.0.0.1 (a free port) whose client may return to `redirectUris`. */
export async function startTestOidc(options: {
	redirectUris: string[];
	people?: OidcPerson[];
}): Promise<TestOidc> {
	const people = options.people ?? OIDC_PEOPLE;
	const own = generateKeyPairSync("rsa", { modulusLength: 2048 });
	const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
	const keys: Keys = { own: own.privateKey, stranger: stranger.privateKey, kid: randomUUID() };
	let tampering: Tampering = null;

	let provider: Provider | null = null;
	const server = createServer((req, res) => {
		if (!provider) {
			res.statusCode = 503;
			res.end();
			return;
		}
		void handle(provider, req, res).catch((error) => {
			res.statusCode = 500;
			res.end(String(error));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	// A test process ends when its tests do, whether or not someone stopped the provider.
	server.unref();
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const findPerson = (login: string) => people.find((p) => p.login === login);
	provider = new Provider(issuer, {
		clients: [
			{
				client_id: OIDC_CLIENT_ID,
				client_secret: OIDC_CLIENT_SECRET,
				redirect_uris: options.redirectUris,
				grant_types: ["authorization_code"],
				response_types: ["code"],
				token_endpoint_auth_method: "client_secret_basic",
			},
		],
		jwks: {
			keys: [
				{ ...own.privateKey.export({ format: "jwk" }), kid: keys.kid, alg: "RS256", use: "sig" },
			],
		},
		cookies: { keys: [createHash("sha256").update(issuer).digest("hex")] },
		features: { devInteractions: { enabled: false } },
		ttl: {
			Session: 600,
			Interaction: 600,
			Grant: 600,
			AccessToken: 600,
			IdToken: 600,
			AuthorizationCode: 60,
		},
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		pkce: { required: () => true },
		claims: {
			openid: ["sub", "acr", "amr", "auth_time"],
			profile: ["name", "employee_number", "groups"],
			email: ["email"],
		},
		conformIdTokenClaims: false,
		acrValues: ["urn:mamori-test:mfa"],
		async findAccount(_ctx, sub) {
			const person = findPerson(sub);
			if (!person) return undefined;
			return {
				accountId: sub,
				claims: () => ({
					sub,
					name: person.name,
					email: person.email,
					employee_number: person.employeeNumber,
					groups: person.groups,
				}),
			};
		},
	});
	provider.use(async (ctx, next) => {
		await next();
		const body = ctx.body as { id_token?: string } | undefined;
		if (ctx.path === "/token" && tampering && body?.id_token) {
			ctx.body = { ...body, id_token: tamperIdToken(body.id_token, tampering, keys) };
		}
	});

	async function handle(op: Provider, req: IncomingMessage, res: ServerResponse) {
		const path = new URL(req.url ?? "/", issuer).pathname;
		const match = /^\/interaction\/([\w-]+)$/.exec(path);
		if (!match) return op.callback()(req, res);
		const details = await op.interactionDetails(req, res);
		if (req.method !== "POST") {
			res.setHeader("content-type", "text/html; charset=utf-8");
			res.end(loginPage(details.uid, false));
			return;
		}
		const form = await formBody(req);
		const person = findPerson(form.get("login") ?? "");
		if (!person || form.get("password") !== `${person.login}${OIDC_PASSWORD_SUFFIX}`) {
			res.setHeader("content-type", "text/html; charset=utf-8");
			res.end(loginPage(details.uid, true));
			return;
		}
		const grant = new op.Grant({ accountId: person.login, clientId: OIDC_CLIENT_ID });
		grant.addOIDCScope(String(details.params.scope ?? "openid"));
		const grantId = await grant.save();
		await op.interactionFinished(
			req,
			res,
			{
				login: {
					accountId: person.login,
					amr: person.amr ?? ["pwd"],
					...(person.acr ? { acr: person.acr } : {}),
				},
				consent: { grantId },
			},
			{ mergeWithLastSubmission: false },
		);
	}

	return {
		issuer,
		tamper(mode) {
			tampering = mode;
		},
		signIn: (url, login, password) =>
			walkProvider(issuer, url, login, password ?? `${login}${OIDC_PASSWORD_SUFFIX}`),
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Follow the provider's redirects with its cookies, post the login form, stop at the client. */
async function walkProvider(
	issuer: string,
	start: string,
	login: string,
	password: string,
): Promise<URL> {
	const jar = new Map<string, string>();
	const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
	const remember = (response: Response) => {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(";");
			const at = pair?.indexOf("=") ?? -1;
			if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
		}
	};
	let url = new URL(start);
	let body: URLSearchParams | undefined;
	for (let hop = 0; hop < 10; hop++) {
		if (url.origin !== issuer) return url;
		const response = await fetch(url, {
			method: body ? "POST" : "GET",
			redirect: "manual",
			headers: { cookie: cookieHeader() },
			...(body ? { body } : {}),
		});
		remember(response);
		body = undefined;
		const location = response.headers.get("location");
		if (location) {
			url = new URL(location, url);
			continue;
		}
		const html = await response.text();
		if (!url.pathname.startsWith("/interaction/") || html.includes('role="alert"'))
			throw new Error(`the provider stopped at ${url.pathname}: ${html.slice(0, 300)}`);
		body = new URLSearchParams({ login, password });
	}
	throw new Error("the provider redirected too often");
}

if (import.meta.main) {
	const op = await startTestOidc({ redirectUris: ["http://127.0.0.1:5173/login/oidc"] });
	console.log(`issuer ${op.issuer} client ${OIDC_CLIENT_ID} secret ${OIDC_CLIENT_SECRET}`);
	console.log(`people: ${OIDC_PEOPLE.map((p) => `${p.login}${OIDC_PASSWORD_SUFFIX}`).join(", ")}`);
}
