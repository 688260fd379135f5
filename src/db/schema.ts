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
	staff: StaffTable;
	roster_imports: RosterImportTable;
	policy_documents: PolicyDocumentTable;
	policy_versions: PolicyVersionTable;
	policy_revisions: PolicyRevisionTable;
	policy_publications: PolicyPublicationTable;
	policy_acknowledgements: PolicyAcknowledgementTable;
	notifications: NotificationTable;
	policy_reviews: PolicyReviewTable;
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

export interface StaffTable {
	id: string;
	tenant_id: string;
	account_id: string;
	/** 職員番号, unique per tenant. */
	staff_number: string;
	/** A `staffCategories` code of the tenant's pack. */
	category: string;
	/** 所属. */
	org_unit_id: string;
	/** 役職. */
	title: string | null;
	active: Flag;
	left_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface RosterImportTable {
	id: string;
	tenant_id: string;
	file_name: string;
	sha256: string;
	/** previewed | applied | discarded */
	status: string;
	/** The previewed plan as JSON; apply carries out exactly this. */
	plan: string;
	/** Fingerprint of the staff, accounts, roles and units the plan was computed from. */
	state_hash: string;
	created_by: string;
	created_at: string;
	applied_at: string | null;
	/** One-time passwords of the accounts created by apply, sealed; cleared after one download. */
	passwords: string | null;
}

export interface PolicyDocumentTable {
	id: string;
	tenant_id: string;
	/** basic_policy | standards | procedures | additional */
	kind: string;
	position: number;
	title: string;
	/** public | non_public | unknown, from the pack. */
	publication: string;
	created_at: string;
}

export interface PolicyVersionTable {
	id: string;
	tenant_id: string;
	document_id: string;
	number: number;
	/** draft | in_review | approved | published | superseded */
	status: string;
	title: string;
	/** The sections tree as JSON. */
	content: string;
	change_summary: string;
	created_by: string | null;
	created_at: string;
	submitted_at: string | null;
	approved_by: string | null;
	approved_role: string | null;
	approved_at: string | null;
	published_at: string | null;
	superseded_at: string | null;
}

export interface PolicyRevisionTable {
	id: string;
	tenant_id: string;
	document_id: string;
	version_id: string | null;
	/** `YYYY-MM` or `YYYY-MM-DD`. */
	date: string;
	kind: string;
	summary: string;
	created_at: string;
}

export interface PolicyPublicationTable {
	id: string;
	tenant_id: string;
	version_id: string;
	/** all | units */
	audience: string;
	/** JSON array of org unit ids (empty for all). */
	unit_ids: string;
	published_by: string | null;
	published_at: string;
}

export interface PolicyAcknowledgementTable {
	tenant_id: string;
	version_id: string;
	account_id: string;
	acknowledged_at: string;
}

export interface NotificationTable {
	id: string;
	tenant_id: string;
	account_id: string;
	kind: string;
	link: string;
	created_at: string;
	read_at: string | null;
}

/** A policy review (見直し); see modules/policies/reviews. */
export interface PolicyReviewTable {
	id: string;
	tenant_id: string;
	fiscal_year: number;
	trigger: string;
	schedule_key: string | null;
	/** `YYYY-MM-DD`, the last day of the fiscal year for scheduled reviews. */
	due_on: string;
	status: string;
	/** JSON: gathered inputs and the risk analysis. */
	inputs: string;
	decision: string | null;
	decision_reason: string | null;
	decided_by: string | null;
	decided_at: string | null;
	/** The draft policy version opened by a `revise` decision, once documents are connected. */
	draft_version_id: string | null;
	created_by: string;
	created_at: string;
	updated_at: string;
}
