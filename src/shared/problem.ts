import type { AnyIssueCode } from "./issues.ts";

/** Stable error codes; clients and tests match on these, never on message text. */
export const PROBLEM_STATUS = {
	validation_failed: 400,
	malformed_json: 400,
	unauthenticated: 401,
	invalid_credentials: 401,
	invalid_code: 401,
	csrf_failed: 403,
	forbidden: 403,
	password_change_required: 403,
	mfa_enrollment_required: 403,
	mfa_verification_required: 403,
	not_found: 404,
	conflict: 409,
	payload_too_large: 413,
	unsupported_media_type: 415,
	login_throttled: 429,
	/** An API token that is unknown (or malformed). */
	api_token_invalid: 401,
	/** An API token past its expiry. */
	api_token_expired: 401,
	/** An API token its tenant administrator revoked. */
	api_token_revoked: 401,
	/** The operation lists scopes for tokens, and this token holds none of them. */
	api_token_scope_missing: 403,
	/** The operation is for people only (accounts, roles, tokens, …): no token may call it. */
	api_token_not_allowed: 403,
	/** A machine client called too often; see Retry-After. */
	rate_limited: 429,
	internal: 500,
	unavailable: 503,
	/** The tenant's directory (LDAP) did not answer in time, refused TLS or the service account. */
	directory_unavailable: 503,
	/** The database is unreachable (restart, network, refused connections). */
	database_unavailable: 503,
	/** The database stayed locked by other work past the wait time. */
	database_busy: 503,
	/** The database's disk is full; nothing was written. */
	storage_full: 507,
} as const satisfies Record<string, number>;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

/** The HTTP status a problem code maps to; the HTTP layer is the only one that uses it. */
export type ProblemStatus = (typeof PROBLEM_STATUS)[ProblemCode];

export interface ProblemIssue {
	path: string;
	/** Developer-facing English; clients show the catalogue text for `code` when there is one. */
	message: string;
	/**
	 * A stable reason within the problem (`password_common`, `stale_version`), for catalogue text.
	 * Every issue has one, so a person never sees `message`.
	 */
	code: AnyIssueCode;
	/** Values for the catalogue text (`{ min: 12 }`). */
	params?: Record<string, string | number>;
}

/**
 * The one error type of Mamori, free of HTTP so use cases, the CLI and the scheduler share it. Thrown anywhere; mapped once to `application/problem+json`.
 *
 * @example
 * throw new Problem("not_found", "account 42 does not exist");
 */
export class Problem extends Error {
	readonly code: ProblemCode;
	readonly issues: ProblemIssue[];
	readonly retryAfterSeconds: number | undefined;
	/** Values for the catalogue text of the code (`forbidden`: `{ roles: "ciso,chief_officer" }`). */
	readonly params: Record<string, string | number> | undefined;

	constructor(
		code: ProblemCode,
		message: string,
		extra: {
			issues?: ProblemIssue[];
			retryAfterSeconds?: number;
			params?: Record<string, string | number>;
		} = {},
	) {
		super(message);
		this.name = "Problem";
		this.code = code;
		this.issues = extra.issues ?? [];
		this.retryAfterSeconds = extra.retryAfterSeconds;
		this.params = extra.params;
	}

	get status(): ProblemStatus {
		return PROBLEM_STATUS[this.code];
	}

	toJSON() {
		return {
			type: `urn:mamori:problem:${this.code}`,
			title: this.code,
			status: this.status,
			code: this.code,
			detail: this.message,
			...(this.issues.length > 0 ? { issues: this.issues } : {}),
			...(this.params ? { params: this.params } : {}),
		};
	}
}
