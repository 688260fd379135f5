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
	network_models: NetworkModelTable;
	network_model_revisions: NetworkModelRevisionTable;
	assets: AssetTable;
	asset_classification_changes: AssetClassificationChangeTable;
	asset_take_outs: AssetTakeOutTable;
	asset_disposals: AssetDisposalTable;
	asset_disposal_files: AssetDisposalFileTable;
	risks: RiskTable;
	risk_assets: RiskAssetTable;
	mail_messages: MailMessageTable;
	mail_quarantine: MailQuarantineTable;
	mail_recipients: MailRecipientTable;
	mail_release_requests: MailReleaseRequestTable;
	mail_settings: MailSettingsTable;
	jobs: JobTable;
	imports: ImportTable;
	incidents: IncidentTable;
	incident_units: IncidentUnitTable;
	incident_assets: IncidentAssetTable;
	incident_events: IncidentEventTable;
	incident_filings: IncidentFilingTable;
	incident_report_dues: IncidentReportDueTable;
	incident_report_due_stamps: IncidentReportDueStampTable;
	incident_counters: IncidentCounterTable;
	incident_tasks: IncidentTaskTable;
	incident_evidence: IncidentEvidenceTable;
	incident_notifications: IncidentNotificationTable;
	drills: DrillTable;
	exceptions: ExceptionTable;
	exception_counters: ExceptionCounterTable;
	exception_notices: ExceptionNoticeTable;
	social_media_accounts: SocialMediaAccountTable;
	social_media_reviews: SocialMediaReviewTable;
	cloud_services: CloudServiceTable;
	contractors: ContractorTable;
	contracts: ContractTable;
	contract_assets: ContractAssetTable;
	contract_subcontracts: ContractSubcontractTable;
	contract_checks: ContractCheckTable;
	backup_runs: BackupRunTable;
	drill_units: DrillUnitTable;
	drill_participants: DrillParticipantTable;
	drill_follow_ups: DrillFollowUpTable;
	assurance_checklists: AssuranceChecklistTable;
	assurance_checklist_versions: AssuranceChecklistVersionTable;
	assurance_checklist_items: AssuranceChecklistItemTable;
	assurance_campaigns: AssuranceCampaignTable;
	assurance_campaign_units: AssuranceCampaignUnitTable;
	assurance_campaign_respondents: AssuranceCampaignRespondentTable;
	assurance_campaign_answers: AssuranceCampaignAnswerTable;
	assurance_campaign_reminders: AssuranceCampaignReminderTable;
	findings: FindingTable;
	finding_counters: FindingCounterTable;
	finding_events: FindingEventTable;
	finding_evidence: FindingEvidenceTable;
	finding_notifications: FindingNotificationTable;
	assurance_audit_plans: AssuranceAuditPlanTable;
	assurance_audit_yearly_plans: AssuranceAuditYearlyPlanTable;
	assurance_audit_yearly_plan_units: AssuranceAuditYearlyPlanUnitTable;
	assurance_audits: AssuranceAuditTable;
	assurance_audit_team: AssuranceAuditTeamTable;
	assurance_audit_units: AssuranceAuditUnitTable;
	assurance_audit_results: AssuranceAuditResultTable;
	assurance_audit_evidence: AssuranceAuditEvidenceTable;
	webhook_subscriptions: WebhookSubscriptionTable;
	import_mappings: ImportMappingTable;
	webhook_events: WebhookEventTable;
	webhook_deliveries: WebhookDeliveryTable;
	my_number_affairs: MyNumberAffairTable;
	my_number_handlers: MyNumberHandlerTable;
	my_number_links: MyNumberLinkTable;
	my_number_provisions: MyNumberProvisionTable;
	my_number_notices: MyNumberNoticeTable;
	directory_connections: DirectoryConnectionTable;
	directory_group_mappings: DirectoryGroupMappingTable;
	directory_links: DirectoryLinkTable;
	directory_role_grants: DirectoryRoleGrantTable;
	sign_in_settings: SignInSettingsTable;
	oidc_sign_in_requests: OidcSignInRequestTable;
	secure_areas: SecureAreaTable;
	secure_area_permits: SecureAreaPermitTable;
	secure_area_entries: SecureAreaEntryTable;
	secure_area_assets: SecureAreaAssetTable;
	api_tokens: ApiTokenTable;
	training_courses: TrainingCourseTable;
	training_assignments: TrainingAssignmentTable;
	training_quiz_attempts: TrainingQuizAttemptTable;
	training_drill_results: TrainingDrillResultTable;
}

export type Flag = boolean | number;

export interface TenantTable {
	id: string;
	slug: string;
	name: string;
	pack: string;
	created_at: string;
	/** `wareki` | `seireki`: how the tenant writes dates (src/shared/dates.ts `DateStyle`). */
	date_style: string;
	/** The tenant's own aim for a preliminary report (速報), in days; null: the pack's aim. */
	incident_preliminary_days: number | null;
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
	/** null, or "provider": the OpenID provider vouched for this login's second factor. */
	second_factor_by: string | null;
}

