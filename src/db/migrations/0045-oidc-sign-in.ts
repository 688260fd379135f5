import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * OpenID Connect sign-in (issue #18): each sign-in started at the provider is kept server-side
 * until its callback — the state (hashed), the nonce and the PKCE verifier, the browser it was
 * started in (a hash of a cookie) — and is used once: `used_at` set at the callback, so a
 * replayed state is told apart from an unknown one in the log. A session records when its
 * second factor was the provider's (`amr`/`acr`), so mandatory MFA does not send it to Mamori's
 * TOTP enrolment.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("oidc_sign_in_requests")
		// SHA-256 of the state sent to the provider, base64url.
		.addColumn("state_hash", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("connection_id", "text", (c) => c.notNull().references("directory_connections.id"))
		.addColumn("nonce", "text", (c) => c.notNull())
		.addColumn("code_verifier", "text", (c) => c.notNull())
		// SHA-256 of the random value in the browser's sign-in cookie.
		.addColumn("browser_hash", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("expires_at", instant, (c) => c.notNull())
		.addColumn("used_at", instant)
		.execute();
	await db.schema
		.createIndex("oidc_sign_in_requests_expiry")
		.on("oidc_sign_in_requests")
		.columns(["expires_at"])
		.execute();
	// null, or "provider": the OpenID provider vouched for the second factor of this login.
	await db.schema.alterTable("sessions").addColumn("second_factor_by", "text").execute();
}
