import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.ts";

export type Schemas = components["schemas"];
export type SessionInfo = Schemas["SessionInfo"];
export type Session = NonNullable<SessionInfo["session"]>;
export type SessionStage = Schemas["SessionStage"];
export type Account = Schemas["Account"];
export type RoleAssignment = Schemas["RoleAssignment"];
export type Role = RoleAssignment["role"];
export type OrgUnit = Schemas["OrgUnit"];
export type OrgUnitKind = OrgUnit["kind"];
export type AuditEvent = Schemas["AuditEvent"];
export type AuditFilter = NonNullable<paths["/api/audit-events"]["get"]["parameters"]["query"]>;
export type AuditEventType = NonNullable<AuditFilter["type"]>;

/** One reason of a problem; `code` (when set) names catalogue text, `message` is for developers. */
export interface ProblemIssue {
	path: string;
	message: string;
	code?: string;
	params?: Record<string, string | number>;
}

/** A problem+json body as the API sends it; `code` is stable, `detail` is for people. */
export interface Problem {
	code: string;
	detail: string;
	status: number;
	issues?: ProblemIssue[];
	/** Values for the code's catalogue text (`forbidden`: the roles that may act). */
	params?: Record<string, string | number>;
}

/** A failed API call, carrying the server's problem (or a local one for network failures). */
export class ApiError extends Error {
	readonly problem: Problem;
	constructor(problem: Problem) {
		super(`${problem.code}: ${problem.detail}`);
		this.name = "ApiError";
		this.problem = problem;
	}
}

/** Codes meaning the session is gone or has a login step pending: the UI re-reads the session. */
const SESSION_CODES = new Set([
	"unauthenticated",
	"password_change_required",
	"mfa_enrollment_required",
	"mfa_verification_required",
]);

let csrfToken = "";
let sessionListener: ((code: string) => void) | null = null;

/** Called when any API call reports that the session ended or needs a login step. */
export function onSessionProblem(listener: ((code: string) => void) | null): void {
	sessionListener = listener;
}

function isProblem(value: unknown): value is Problem {
	return typeof value === "object" && value !== null && "code" in value && "detail" in value;
}

async function readJson(response: Response): Promise<unknown> {
	try {
		return await response.clone().json();
	} catch {
		return null;
	}
}

/**
 * Every state-changing request carries the CSRF token; the newest token is taken from the
 * session and login responses and from each login step (which renews the session), so callers
 * never handle it.
 */
const csrf: Middleware = {
	onRequest({ request }) {
		if (request.method !== "GET" && request.method !== "HEAD" && csrfToken) {
			request.headers.set("X-CSRF-Token", csrfToken);
		}
		return request;
	},
	async onResponse({ request, response }) {
		const path = new URL(request.url).pathname;
		// Login, the session, and every login step that replaces the session carry the new token.
		if (response.ok && path.startsWith("/api/auth/")) {
			const body = await readJson(response);
			if (body && typeof body === "object" && "csrfToken" in body) {
				csrfToken = String(body.csrfToken);
			}
		}
		if ((response.status === 401 || response.status === 403) && path !== "/api/auth/login") {
			const body = await readJson(response);
			if (isProblem(body) && SESSION_CODES.has(body.code)) sessionListener?.(body.code);
		}
		return response;
	},
};

/** The session's CSRF token, for the few requests made outside the typed client (upload progress). */
export function currentCsrfToken(): string {
	return csrfToken;
}

/** The typed API client, generated from the server's Zod routes (see `npm run gen`). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(csrf);

type Outcome<D> = { data?: D; error?: unknown; response: Response };

/**
 * Await an API call and return its data, or throw an ApiError with the server's problem.
 *
 * @example
 * const { items } = await call(api.GET("/api/org-units"));
 */
export async function call<D>(pending: Promise<Outcome<D>>): Promise<D> {
	let outcome: Outcome<D>;
	try {
		outcome = await pending;
	} catch {
		throw new ApiError({ code: "network", detail: "network error", status: 0 });
	}
	const { data, error, response } = outcome;
	if (response.ok) return data as D;
	throw failureOf(response, error);
}

/** The ApiError for a response that is not ok, from its problem body when it has one. */
function failureOf(response: Response, body: unknown): ApiError {
	if (isProblem(body)) return new ApiError({ ...body, status: response.status });
	const code = response.status >= 500 ? "unavailable" : "unknown";
	return new ApiError({ code, detail: `HTTP ${response.status}`, status: response.status });
}

/**
 * GET a file (an export) with the session cookie: its bytes and the name the server gave it, or
 * an ApiError with the server's problem, so that a refused export is shown, not saved as a file.
 */
export async function fetchFile(url: string): Promise<{ blob: Blob; fileName: string | null }> {
	let response: Response;
	try {
		response = await fetch(url, { credentials: "same-origin" });
	} catch {
		throw new ApiError({ code: "network", detail: "network error", status: 0 });
	}
	if (!response.ok) {
		const body = await readJson(response);
		// As for typed calls: a lost session or a pending login step sends the user to log in.
		if (isProblem(body) && SESSION_CODES.has(body.code)) sessionListener?.(body.code);
		throw failureOf(response, body);
	}
	const disposition = response.headers.get("content-disposition") ?? "";
	return { blob: await response.blob(), fileName: fileNameOf(disposition) };
}

/**
 * Await a typed API call that answers a file (`parseAs: "blob"`): its bytes and the name the
 * server gave it (Japanese, dated), or an ApiError with the server's problem.
 *
 * @example
 * const file = await callFile(api.GET("/api/network/report.pdf", { parseAs: "blob" }));
 */
export async function callFile(
	pending: Promise<Outcome<unknown>>,
): Promise<{ blob: Blob; fileName: string | null }> {
	let outcome: Outcome<unknown>;
	try {
		outcome = await pending;
	} catch {
		throw new ApiError({ code: "network", detail: "network error", status: 0 });
	}
	const { data, error, response } = outcome;
	if (!response.ok) throw failureOf(response, error);
	const disposition = response.headers.get("content-disposition") ?? "";
	return { blob: data as Blob, fileName: fileNameOf(disposition) };
}

/** The UTF-8 `filename*` when there is one (Japanese names), else the ASCII `filename`. */
function fileNameOf(disposition: string): string | null {
	const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
	if (encoded) {
		try {
			return decodeURIComponent(encoded);
		} catch {
			// A malformed encoding: fall back to the plain name.
		}
	}
	return /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
}

/** The URL of the audit CSV export for a filter: a plain link sends the session cookie. */
export function auditExportUrl(filter: Omit<AuditFilter, "limit" | "offset">): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filter)) {
		if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
	}
	const query = params.toString();
	return `/api/audit-events/export.csv${query ? `?${query}` : ""}`;
}
