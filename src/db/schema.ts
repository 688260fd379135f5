import type { Generated } from "kysely";

/**
 * Row types of every table. Instants are ISO-8601 UTC strings on both engines (PostgreSQL
 * `timestamptz` values are converted on read), flags are booleans on PostgreSQL and 0/1 on
 * SQLite (read them with `Boolean()`), JSON is stored as text.
 */
export interface Database {
	tenants: TenantTable;
	accounts: AccountTable;
	login_throttle: LoginThrottleTable;
	sessions: SessionTable;
	org_units: OrgUnitTable;
	role_assignments: RoleAssignmentTable;
	audit_events: AuditEventTable;
	audit_heads: AuditHeadTable;
	instance_settings: InstanceSettingTable;
	tenant_packs: TenantPackTable;
}

export type Flag = boolean | number;

export interface TenantTable {
	id: string;
	slug: string;
	name: string;
	pack: string;
	created_at: string;
}

export interface AccountTable {
	id: string;
	tenant_id: string;
	username: string;
	display_name: string;
	email: string | null;
	password_hash: string;
	must_change_password: Flag;
	works_in_mynumber: Flag;
	totp_secret: string | null;
	totp_enabled_at: string | null;
	totp_last_step: number | null;
	recovery_codes: string | null;
	disabled_at: string | null;
	password_changed_at: string;
	created_at: string;
	updated_at: string;
}

export interface LoginThrottleTable {
	tenant_id: string;
	username_key: string;
	failures: number;
	locked_until: string | null;
	last_failure_at: string;
}

export interface SessionTable {
	id: string;
	tenant_id: string;
	account_id: string;
	stage: string;
	csrf_token: string;
	pending_totp_secret: string | null;
	created_at: string;
	last_seen_at: string;
	ip: string | null;
	user_agent: string | null;
}

export interface OrgUnitTable {
	id: string;
	tenant_id: string;
	parent_id: string | null;
	code: string;
	name: string;
	kind: string;
	created_at: string;
}

export interface RoleAssignmentTable {
	id: string;
	tenant_id: string;
	account_id: string;
	role: string;
	org_unit_id: string | null;
	valid_from: string;
	valid_to: string | null;
	created_at: string;
}

export interface AuditEventTable {
	tenant_id: string;
	seq: number;
	id: string;
	type: string;
	occurred_at: string;
	actor_id: string | null;
	actor_label: string | null;
	ip: string | null;
	record_type: string | null;
	record_id: string | null;
	data: string;
	prev_hash: string;
	hash: string;
}

export interface AuditHeadTable {
	tenant_id: string;
	seq: number;
	hash: string;
}

export interface InstanceSettingTable {
	key: string;
	value: string;
	updated_at: Generated<string>;
}

export interface TenantPackTable {
	tenant_id: string;
	version: number;
	pack_id: string;
	/** Where the pack came from: `bundled:<id>` or `file:<name>`. */
	source: string;
	/** The validated pack as JSON. */
	content: string;
	created_at: string;
}
