import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * API tokens of machine clients (issue 22): a tenant administrator names the client, its scopes
 * and an expiry; the token is stored only as its SHA-256, with a short prefix to recognise it.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("api_tokens")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("client_name", "text", (c) => c.notNull())
		// JSON array of scope names (api-tokens/scopes.ts).
		.addColumn("scopes", "text", (c) => c.notNull())
		.addColumn("token_hash", "text", (c) => c.notNull().unique())
		.addColumn("token_prefix", "text", (c) => c.notNull())
		.addColumn("expires_at", instant, (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("created_by", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("revoked_at", instant)
		.addColumn("revoked_by", "text", (c) => c.references("accounts.id"))
		.addColumn("last_used_at", instant)
		.execute();
	await db.schema
		.createIndex("api_tokens_tenant")
		.on("api_tokens")
		.columns(["tenant_id", "created_at"])
		.execute();
}
