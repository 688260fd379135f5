import { randomBytes, randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { refusal, ruleProblem } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { apiTokensPolicy } from "./api-tokens.policy.ts";
import {
	type ApiTokenRow,
	apiTokenHash,
	findApiToken,
	insertApiToken,
	listApiTokenRows,
	markRevoked,
} from "./api-tokens.repository.ts";
import { type CreateApiTokenInput, MAX_TOKEN_DAYS } from "./api-tokens.schemas.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
export const TOKEN_PREFIX = "mamori_";

/** Tokens never manage tokens (nor accounts or roles), whatever their scopes. */
function authorizeManager(actor: Actor): void {
	if (actor.client) throw new Problem("api_token_not_allowed", "tokens cannot manage tokens");
	authorize(actor, apiTokensPolicy, "api_token.manage");
}

export function tokenState(row: ApiTokenRow, now: Date): "active" | "expired" | "revoked" {
	if (row.revoked_at) return "revoked";
	return Date.parse(row.expires_at) <= now.getTime() ? "expired" : "active";
}

export function presentApiToken(row: ApiTokenRow & { created_by_name: string }, now: Date) {
	return {
		id: row.id,
		clientName: row.client_name,
		scopes: JSON.parse(row.scopes) as string[],
		tokenPrefix: row.token_prefix,
		expiresAt: row.expires_at,
		createdAt: row.created_at,
		createdBy: row.created_by_name,
		revokedAt: row.revoked_at,
		lastUsedAt: row.last_used_at,
		state: tokenState(row, now),
	};
}

/**
 * Make a token for a named machine client. Returns the token once; only its hash is kept.
 *
 * @throws Problem `validation_failed` (`api_token_expiry_past`, `api_token_expiry_too_far`)
 * @example
 * const made = await inTransaction(db, (tx) => createApiToken(tx, actor, { clientName: "SIEM", scopes: ["incidents:create"], expiresAt }));
 */
export async function createApiToken(
	tx: Tx,
	actor: Actor,
	input: CreateApiTokenInput,
	now: Date = new Date(),
) {
	authorizeManager(actor);
	const expires = Date.parse(input.expiresAt);
	if (expires <= now.getTime()) {
		throw ruleProblem(
			"validation_failed",
			"the expiry is in the past",
			"expiresAt",
			"api_token_expiry_past",
		);
	}
	if (expires > now.getTime() + MAX_TOKEN_DAYS * DAY_MS) {
		throw ruleProblem(
			"validation_failed",
			`a token lives at most ${MAX_TOKEN_DAYS} days`,
			"expiresAt",
			"api_token_expiry_too_far",
			{ max: MAX_TOKEN_DAYS },
		);
	}
	const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
	const row: ApiTokenRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		client_name: input.clientName,
		scopes: JSON.stringify(input.scopes),
		token_hash: apiTokenHash(token),
		token_prefix: token.slice(0, TOKEN_PREFIX.length + 6),
		expires_at: new Date(expires).toISOString(),
		created_at: now.toISOString(),
		created_by: actor.accountId,
		revoked_at: null,
		revoked_by: null,
		last_used_at: null,
	};
	await insertApiToken(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"api_token.created",
		{
			clientName: row.client_name,
			tokenPrefix: row.token_prefix,
			scopes: input.scopes,
			expiresAt: row.expires_at,
		},
		{ recordType: "api_token", recordId: row.id },
	);
	return { ...presentApiToken({ ...row, created_by_name: actor.label }, now), token };
}

/**
 * Revoke a token at once: its next call is refused with `api_token_revoked`.
 *
 * @throws Problem `not_found`; `conflict` (`api_token_already_revoked`)
 */
export async function revokeApiToken(tx: Tx, actor: Actor, id: string, now: Date = new Date()) {
	authorizeManager(actor);
	const row = await findApiToken(tx, actor.tenantId, id);
	if (!row) throw new Problem("not_found", "no such API token");
	if (row.revoked_at) {
		throw refusal("conflict", "api_token_already_revoked", "the token is revoked already");
	}
	await markRevoked(tx, id, actor.accountId, now.toISOString());
	await recordAudit(
		tx,
		auditContextOf(actor),
		"api_token.revoked",
		{ clientName: row.client_name, tokenPrefix: row.token_prefix },
		{ recordType: "api_token", recordId: row.id },
	);
}

/** The tenant's tokens: client, scopes, expiry, last use, state. */
export async function listApiTokens(db: Queryable, actor: Actor, now: Date = new Date()) {
	authorizeManager(actor);
	const rows = await listApiTokenRows(db, actor.tenantId);
	return rows.map((row) => presentApiToken(row, now));
}
