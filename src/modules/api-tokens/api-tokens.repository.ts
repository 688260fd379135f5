import { createHash } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { ApiTokenTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type ApiTokenRow = ApiTokenTable;

/** Tokens are stored by their SHA-256 (like sessions): a database reader cannot use one. */
export function apiTokenHash(token: string): string {
	return createHash("sha256").update(token).digest("hex");
}

export async function insertApiToken(tx: Tx, row: ApiTokenRow): Promise<void> {
	await tx.insertInto("api_tokens").values(row).execute();
}

export function findApiTokenByHash(db: Queryable, hash: string) {
	return db.selectFrom("api_tokens").selectAll().where("token_hash", "=", hash).executeTakeFirst();
}

export function findApiToken(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("api_tokens")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** The tenant's tokens with the name of who made each, newest first. */
export function listApiTokenRows(db: Queryable, tenantId: string) {
	return db
		.selectFrom("api_tokens")
		.innerJoin("accounts", "accounts.id", "api_tokens.created_by")
		.selectAll("api_tokens")
		.select("accounts.display_name as created_by_name")
		.where("api_tokens.tenant_id", "=", tenantId)
		.orderBy("api_tokens.created_at", "desc")
		.orderBy("api_tokens.id")
		.limit(500)
		.execute();
}

export async function markRevoked(tx: Tx, id: string, by: string, at: string): Promise<void> {
	await tx
		.updateTable("api_tokens")
		.set({ revoked_at: at, revoked_by: by })
		.where("id", "=", id)
		.where("revoked_at", "is", null)
		.execute();
}

export async function touchLastUsed(tx: Tx, id: string, at: string): Promise<void> {
	await tx.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
}
