import { type Kysely, sql } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/** Tenants, accounts, sessions, org units, role assignments and the audit chain. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);

	await db.schema
		.createTable("instance_settings")
		.addColumn("key", "text", (c) => c.primaryKey())
		.addColumn("value", "text", (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
		.execute();

	await db.schema
		.createTable("tenants")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("slug", "text", (c) => c.notNull().unique())
		.addColumn("name", "text", (c) => c.notNull())
		.addColumn("pack", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable("accounts")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("username", "text", (c) => c.notNull())
		.addColumn("display_name", "text", (c) => c.notNull())
		.addColumn("email", "text")
		.addColumn("password_hash", "text", (c) => c.notNull())
		.addColumn("must_change_password", flag, (c) => c.notNull())
		.addColumn("works_in_mynumber", flag, (c) => c.notNull())
		.addColumn("totp_secret", "text")
		.addColumn("totp_enabled_at", instant)
		.addColumn("totp_last_step", "bigint")
		.addColumn("recovery_codes", "text")
		.addColumn("disabled_at", instant)
		.addColumn("password_changed_at", instant, (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addUniqueConstraint("accounts_tenant_username", ["tenant_id", "username"])
		.execute();

	await db.schema
		.createTable("login_throttle")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("username_key", "text", (c) => c.notNull())
		.addColumn("failures", "integer", (c) => c.notNull())
		.addColumn("locked_until", instant)
		.addColumn("last_failure_at", instant, (c) => c.notNull())
		.addPrimaryKeyConstraint("login_throttle_pk", ["tenant_id", "username_key"])
		.execute();

	await db.schema
		.createTable("sessions")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("stage", "text", (c) => c.notNull())
		.addColumn("csrf_token", "text", (c) => c.notNull())
		.addColumn("pending_totp_secret", "text")
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("last_seen_at", instant, (c) => c.notNull())
		.addColumn("ip", "text")
		.addColumn("user_agent", "text")
		.execute();
	await db.schema.createIndex("sessions_account").on("sessions").column("account_id").execute();

	await db.schema
		.createTable("org_units")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("parent_id", "text", (c) => c.references("org_units.id"))
		.addColumn("code", "text", (c) => c.notNull())
		.addColumn("name", "text", (c) => c.notNull())
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addUniqueConstraint("org_units_tenant_code", ["tenant_id", "code"])
		.execute();

	await db.schema
		.createTable("role_assignments")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("role", "text", (c) => c.notNull())
		.addColumn("org_unit_id", "text", (c) => c.references("org_units.id"))
		.addColumn("valid_from", instant, (c) => c.notNull())
		.addColumn("valid_to", instant)
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("role_assignments_account")
		.on("role_assignments")
		.column("account_id")
		.execute();

	await db.schema
		.createTable("audit_events")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("seq", "bigint", (c) => c.notNull())
		.addColumn("id", "text", (c) => c.notNull().unique())
		.addColumn("type", "text", (c) => c.notNull())
		.addColumn("occurred_at", "text", (c) => c.notNull())
		.addColumn("actor_id", "text")
		.addColumn("actor_label", "text")
		.addColumn("ip", "text")
		.addColumn("record_type", "text")
		.addColumn("record_id", "text")
		.addColumn("data", "text", (c) => c.notNull())
		.addColumn("prev_hash", "text", (c) => c.notNull())
		.addColumn("hash", "text", (c) => c.notNull())
		.addPrimaryKeyConstraint("audit_events_pk", ["tenant_id", "seq"])
		.execute();
	await db.schema
		.createIndex("audit_events_tenant_time")
		.on("audit_events")
		.columns(["tenant_id", "occurred_at"])
		.execute();

	await db.schema
		.createTable("audit_heads")
		.addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id"))
		.addColumn("seq", "bigint", (c) => c.notNull())
		.addColumn("hash", "text", (c) => c.notNull())
		.execute();

	await forbidAuditRewrites(db, engine);
}

/**
 * Append-only in the database itself: no UPDATE or DELETE on audit events, whoever asks.
 * (Someone with DDL rights can still drop the trigger; the hash chain is what catches that.)
 */
async function forbidAuditRewrites(db: Kysely<unknown>, engine: Engine): Promise<void> {
	if (engine === "postgres") {
		await sql`
			CREATE FUNCTION mamori_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`.execute(db);
		await sql`
			CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
			FOR EACH ROW EXECUTE FUNCTION mamori_audit_append_only()`.execute(db);
		return;
	}
	for (const operation of ["UPDATE", "DELETE"]) {
		await sql
			.raw(
				`CREATE TRIGGER audit_events_no_${operation.toLowerCase()} BEFORE ${operation} ON audit_events
				 BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
			)
			.execute(db);
	}
}