export interface OrgUnitTable {
	id: string;
	tenant_id: string;
	parent_id: string | null;
	/** The city's 所属コード. */
	code: string;
	name: string;
	kind: string;
	/** The city's order (行政組織規則 order) among siblings; ties sort by code. */
	display_order: number;
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
	/** When the passwords were shown (once) after an apply run as a job. */
	passwords_shown_at: string | null;
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
	/** Who sent it for review; null on rows older than migration 0016. */
	submitted_by: string | null;
	approved_by: string | null;
	approved_role: string | null;
	approved_at: string | null;
	published_at: string | null;
	superseded_at: string | null;
	/** 施行日, `YYYY-MM-DD`, recorded on publishing. */
	effective_on: string | null;
	/** 決裁番号 of the decision, when a role decided. */
	decision_number: string | null;
	/** 委員会決定日, `YYYY-MM-DD`, when the committee decided. */
	committee_decided_on: string | null;
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

/** A message accepted by the 無害化 gateway; see modules/sanitize/gateway. */
export interface MailMessageTable {
	id: string;
	tenant_id: string;
	envelope_from: string;
	/** JSON array of recipient addresses. */
	envelope_to: string;
	message_id: string | null;
	subject: string | null;
	size: number;
	received_at: string;
	/** queued | delivering | delivered | held | failed */
	status: string;
	attempts: number;
	next_attempt_at: string;
	lease_owner: string | null;
	lease_until: string | null;
	last_error: string | null;
	/** JSON SanitizeReport. */
	report: string | null;
	held_reason: string | null;
	/** HELD_REASON_CODES of sanitize.contract.ts; null on rows held before migration 0020. */
	held_reason_code: string | null;
	/** JSON object of the code's parameters. */
	held_reason_params: string | null;
	sanitized: Uint8Array | null;
	delivered_at: string | null;
	updated_at: string;
	/** SHA-256 (hex) of the body after the header block; null on rows older than migration 0014. */
	body_hash: string | null;
	/** What a retry of this message matches (gateway/dedup-key.ts); null once its 24 h are over. */
	dedup_key: string | null;
	/** Retries of this message answered 250 without storing anything. */
	duplicates: number;
}

/** An envelope recipient of a gateway message, lower-cased. */
export interface MailRecipientTable {
	message_id: string;
	tenant_id: string;
	address: string;
}

/** The sealed original of a gateway message, kept until `purge_after`. */
export interface MailQuarantineTable {
	message_id: string;
	tenant_id: string;
	sealed: Uint8Array;
	sha256: string;
	stored_at: string;
	purge_after: string;
}

/** A recipient's request for an original attachment; see modules/sanitize/release. */
export interface MailReleaseRequestTable {
	id: string;
	tenant_id: string;
	message_id: string;
	attachment_index: number;
	filename: string;
	sha256: string;
	category: string;
	requested_by: string;
	recipient: string;
	reason: string;
	/** pending | approved | refused */
	status: string;
	decided_by: string | null;
	decision_reason: string | null;
	decided_at: string | null;
	/** as_is | sanitized */
	delivery_mode: string | null;
	delivered_at: string | null;
	/** Attempts to mail an approved file; failed ones are retried with a backoff up to a cap. */
	delivery_attempts: number;
	/** When the next attempt is due; null while none is. */
	next_delivery_at: string | null;
	created_at: string;
}

/** Per-tenant gateway settings; defaults apply while a tenant has no row. */
export interface MailSettingsTable {
	tenant_id: string;
	retention_days: number;
	/** JSON array of type categories released as is on approval. */
	release_as_is: string;
	/** JSON object category → rule, only where the tenant departs from the default; null: none. */
	attachment_rules: string | null;
	/** JSON object of limits that differ from the defaults; null: none. */
	limits: string | null;
	/** A message held for malware opens an incident case (migration 0026; on by default). */
	malware_incidents: Flag;
	updated_at: string;
}

/** One entry of the information-asset ledger (情報資産管理台帳). */
export interface AssetTable {
	id: string;
	tenant_id: string;
	code: string;
	name: string;
	/** `code` and `name`, NFKC-normalised and lower-cased, for the ledger's text search. */
	search_text: string;
	/** systems | information | documents */
	kind: string;
	owner_unit_id: string;
	manager_name: string | null;
	location: string | null;
	/** mynumber | lgwan | internet | standalone | other */
	zone: string;
	scheme: string;
	class_key: string;
	class_rank: number;
	/** none | personal | specific_personal */
	personal_data: string;
	retention: string | null;
	lifecycle: string;
	related_system: string | null;
	notes: string | null;
	version: number;
	created_by: string;
	created_at: string;
	updated_by: string;
	updated_at: string;
}

export interface AssetClassificationChangeTable {
	id: string;
	tenant_id: string;
	asset_id: string;
	scheme: string;
	from_key: string | null;
	to_key: string;
	reason: string;
	changed_by: string;
	changed_by_label: string;
	changed_at: string;
}

/** A take-out request (持ち出し) of an asset, its decision and its return. */
export interface AssetTakeOutTable {
	id: string;
	tenant_id: string;
	asset_id: string;
	/** requested | approved | refused | returned */
	status: string;
	purpose: string;
	destination: string;
	/** Calendar dates in Japan, YYYY-MM-DD. */
	from_date: string;
	until_date: string;
	encrypted: Flag;
	locked_case: Flag;
	requested_by: string;
	requested_by_label: string;
	requested_at: string;
	decided_by: string | null;
	decided_by_label: string | null;
	decided_at: string | null;
	decision_reason: string | null;
	returned_by: string | null;
	returned_by_label: string | null;
	returned_at: string | null;
	return_note: string | null;
}

/** A disposal or lease return (廃棄 / 返却) of an asset; closing it ends the asset's life. */
export interface AssetDisposalTable {
	id: string;
	tenant_id: string;
	asset_id: string;
	/** recorded | closed */
	status: string;
	method: string;
	/** YYYY-MM-DD */
	performed_on: string;
	witness: string;
	contractor: string | null;
	/** JSON array of serial numbers. */
	serial_numbers: string;
	notes: string | null;
	recorded_by: string;
	recorded_by_label: string;
	recorded_at: string;
	closed_by: string | null;
	closed_by_label: string | null;
	closed_at: string | null;
}

/** An erasure certificate (消去証明書) or photo of a disposal, with its SHA-256. */
export interface AssetDisposalFileTable {
	id: string;
	tenant_id: string;
	disposal_id: string;
	/** certificate | photo */
	kind: string;
	file_name: string;
	media_type: string;
	size: number;
	sha256: string;
	content: Uint8Array;
	uploaded_by: string;
	uploaded_by_label: string;
	uploaded_at: string;
}

/** One entry of the risk register; scores are likelihood × impact on the pack's matrix. */
export interface RiskTable {
	id: string;
	tenant_id: string;
	title: string;
	description: string;
	system_name: string | null;
	threat_code: string;
	owner_unit_id: string;
	inherent_likelihood: number;
	inherent_impact: number;
	inherent_score: number;
	residual_likelihood: number;
	residual_impact: number;
	residual_score: number;
	existing_controls: string | null;
	/** reduce | accept | transfer | avoid, or null while undecided */
	treatment: string | null;
	treatment_plan: string | null;
	treatment_owner_id: string | null;
	/** YYYY-MM-DD (Japan date) */
	treatment_due: string | null;
	/** open | treating | closed */
	status: string;
	accepted_by: string | null;
	accepted_by_label: string | null;
	accepted_at: string | null;
	acceptance_reason: string | null;
	closed_at: string | null;
	version: number;
	created_by: string;
	created_at: string;
	updated_by: string;
	updated_at: string;
}

/** A risk's link to an asset of the ledger. */
export interface RiskAssetTable {
	tenant_id: string;
	risk_id: string;
	asset_id: string;
}

/** The tenant's current three-tier network model; `content` is the model document as JSON. */
export interface NetworkModelTable {
	tenant_id: string;
	revision: number;
	content: string;
	updated_by: string;
	updated_by_label: string;
	updated_at: string;
}

/** Every saved revision of a tenant's network model. */
export interface NetworkModelRevisionTable {
	id: string;
	tenant_id: string;
	revision: number;
	/** edit | import | firewall_import */
	source: string;
	content: string;
	saved_by: string;
	saved_by_label: string;
	saved_at: string;
}

/** A job of the platform scheduler; see platform/jobs. */
export interface JobTable {
	id: string;
	/** Null for an instance-wide job. */
	tenant_id: string | null;
	name: string;
	/** JSON. */
	payload: string;
	/** pending | running | done | failed */
	status: string;
	due_at: string;
	attempts: number;
	max_attempts: number;
	lease_owner: string | null;
	lease_until: string | null;
	last_error: string | null;
	/** Names one occurrence of a recurring job: `name|tenant|date`. */
	unique_key: string | null;
	created_at: string;
	updated_at: string;
	finished_at: string | null;
}

/** A file a user asked to apply, run as a job; see platform/imports. */
export interface ImportTable {
	id: string;
	tenant_id: string;
	/** The module's import, e.g. `assets.ledger`. */
	kind: string;
	job_id: string;
	/** queued | running | done | refused | failed */
	status: string;
	file_name: string;
	/** The uploaded bytes, cleared when the run ends. */
	file: Uint8Array | null;
	/** JSON. */
	options: string;
	/** JSON of the requesting actor. */
	actor: string;
	rows_checked: number;
	rows_written: number;
	/** JSON report of the module. */
	result: string | null;
	error_code: string | null;
	error_detail: string | null;
	created_by: string;
	created_at: string;
	started_at: string | null;
	finished_at: string | null;
	updated_at: string;
}

/**
 * An incident case (インシデント). Severity is a step of the pack's risk-matrix impact scale
 * (1 = lowest; the top step is severe); priority is a fixed scale, 1 low, 2 medium, 3 high.
 */
export interface IncidentTable {
	id: string;
	tenant_id: string;
	/** INC-<fiscal year>-<number>, e.g. INC-2026-0001. */
	reference: string;
	/** staff | system */
	source: string;
	/** Null when a system reported it. */
	reporter_id: string | null;
	reporter_label: string;
	title: string;
	what_happened: string;
	noticed_at: string;
	/** The Japan date the organisation knew (YYYY-MM-DD): day 1 of the legal deadlines. */
	known_on: string;
	personal_data_suspected: Flag;
	/** reported | triaged | contained | recovered | closed | rejected */
	state: string;
	/** A threat code of the tenant's pack. */
	category: string | null;
	severity: number | null;
	priority: number | null;
	people: number;
	/** JSON array of data kinds (personal, sensitive, ordinance_sensitive, my_number). */
	data_kinds: string;
	wrongful_intent: Flag;
	financial_damage_risk: Flag;
	encrypted: Flag;
	published_online: Flag;
	network_system: Flag;
	/** 再発防止 */
	prevention: string | null;
	/** The PPC report's 原因, 二次被害, 本人への対応 and 公表; null until the CSIRT records them. */
	cause: string | null;
	secondary_damage: string | null;
	response_to_people: string | null;
	public_announcement: string | null;
	reject_reason: string | null;
	version: number;
	created_at: string;
	updated_at: string;
	triaged_at: string | null;
	closed_at: string | null;
	/** The fiscal year (年度) of `created_at` in Japan: the year a case counts in (migration 0026). */
	fiscal_year: number;
	/** How many units the case concerns (its `incident_units` rows). */
	unit_count: number;
	/** Hours from the report to the first triage; null before it. */
	triage_hours: number | null;
	/** Hours from the report to closing; null unless the case is closed (not rejected). */
	close_hours: number | null;
	/**
	 * A reporting system's own name for what it reported (the gateway: `mail:<message id>`),
	 * unique per tenant; null for staff reports and systems that give none.
	 */
	source_ref: string | null;
}

/**
 * One dated stage of a legal report a case owes under the tenant's rules (migration 0026),
 * derived from the case's facts and filings by `report-dues.ts` whenever they change, so the
 * dashboard counts them in the database. Rejected cases owe none.
 */
export interface IncidentReportDueTable {
	tenant_id: string;
	incident_id: string;
	obligation_code: string;
	/** preliminary | final */
	stage: string;
	/** The case's fiscal year. */
	fiscal_year: number;
	/** YYYY-MM-DD (Japan date), moved past closed days. */
	due_on: string;
	/** The filing's date; null while not filed. */
	filed_on: string | null;
}

/** The rules (`ReportingRules.stamp`) a tenant's report dues were last derived under. */
export interface IncidentReportDueStampTable {
	tenant_id: string;
	stamp: string;
	derived_at: string;
}

/** A unit a case concerns. */
export interface IncidentUnitTable {
	tenant_id: string;
	incident_id: string;
	org_unit_id: string;
	/** The case's `created_at`, kept with each link for counts per fiscal year (migration 0023). */
	reported_at: string;
}

/** A case's link to an asset of the ledger. */
export interface IncidentAssetTable {
	tenant_id: string;
	incident_id: string;
	asset_id: string;
}

/** One entry of a case's timeline: an action, a decision or a note. */
export interface IncidentEventTable {
	id: string;
	tenant_id: string;
	incident_id: string;
	seq: number;
	/** reported | triaged | updated | contained | recovered | closed | rejected | note | filed */
	kind: string;
	actor_id: string | null;
	actor_label: string;
	at: string;
	text: string | null;
	/** JSON. */
	data: string;
}

/** A legal report filed for a case: an obligation's preliminary (速報) or final (確報) report. */
export interface IncidentFilingTable {
	id: string;
	tenant_id: string;
	incident_id: string;
	obligation_code: string;
	/** preliminary | final */
	stage: string;
	/** YYYY-MM-DD (Japan date) */
	filed_on: string;
	reference: string | null;
	recorded_by: string;
	recorded_by_label: string;
	recorded_at: string;
}

/** A task on a case: an owner (an account of the tenant) and a Japan due date. */
export interface IncidentTaskTable {
	id: string;
	tenant_id: string;
	incident_id: string;
	title: string;
	owner_id: string;
	/** YYYY-MM-DD (Japan date) */
	due_on: string;
	/** Null while open. */
	done_at: string | null;
	done_by_label: string | null;
	created_by: string;
	created_by_label: string;
	created_at: string;
	updated_at: string;
	version: number;
}

/** An evidence file of a case, kept with the SHA-256 of its bytes. */
export interface IncidentEvidenceTable {
	id: string;
	tenant_id: string;
	incident_id: string;
	file_name: string;
	media_type: string;
	size: number;
	sha256: string;
	description: string | null;
	content: Uint8Array;
	uploaded_by: string;
	uploaded_by_label: string;
	uploaded_at: string;
}

/** The last case number of a tenant's fiscal year. */
export interface IncidentCounterTable {
	tenant_id: string;
	fiscal_year: number;
	last_number: number;
}

/** A person told of a case by the reporting chain, the escalation or a deadline reminder. */
export interface IncidentNotificationTable {
	id: string;
	tenant_id: string;
	incident_id: string;
	account_id: string;
	/** The role they were told as. */
	role: string;
	/** The unit a per-unit role was found through. */
	org_unit_id: string | null;
	/** triage | severity_raised | units_changed | escalation | deadline */
	reason: string;
	severity: number | null;
	/** `<obligation>:<stage>` of a deadline reminder. */
	subject: string | null;
	/** JSON. */
	detail: string;
	notified_at: string;
	acknowledged_at: string | null;
	mail_to: string | null;
	mailed_at: string | null;
}

/** A drill (訓練) of the emergency response plan: planned → held → recorded, or cancelled. */
export interface DrillTable {
	id: string;
	tenant_id: string;
	title: string;
	scenario: string;
	/** planned | held | recorded | cancelled */
	state: string;
	/** YYYY-MM-DD (Japan date) */
	planned_on: string;
	held_on: string | null;
	/** The fiscal year of `held_on`, or of `planned_on` until held. */
	fiscal_year: number;
	summary: string | null;
	/** 教訓 */
	lessons: string | null;
	cancel_reason: string | null;
	version: number;
	created_by: string;
	created_at: string;
	updated_at: string;
	held_at: string | null;
	recorded_at: string | null;
	cancelled_at: string | null;
}

/** A unit a drill involves. */
export interface DrillUnitTable {
	tenant_id: string;
	drill_id: string;
	org_unit_id: string;
}

/** Who took part in a drill: an account, or a freely named group with its headcount. */
export interface DrillParticipantTable {
	id: string;
	tenant_id: string;
	drill_id: string;
	position: number;
	account_id: string | null;
	name: string;
	headcount: number;
}

/** A follow-up a drill's lessons call for. */
export interface DrillFollowUpTable {
	id: string;
	tenant_id: string;
	drill_id: string;
	position: number;
	measure: string;
	responsible: string | null;
	/** YYYY-MM-DD */
	target_date: string | null;
}

/** A checklist of assurance (自己点検 or 監査); its versions hold the items. */
export interface AssuranceChecklistTable {
	id: string;
	tenant_id: string;
	/** self_inspection | audit */
	kind: string;
	/** The latest version's title. */
	title: string;
	/** The bundled checklist it came from (`saga.self_inspection`); null for a city's own. */
	bundled_id: string | null;
	latest_version: number;
	created_by: string | null;
	created_at: string;
	updated_at: string;
}

/** One saved version of a checklist: never changed afterwards. */
export interface AssuranceChecklistVersionTable {
	id: string;
	tenant_id: string;
	checklist_id: string;
	version: number;
	title: string;
	description: string | null;
	/** bundled | import */
	source: string;
	/** The bundled checklist's id or the imported file's name. */
	source_name: string | null;
	item_count: number;
	created_by: string | null;
	created_at: string;
}

/** An item of a checklist version. */
export interface AssuranceChecklistItemTable {
	id: string;
	tenant_id: string;
	version_id: string;
	position: number;
	number: string;
	policy_clause: string | null;
	standards_chapter: string | null;
	question: string;
	/** all_staff | manager | system_admin */
	answerer: string;
	/** yes_no_na | level */
	scale: string;
	/** JSON array of level names, lowest first; null for yes_no_na. */
	levels: string | null;
	required: Flag;
	evidence: string | null;
	pack_ref: string | null;
}

/** A self-inspection campaign (自己点検) over units against one checklist version. */
export interface AssuranceCampaignTable {
	id: string;
	tenant_id: string;
	title: string;
	fiscal_year: number;
	checklist_id: string;
	version_id: string;
	/** A Japan date, YYYY-MM-DD. */
	due_on: string;
	/** open | closed */
	state: string;
	include_sub_units: number;
	respondent_count: number;
	/** Answer slots: the sum of every respondent's assigned items. */
	assigned_count: number;
	created_by: string | null;
	created_at: string;
	updated_at: string;
	/** When the campaign was closed (state closed), by whom, and why when before its due date. */
	closed_at: string | null;
	closed_by: string | null;
	closed_by_label: string | null;
	close_reason: string | null;
	/** Respondents who had not submitted when it closed: 未回答 from then on. */
	unsubmitted_at_close: number | null;
}

/** A unit of a campaign, with its 管理者's sign-off. */
export interface AssuranceCampaignUnitTable {
	tenant_id: string;
	campaign_id: string;
	org_unit_id: string;
	/** The parent unit its rates roll up to (部局), or itself at the top. */
	department_id: string;
	signed_off_at: string | null;
	signed_off_by: string | null;
	signed_off_by_label: string | null;
	sign_off_note: string | null;
	unsubmitted_at_sign_off: number | null;
}

/** A person who answers a campaign in one unit, resolved from the roster at opening. */
export interface AssuranceCampaignRespondentTable {
	id: string;
	tenant_id: string;
	campaign_id: string;
	account_id: string;
	org_unit_id: string;
	as_staff: number;
	as_manager: number;
	as_system_admin: number;
	assigned_items: number;
	answered_items: number;
	submitted_at: string | null;
}

/** An answer given (draft or submitted); items not answered have no row. */
export interface AssuranceCampaignAnswerTable {
	tenant_id: string;
	campaign_id: string;
	respondent_id: string;
	item_id: string;
	org_unit_id: string;
	clause: string;
	/** yes | no | na | level */
	answer: string;
	level_index: number | null;
	/** 1 complies, 0 does not, null not applicable. */
	compliant: number | null;
	submitted: number;
	comment: string | null;
	evidence_name: string | null;
	evidence_media_type: string | null;
	evidence_size: number | null;
	evidence_sha256: string | null;
	evidence: Uint8Array | null;
	answered_at: string;
}

/**
 * A finding (指摘事項) of the assurance register: open → action_planned → done → verified, or
 * accepted_as_risk; see modules/assurance/findings.
 */
export interface FindingTable {
	id: string;
	tenant_id: string;
	/** F-<fiscal year>-<number>, e.g. F-2026-0001. */
	reference: string;
	fiscal_year: number;
	/** audit | self_inspection | incident | network_check | manual */
	source: string;
	source_ref: string | null;
	source_label: string | null;
	/** The policy section it concerns (基本方針 6(3), 対策基準 5.2). */
	clause: string;
	title: string;
	description: string;
	owner_unit_id: string;
	/** major | moderate | minor */
	severity: string;
	/** open | action_planned | done | verified | accepted_as_risk */
	state: string;
	/** YYYY-MM-DD (Japan date) the corrective action is due. */
	due_on: string | null;
	plan: string | null;
	plan_owner_id: string | null;
	plan_owner_label: string | null;
	planned_by_label: string | null;
	planned_at: string | null;
	done_note: string | null;
	done_by: string | null;
	done_by_label: string | null;
	done_at: string | null;
	verified_by: string | null;
	verified_by_label: string | null;
	verified_at: string | null;
	verification_comment: string | null;
	risk_id: string | null;
	risk_accepted_by_label: string | null;
	risk_accepted_at: string | null;
	risk_acceptance_reason: string | null;
	raised_by: string;
	raised_by_label: string;
	created_at: string;
	updated_at: string;
	version: number;
}

export interface FindingCounterTable {
	tenant_id: string;
	fiscal_year: number;
	last_number: number;
}

/** One entry of a finding's timeline, numbered under the finding's row lock. */
export interface FindingEventTable {
	id: string;
	tenant_id: string;
	finding_id: string;
	seq: number;
	kind: string;
	actor_id: string | null;
	actor_label: string;
	at: string;
	text: string | null;
	/** JSON */
	data: string;
}

/** A file kept as evidence of a finding's corrective action, with its SHA-256. */
export interface FindingEvidenceTable {
	id: string;
	tenant_id: string;
	finding_id: string;
	file_name: string;
	media_type: string;
	size: number;
	sha256: string;
	description: string | null;
	content: Uint8Array;
	uploaded_by: string;
	uploaded_by_label: string;
	uploaded_at: string;
}

/** Someone told that a finding is overdue (in the app), with the mail queued for it. */
export interface FindingNotificationTable {
	id: string;
	tenant_id: string;
	finding_id: string;
	account_id: string;
	role: string;
	reason: string;
	due_on: string;
	notified_at: string;
	mail_to: string | null;
	mailed_at: string | null;
}

/** 中期監査計画: the audit plan over a span of fiscal years. */
export interface AssuranceAuditPlanTable {
	id: string;
	tenant_id: string;
	title: string;
	first_year: number;
	last_year: number;
	aims: string;
	version: number;
	created_by: string;
	created_at: string;
	updated_at: string;
}

/** 年度監査計画: one per fiscal year. */
export interface AssuranceAuditYearlyPlanTable {
	id: string;
	tenant_id: string;
	/** The multi-year plan the year belongs to, if any. */
	plan_id: string | null;
	fiscal_year: number;
	aims: string;
	version: number;
	created_by: string;
	created_at: string;
	updated_at: string;
}

/** A unit a yearly plan audits, and when: a fiscal quarter (1–4) or a month (1–12). */
export interface AssuranceAuditYearlyPlanUnitTable {
	tenant_id: string;
	yearly_plan_id: string;
	org_unit_id: string;
	position: number;
	quarter: number | null;
	month: number | null;
}

/** An audit and its implementation plan (個別監査実施計画). */
export interface AssuranceAuditTable {
	id: string;
	tenant_id: string;
	title: string;
	/** planned | ad_hoc */
	kind: string;
	yearly_plan_id: string | null;
	fiscal_year: number;
	ad_hoc_reason: string | null;
	ordered_by: string | null;
	scope: string;
	criteria: string;
	/** YYYY-MM-DD (Japan dates) */
	period_start: string;
	period_end: string;
	/** A checklist version of the checklists module, opaque here. */
	checklist_version_id: string | null;
	/** planned | fieldwork | reporting | closed */
	state: string;
	version: number;
	created_by: string;
	created_at: string;
	updated_at: string;
	fieldwork_at: string | null;
	reporting_at: string | null;
	closed_at: string | null;
}

/** An auditor on an audit: its lead (監査責任者) or a member (監査人). */
export interface AssuranceAuditTeamTable {
	tenant_id: string;
	audit_id: string;
	account_id: string;
	/** lead | member */
	role: string;
	position: number;
}

/** A unit an audit audits. */
export interface AssuranceAuditUnitTable {
	tenant_id: string;
	audit_id: string;
	org_unit_id: string;
}

/** A reminder of open self-inspection items to one respondent on one Japan day. */
export interface AssuranceCampaignReminderTable {
	id: string;
	tenant_id: string;
	campaign_id: string;
	respondent_id: string;
	account_id: string;
	reminded_on: string;
	days_left: number;
	open_items: number;
	notified_at: string;
	mail_to: string | null;
	mailed_at: string | null;
}

/** A fieldwork result: one audited unit's answer to one item of the audit's checklist. */
export interface AssuranceAuditResultTable {
	tenant_id: string;
	audit_id: string;
	org_unit_id: string;
	item_id: string;
	clause: string;
	/** yes | no | na | level */
	result: string;
	level_index: number | null;
	/** 監査所見 */
	note: string | null;
	/** The finding raised from a いいえ (an id of the findings module). */
	finding_id: string | null;
	recorded_by: string;
	recorded_by_label: string;
	recorded_at: string;
}

/** An evidence file of a fieldwork result, kept with the SHA-256 of its bytes. */
export interface AssuranceAuditEvidenceTable {
	id: string;
	tenant_id: string;
	audit_id: string;
	org_unit_id: string;
	item_id: string;
	file_name: string;
	media_type: string;
	size: number;
	sha256: string;
	content: Uint8Array;
	uploaded_by: string;
	uploaded_by_label: string;
	uploaded_at: string;
}

/** 例外措置: a unit's deviation from a clause or rule for a period, and its decision. */
export interface ExceptionTable {
	id: string;
	tenant_id: string;
	/** 例外-R8-0001 */
	reference: string;
	fiscal_year: number;
	org_unit_id: string;
	clause: string;
	network_rule: string | null;
	deviation: string;
	reason: string;
	compensating_measures: string;
	/** JSON arrays of ids */
	asset_ids: string;
	network_flows: string;
	network_nodes: string;
	/** YYYY-MM-DD (Japan dates, both included) */
	starts_on: string;
	ends_on: string;
	/** requested | approved | refused | withdrawn | lapsed */
	state: string;
	renewal_of: string | null;
	decision_reason: string | null;
	decided_by: string | null;
	decided_by_label: string | null;
	decided_as: string | null;
	decided_at: string | null;
	lapsed_at: string | null;
	reminded_for: string | null;
	requested_by: string;
	requested_by_label: string;
	version: number;
	created_at: string;
	updated_at: string;
}

export interface ExceptionCounterTable {
	tenant_id: string;
	fiscal_year: number;
	last_number: number;
}

/** A reminder of an exception's end (or its lapse) to one person; mailed by a job. */
export interface ExceptionNoticeTable {
	id: string;
	tenant_id: string;
	exception_id: string;
	account_id: string;
	/** expiring | lapsed */
	reason: string;
	ends_on: string;
	notified_at: string;
	mail_to: string | null;
	mailed_at: string | null;
}

/** An official social-media account (公式SNSアカウント); see modules/social-media. */
export interface SocialMediaAccountTable {
	id: string;
	tenant_id: string;
	org_unit_id: string;
	service: string;
	handle: string;
	purpose: string;
	responsible_staff_id: string;
	procedure_document_id: string;
	posting_rules: string;
	/** JSON array of staff ids; the credentials themselves are never stored. */
	credential_holder_ids: string;
	mfa_enabled: Flag;
	/** registered | requested | approved | refused | suspended | closed */
	state: string;
	decision_reason: string | null;
	decided_by: string | null;
	decided_by_label: string | null;
	decided_as: string | null;
	decided_at: string | null;
	/** YYYY-MM-DD (Japan date) */
	last_reviewed_on: string | null;
	dormant_since: string | null;
	end_reason: string | null;
	suspended_at: string | null;
	closed_at: string | null;
	registered_by: string;
	registered_by_label: string;
	version: number;
	created_at: string;
	updated_at: string;
}

/** One review (見直し) of a social-media account. */
export interface SocialMediaReviewTable {
	id: string;
	tenant_id: string;
	account_id: string;
	reviewed_on: string;
	reviewed_by: string;
	reviewed_by_label: string;
	note: string;
	created_at: string;
}

/** A cloud or external service in use (or asked for), its data, ISMAP, SLA and approval. */
export interface CloudServiceTable {
	id: string;
	tenant_id: string;
	code: string;
	name: string;
	provider: string;
	/** saas | iaas | paas | web_conferencing | free_mail | other */
	kind: string;
	org_unit_id: string;
	purpose: string;
	data_description: string;
	/** A level code of the pack's default scheme */
	data_level: string;
	/** ismap | ismap_liu | none */
	ismap: string;
	/** japan | overseas | unknown */
	data_location: string;
	location_detail: string;
	sla_uptime: string;
	sla_recovery: string;
	backups: number;
	notes: string;
	next_review_on: string;
	last_reviewed_on: string | null;
	/** draft | requested | approved | refused | in_use | retired */
	state: string;
	approved_max_level: string | null;
	decision_reason: string | null;
	decided_by: string | null;
	decided_by_label: string | null;
	decided_as: string | null;
	decided_at: string | null;
	/** comma-separated flag codes */
	flags: string;
	flagged: number;
	review_warned_for: string | null;
	created_by_label: string;
	version: number;
	created_at: string;
	updated_at: string;
}

/** A contractor (委託先) of the tenant. */
export interface ContractorTable {
	id: string;
	tenant_id: string;
	code: string;
	name: string;
	address: string | null;
	contact: string | null;
	notes: string | null;
	version: number;
	created_at: string;
	updated_at: string;
}

/** A contract (業務委託) with its clauses and the derived clause gaps. */
export interface ContractTable {
	id: string;
	tenant_id: string;
	code: string;
	title: string;
	purpose: string;
	contractor_id: string;
	owner_unit_id: string;
	starts_on: string;
	ends_on: string | null;
	/** JSON array of clause codes. */
	clauses: string;
	top_level: string | null;
	/** JSON array of the required clause codes missing. */
	gaps: string;
	gap_count: number;
	/** active | ended */
	state: string;
	end_kind: string | null;
	ended_on: string | null;
	end_note: string | null;
	end_file_name: string | null;
	end_media_type: string | null;
	end_size: number | null;
	end_sha256: string | null;
	end_content: Uint8Array | null;
	ended_by_label: string | null;
	ended_at: string | null;
	created_by_label: string;
	version: number;
	created_at: string;
	updated_at: string;
}

export interface ContractAssetTable {
	tenant_id: string;
	contract_id: string;
	asset_id: string;
}

/** A 再委託 request and its decision. */
export interface ContractSubcontractTable {
	id: string;
	tenant_id: string;
	contract_id: string;
	subcontractor: string;
	work: string;
	safeguards: string;
	/** requested | approved | refused */
	state: string;
	decision_reason: string | null;
	decided_by_label: string | null;
	decided_as: string | null;
	decided_at: string | null;
	requested_by_label: string;
	created_at: string;
	version: number;
}

/** A periodic check of a contractor. */
export interface ContractCheckTable {
	id: string;
	tenant_id: string;
	contract_id: string;
	checked_on: string;
	/** JSON array of { code, ok, note }. */
	items: string;
	/** passed | failed */
	result: string;
	note: string;
	evidence_file_name: string | null;
	evidence_media_type: string | null;
	evidence_size: number | null;
	evidence_sha256: string | null;
	evidence_content: Uint8Array | null;
	finding_id: string | null;
	recorded_by_label: string;
	created_at: string;
}

/** A scheduled backup or restore drill of the instance; see modules/backup. */
export interface BackupRunTable {
	id: string;
	/** backup | drill */
	kind: string;
	started_at: string;
	finished_at: string;
	ok: Flag;
	location: string;
	bytes: number | null;
	detail: string | null;
}

/** A saved column mapping: how one source's files read as one import (docs/column-mapping.md). */
export interface ImportMappingTable {
	id: string;
	tenant_id: string;
	kind: string;
	source: string;
	/** The mapping document (version 1), as JSON. */
	mapping: string;
	updated_by: string;
	updated_by_label: string;
	created_at: string;
	updated_at: string;
}

/** A URL of another system that the tenant administrator subscribed to events. */
export interface WebhookSubscriptionTable {
	id: string;
	tenant_id: string;
	url: string;
	description: string;
	/** JSON array of event types. */
	event_types: string;
	/** The whsec_ signing secret, sealed with the instance's secret key. */
	secret_sealed: string;
	enabled: Flag;
	created_by: string;
	created_by_label: string;
	version: number;
	created_at: string;
	updated_at: string;
	deleted_at: string | null;
}

/** An event in the outbox, written in the transaction of the change it reports. */
export interface WebhookEventTable {
	id: string;
	tenant_id: string;
	type: string;
	/** The JSON body as sent. */
	body: string;
	dedupe_key: string | null;
	created_at: string;
}

/** One event to one subscription, and how sending it went. */
export interface WebhookDeliveryTable {
	id: string;
	tenant_id: string;
	subscription_id: string;
	event_id: string;
	event_type: string;
	status: string;
	attempts: number;
	max_attempts: number;
	last_status: number | null;
	last_error: string | null;
	next_attempt_at: string | null;
	delivered_at: string | null;
	created_at: string;
	updated_at: string;
}

/** A My Number affair (個人番号利用事務 / 関係事務); see modules/my-number. */
export interface MyNumberAffairTable {
	id: string;
	tenant_id: string;
	name: string;
	/** use | related */
	kind: string;
	legal_basis: string;
	responsible_staff_id: string;
	/** none | basic | focused | full */
	pia_level: string;
	/** not_required | not_started | in_progress | done */
	pia_status: string;
	pia_done_on: string | null;
	pia_due_on: string | null;
	created_by_label: string;
	version: number;
	created_at: string;
	updated_at: string;
}

/** A 事務取扱担当者 entry: who may handle an affair's data, from when, until when. */
export interface MyNumberHandlerTable {
	id: string;
	tenant_id: string;
	affair_id: string;
	staff_id: string;
	org_unit_id: string;
	starts_on: string;
	ends_on: string | null;
	/** removed | transferred | left */
	end_reason: string | null;
	ended_by_label: string | null;
	created_by_label: string;
	created_at: string;
}

/** A ledger asset or a contract holding or handling an affair's data. */
export interface MyNumberLinkTable {
	tenant_id: string;
	affair_id: string;
	/** asset | contract */
	kind: string;
	target_id: string;
	created_at: string;
}

/** A provision of 特定個人情報 to another body. */
export interface MyNumberProvisionTable {
	id: string;
	tenant_id: string;
	affair_id: string;
	provided_on: string;
	recipient: string;
	legal_basis: string;
	items: string;
	person_count: number;
	recorded_by_label: string;
	created_at: string;
}

/** A handler's entry ended: shown to the affair's responsible person until seen. */
export interface MyNumberNoticeTable {
	id: string;
	tenant_id: string;
	affair_id: string;
	handler_id: string;
	account_id: string;
	created_at: string;
	seen_at: string | null;
}

/** A tenant's directory (LDAP / Active Directory or OpenID Connect); see modules/directory. */
export interface DirectoryConnectionTable {
	id: string;
	tenant_id: string;
	/** ldap | oidc */
	kind: string;
	enabled: Flag;
	/** JSON settings of the kind. */
	settings: string;
	/** The bind password or client secret, sealed with the instance key. */
	secret_sealed: string | null;
	version: number;
	updated_by_label: string;
	created_at: string;
	updated_at: string;
}

/** A directory group (DN or claim value) that grants a role, per org unit where the role is. */
export interface DirectoryGroupMappingTable {
	id: string;
	tenant_id: string;
	connection_id: string;
	group_key: string;
	role: string;
	org_unit_id: string | null;
	created_at: string;
}

/** An account's directory entry. */
export interface DirectoryLinkTable {
	account_id: string;
	tenant_id: string;
	connection_id: string;
	/** DN (LDAP) or sub (OIDC), lower-cased. */
	subject: string;
	login_name: string;
	department: string | null;
	disabled_by_directory: Flag;
	last_sign_in_at: string | null;
	last_synced_at: string | null;
}

/** A role assignment made by the group mapping (so a sync ends only these). */
export interface DirectoryRoleGrantTable {
	role_assignment_id: string;
	tenant_id: string;
	account_id: string;
	connection_id: string;
}

/** Whether local password sign-in stays open to everyone or only to administrators. */
export interface SignInSettingsTable {
	tenant_id: string;
	/** everyone | break_glass_only */
	local_password: string;
	updated_at: string;
}

/** An OpenID Connect sign-in between its start and its callback (used once). */
export interface OidcSignInRequestTable {
	state_hash: string;
	tenant_id: string;
	connection_id: string;
	nonce: string;
	code_verifier: string;
	browser_hash: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

/** A secure area (管理区域); see modules/secure-areas. */
export interface SecureAreaTable {
	id: string;
	tenant_id: string;
	code: string;
	name: string;
	/** A `secureAreaLevel` code. */
	level: string;
	location: string;
	manager_staff_id: string;
	version: number;
	created_at: string;
	updated_at: string;
}

/** A member of staff allowed to enter an area, until a Japan date (inclusive). */
export interface SecureAreaPermitTable {
	id: string;
	tenant_id: string;
	area_id: string;
	staff_id: string;
	until_on: string;
	granted_by: string;
	granted_by_label: string;
	created_at: string;
}

/** One stay in an area: a member of staff, or a visitor with an escort. */
export interface SecureAreaEntryTable {
	id: string;
	tenant_id: string;
	area_id: string;
	staff_id: string | null;
	visitor_name: string | null;
	visitor_organisation: string | null;
	escort_staff_id: string | null;
	person_key: string;
	entered_at: string;
	exited_at: string | null;
	/** YYYY-MM-DD (Japan date of the entry) */
	entry_day: string;
	/** not_permitted | permit_expired | escort_not_permitted, or null */
	refusal: string | null;
	flagged: Flag;
	/** app | card_reader */
	source: string;
	recorded_by: string;
	created_at: string;
}

/** Where a ledger asset sits: one area per asset. */
export interface SecureAreaAssetTable {
	tenant_id: string;
	asset_id: string;
	area_id: string;
	located_by: string;
	located_at: string;
}

export interface ApiTokenTable {
	id: string;
	tenant_id: string;
	client_name: string;
	/** JSON array of scope names. */
	scopes: string;
	token_hash: string;
	token_prefix: string;
	expires_at: string;
	created_at: string;
	created_by: string;
	revoked_at: string | null;
	revoked_by: string | null;
	last_used_at: string | null;
}

/** A course of the fiscal year's training plan (研修); see modules/training. */
export interface TrainingCourseTable {
	id: string;
	tenant_id: string;
	fiscal_year: number;
	title: string;
	description: string;
	/** in_person | e_learning | phishing_drill */
	kind: string;
	/** all_staff | new_staff | managers | system_admins | contractors */
	audience: string;
	/** YYYY-MM-DD (Japan date) */
	due_on: string;
	held_on: string | null;
	/** The course's own reminder days before the due date; null: the policy pack's (0050). */
	remind_days: number | null;
	/** JSON: the e-learning quiz (see training.schemas.ts). */
	quiz: string | null;
	pass_mark: number | null;
	owner_account_id: string;
	owner_label: string;
	version: number;
	created_at: string;
	updated_at: string;
}

/** One member of staff owing one course, and whether (and how) they completed it. */
export interface TrainingAssignmentTable {
	id: string;
	tenant_id: string;
	course_id: string;
	staff_id: string;
	/** audience | new_staff | import */
	source: string;
	assigned_at: string;
	completed_at: string | null;
	/** manual | import | quiz | drill */
	completed_via: string | null;
	recorded_by: string | null;
	recorded_by_label: string | null;
	/** The last reminder sent: the due date (first reminder) or `due/Nd` (training/reminder-days.ts). */
	reminded_for: string | null;
}

/** One attempt at an e-learning course's quiz; a failed one completes nothing. */
export interface TrainingQuizAttemptTable {
	id: string;
	tenant_id: string;
	course_id: string;
	staff_id: string;
	score: number;
	passed: Flag;
	answers: string;
	created_at: string;
}

/** One person's result in a phishing drill (標的型メール訓練), from the drill tool's CSV. */
export interface TrainingDrillResultTable {
	id: string;
	tenant_id: string;
	course_id: string;
	staff_id: string;
	opened: Flag;
	clicked: Flag;
	reported: Flag;
	imported_at: string;
}
