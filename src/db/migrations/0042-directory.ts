import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Directory sign-in (issue #18): a tenant's directory connections (LDAP / Active Directory now,
 * OpenID Connect later: `kind`), the mapping of directory groups to roles and org units, the link
 * from an account to its directory entry, the role assignments the directory grants (so a sync
 * ends only those), and whether local password sign-in stays open to everyone.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema
		.createTable("directory_connections")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// ldap (AD or OpenLDAP); oidc later.
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("enabled", flag, (c) => c.notNull())
		// JSON settings of the kind (URL, StartTLS, CA PEM, base DN, filters, attribute map…).
		.addColumn("settings", "text", (c) => c.notNull())
		// The bind password (LDAP) or client secret (OIDC), sealed with the instance key.
		.addColumn("secret_sealed", "text")
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("updated_by_label", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addUniqueConstraint("directory_connections_tenant_kind", ["tenant_id", "kind"])
		.execute();

	await db.schema
		.createTable("directory_group_mappings")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("connection_id", "text", (c) => c.notNull().references("directory_connections.id"))
		// The group's DN (LDAP) or the group claim's value (OIDC), compared case-insensitively.
		.addColumn("group_key", "text", (c) => c.notNull())
		.addColumn("role", "text", (c) => c.notNull())
		.addColumn("org_unit_id", "text", (c) => c.references("org_units.id"))
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("directory_group_mappings_connection")
		.on("directory_group_mappings")
		.columns(["tenant_id", "connection_id"])
		.execute();

	await db.schema
		.createTable("directory_links")
		.addColumn("account_id", "text", (c) => c.primaryKey().references("accounts.id"))
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("connection_id", "text", (c) => c.notNull().references("directory_connections.id"))
		// The entry's DN (LDAP) or `sub` (OIDC), lower-cased.
		.addColumn("subject", "text", (c) => c.notNull())
		.addColumn("login_name", "text", (c) => c.notNull())
		.addColumn("department", "text")
		// The sync disabled the account because the entry was gone or disabled; a later sync that
		// finds it again enables it again (an administrator's own disabling is never undone).
		.addColumn("disabled_by_directory", flag, (c) => c.notNull())
		.addColumn("last_sign_in_at", instant)
		.addColumn("last_synced_at", instant)
		.execute();
	await db.schema
		.createIndex("directory_links_subject")
		.on("directory_links")
		.columns(["connection_id", "subject"])
		.unique()
		.execute();

	await db.schema
		.createTable("directory_role_grants")
		.addColumn("role_assignment_id", "text", (c) =>
			c.primaryKey().references("role_assignments.id"),
		)
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("connection_id", "text", (c) => c.notNull().references("directory_connections.id"))
		.execute();
	await db.schema
		.createIndex("directory_role_grants_account")
		.on("directory_role_grants")
		.columns(["tenant_id", "account_id"])
		.execute();

	await db.schema
		.createTable("sign_in_settings")
		.addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id"))
		// everyone | break_glass_only (tenant and instance administrators keep their password)
		.addColumn("local_password", "text", (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
}
