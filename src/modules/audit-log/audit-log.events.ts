import { z } from "zod";
import { API_TOKEN_EVENTS } from "./api-token.events.ts";
import { ASSURANCE_AUDIT_EVENTS } from "./assurance-audits.events.ts";
import { ASSURANCE_CAMPAIGN_EVENTS } from "./assurance-campaigns.events.ts";
import { ASSURANCE_CHECKLIST_EVENTS } from "./assurance-checklists.events.ts";
import { ASSURANCE_STATUS_REPORT_EVENTS } from "./assurance-status-report.events.ts";
import { CLOUD_SERVICE_EVENTS } from "./cloud-service.events.ts";
import { CONTRACT_EVENTS } from "./contract.events.ts";
import { DIRECTORY_EVENTS } from "./directory.events.ts";
import { EXCEPTION_EVENTS } from "./exception.events.ts";
import { FINDING_EVENTS } from "./finding.events.ts";
import { IMPORT_MAPPING_EVENTS } from "./import-mappings.events.ts";
import { INCIDENT_CHAIN_EVENTS } from "./incident-chain.events.ts";
import { MY_NUMBER_EVENTS } from "./my-number.events.ts";
import { SECURE_AREA_EVENTS } from "./secure-areas.events.ts";
import { SOCIAL_MEDIA_EVENTS } from "./social-media.events.ts";
import { TRAINING_EVENTS } from "./training.events.ts";
import { WEBHOOK_EVENTS } from "./webhooks.events.ts";

/** A tenant's gateway settings as the settings screen shows them (rules and limits in full). */
const mailSettingsSnapshot = z.object({
	retentionDays: z.number().int(),
	releaseAsIs: z.array(z.string()),
	attachments: z.record(z.string(), z.string()),
	limits: z.record(z.string(), z.number()),
	/** Held malware opens an incident case (absent in events before it could be set). */
	malwareIncidents: z.boolean().optional(),
});

const accountSnapshot = z.object({
	username: z.string(),
	displayName: z.string(),
	email: z.string().nullable(),
	worksInMynumber: z.boolean(),
	disabled: z.boolean(),
});

const roleAssignment = z.object({
	assignmentId: z.string(),
	accountId: z.string(),
	role: z.string(),
	orgUnitId: z.string().nullable(),
	validFrom: z.string(),
	validTo: z.string().nullable(),
});

/** An org unit as its change records it; code and order are absent before migration 0017. */
const orgUnitSnapshot = z.object({
	name: z.string(),
	parentId: z.string().nullable(),
	code: z.string().optional(),
	displayOrder: z.number().int().optional(),
});

const staffSnapshot = z.object({
	staffNumber: z.string(),
	accountId: z.string(),
	category: z.string(),
	orgUnitId: z.string(),
	title: z.string().nullable(),
	active: z.boolean(),
});

/**
 * The catalogue of audit events: one schema per type. `recordAudit` refuses data that does not
 * match, so the log stays readable years later. Add types; never change the meaning of one.
 */
export const AUDIT_EVENT_SCHEMAS = {
	"tenant.created": z.object({ slug: z.string(), name: z.string(), pack: z.string() }),
	/** `incidentPreliminaryDays` is recorded from migration 0022 on (null: the pack's aim). */
	"tenant.settings_changed": z.object({
		before: z.object({
			dateStyle: z.string(),
			incidentPreliminaryDays: z.number().int().nullable().optional(),
		}),
		after: z.object({
			dateStyle: z.string(),
			incidentPreliminaryDays: z.number().int().nullable().optional(),
		}),
	}),
	"policy_pack.installed": z.object({
		packId: z.string(),
		version: z.number().int(),
		source: z.string(),
		policyVersion: z.string(),
	}),
	"auth.login_succeeded": z.object({
		method: z.enum([
			"password",
			"password_totp",
			"password_recovery_code",
			"directory",
			"oidc",
			"oidc_provider_mfa",
		]),
	}),
	"auth.login_failed": z.object({
		username: z.string(),
		reason: z.enum([
			"bad_credentials",
			"throttled",
			"bad_second_factor",
			"disabled",
			"directory_unavailable",
			"local_password_off",
			"not_in_roster",
			"oidc_state_invalid",
			"oidc_token_invalid",
			"oidc_provider_refused",
		]),
		/** Why, for OIDC: state_replayed, OAUTH_JWT_TIMESTAMP_CHECK_FAILED, the provider's error… */
		detail: z.string().optional(),
	}),
	"auth.login_throttled": z.object({ username: z.string(), until: z.string() }),
	"auth.logout": z.object({}),
	"auth.password_changed": z.object({ sessionsRevoked: z.number().int() }),
	"auth.password_change_failed": z.object({ reason: z.enum(["wrong_current_password"]) }),
	"auth.mfa_enrolled": z.object({}),
	"auth.recovery_code_used": z.object({ remaining: z.number().int() }),
	"account.created": z.object({ after: accountSnapshot }),
	"account.updated": z.object({ before: accountSnapshot, after: accountSnapshot }),
	"account.password_reset": z.object({ sessionsRevoked: z.number().int() }),
	"account.mfa_reset": z.object({ sessionsRevoked: z.number().int() }),
	"role.assigned": roleAssignment,
	"role.revoked": roleAssignment,
	"org_unit.created": z.object({
		code: z.string(),
		name: z.string(),
		kind: z.string(),
		parentId: z.string().nullable(),
		/** Absent on events older than migration 0017. */
		displayOrder: z.number().int().optional(),
	}),
	"org_unit.updated": z.object({
		before: orgUnitSnapshot,
		after: orgUnitSnapshot,
	}),
	"staff.created": z.object({ after: staffSnapshot }),
	"staff.updated": z.object({ before: staffSnapshot, after: staffSnapshot }),
	"staff.left": z.object({ staffNumber: z.string(), accountId: z.string() }),
	"roster.previewed": z.object({
		importId: z.string(),
		fileName: z.string(),
		sha256: z.string(),
		invalidRows: z.number().int(),
		counts: z.record(z.string(), z.number().int()),
	}),
	"roster.applied": z.object({
		importId: z.string(),
		sha256: z.string(),
		counts: z.record(z.string(), z.number().int()),
	}),
	"roster.discarded": z.object({ importId: z.string() }),
	"roster.passwords_downloaded": z.object({ importId: z.string(), accounts: z.number().int() }),
	"audit.exported": z.object({ format: z.enum(["csv"]), rows: z.number().int() }),
	/** The chain's head (before this event) was signed and appended to a checkpoint file. */
	"audit.checkpointed": z.object({
		seq: z.number().int(),
		hash: z.string(),
		keyId: z.string(),
		file: z.string(),
	}),
	/** The scheduled backup or restore drill failed; the tenant's administrators were told. */
	"backup.failure_notified": z.object({
		kind: z.enum(["backup", "drill"]),
		day: z.string(),
		accountIds: z.array(z.string()),
	}),
	"policy.document_created": z.object({ kind: z.string(), title: z.string() }),
	"policy.draft_created": z.object({
		documentId: z.string(),
		number: z.number().int(),
		source: z.enum(["blank", "copy", "import", "template"]),
		sections: z.number().int(),
		warnings: z.number().int(),
	}),
	"policy.draft_edited": z.object({ documentId: z.string(), number: z.number().int() }),
	"policy.version_transitioned": z.object({
		documentId: z.string(),
		number: z.number().int(),
		from: z.string(),
		to: z.string(),
		role: z.string().nullable(),
	}),
	"policy.version_published": z.object({
		documentId: z.string(),
		number: z.number().int(),
		audience: z.enum(["all", "units"]),
		unitIds: z.array(z.string()),
		supersededNumber: z.number().int().nullable(),
		/** 施行日 and the decision; absent on events older than migration 0016. */
		effectiveOn: z.string().optional(),
		decisionNumber: z.string().nullable().optional(),
		committeeDecidedOn: z.string().nullable().optional(),
	}),
	"policy.procedure_read": z.object({ documentId: z.string(), number: z.number().int() }),
	"policy.acknowledged": z.object({ documentId: z.string(), number: z.number().int() }),
	"policy.reminders_sent": z.object({ versionId: z.string(), recipients: z.number().int() }),
	"policy.unacknowledged_exported": z.object({
		versionId: z.string(),
		format: z.enum(["csv", "xlsx"]),
		rows: z.number().int(),
	}),
	"policy_review.opened": z.object({
		fiscalYear: z.number().int(),
		trigger: z.string(),
		dueOn: z.string(),
	}),
	"policy_review.inputs_recorded": z.object({ riskEntries: z.number().int() }),
	"policy_review.decided": z.object({
		outcome: z.enum(["no_change", "revise"]),
		reason: z.string(),
		draftVersionId: z.string().nullable(),
	}),
	"asset.created": z.object({ code: z.string(), classification: z.string() }),
	"asset.updated": z.object({ code: z.string(), fields: z.array(z.string()) }),
	"asset.reclassified": z.object({
		code: z.string(),
		from: z.string(),
		to: z.string(),
		reason: z.string(),
	}),
	"asset.imported": z.object({
		format: z.enum(["csv", "xlsx"]),
		created: z.number().int(),
		updated: z.number().int(),
		unchanged: z.number().int(),
		skipped: z.number().int(),
	}),
	"asset.exported": z.object({ format: z.enum(["csv", "xlsx"]), rows: z.number().int() }),
	"asset.take_out_requested": z.object({
		takeOutId: z.string(),
		code: z.string(),
		destination: z.string(),
		from: z.string(),
		until: z.string(),
	}),
	"asset.take_out_decided": z.object({
		takeOutId: z.string(),
		code: z.string(),
		outcome: z.enum(["approved", "refused"]),
		reason: z.string(),
	}),
	"asset.take_out_returned": z.object({
		takeOutId: z.string(),
		code: z.string(),
		overdue: z.boolean(),
		note: z.string().nullable(),
	}),
	"asset.disposal_recorded": z.object({
		disposalId: z.string(),
		code: z.string(),
		method: z.string(),
		performedOn: z.string(),
	}),
	"asset.disposal_file_added": z.object({
		disposalId: z.string(),
		fileId: z.string(),
		kind: z.enum(["certificate", "photo"]),
		fileName: z.string(),
		sha256: z.string(),
		size: z.number().int(),
	}),
	"asset.disposal_closed": z.object({
		disposalId: z.string(),
		code: z.string(),
		lifecycle: z.enum(["disposed", "returned"]),
		certificates: z.number().int(),
	}),
	"risk.created": z.object({
		title: z.string(),
		threat: z.string(),
		inherentScore: z.number().int(),
		residualScore: z.number().int(),
	}),
	"risk.updated": z.object({ title: z.string(), fields: z.array(z.string()) }),
	"risk.accepted": z.object({
		title: z.string(),
		residualScore: z.number().int(),
		reason: z.string(),
		approverRole: z.string(),
	}),
	"risk.closed": z.object({ title: z.string(), treatment: z.string().nullable() }),
	"risk.exported": z.object({ format: z.enum(["csv", "xlsx"]), rows: z.number().int() }),
	"incident.reported": z.object({
		reference: z.string(),
		source: z.enum(["staff", "system"]),
		personalDataSuspected: z.boolean(),
	}),
	/** CSIRT's assessment; `first` when it moved the case from reported to triaged. */
	"incident.triaged": z.object({
		reference: z.string(),
		first: z.boolean(),
		fields: z.array(z.string()),
		category: z.string().nullable(),
		severity: z.number().int().nullable(),
	}),
	"incident.transitioned": z.object({
		reference: z.string(),
		from: z.string(),
		to: z.string(),
		reason: z.string().nullable(),
	}),
	/** The note's text is on the case's timeline, not in the log. */
	"incident.note_added": z.object({ reference: z.string(), seq: z.number().int() }),
	"incident.filing_recorded": z.object({
		reference: z.string(),
		obligation: z.string(),
		stage: z.enum(["preliminary", "final"]),
		filedOn: z.string(),
	}),
	/** A task on a case; the task's title is on the case's timeline. */
	"incident.task_created": z.object({
		reference: z.string(),
		taskId: z.string(),
		ownerId: z.string(),
		dueOn: z.string(),
	}),
	"incident.task_updated": z.object({
		reference: z.string(),
		taskId: z.string(),
		fields: z.array(z.string()),
		ownerId: z.string(),
		dueOn: z.string(),
		done: z.boolean(),
	}),
	"incident.task_completed": z.object({ reference: z.string(), taskId: z.string() }),
	"incident.evidence_added": z.object({
		reference: z.string(),
		evidenceId: z.string(),
		fileName: z.string(),
		sha256: z.string(),
		size: z.number().int(),
	}),
	/** The draft of a legal report was downloaded: it carries the case's personal-data facts. */
	"incident.report_draft_exported": z.object({
		reference: z.string(),
		format: z.enum(["pdf", "xlsx"]),
	}),
	...INCIDENT_CHAIN_EVENTS,
	...FINDING_EVENTS,
	...EXCEPTION_EVENTS,
	...SOCIAL_MEDIA_EVENTS,
	...WEBHOOK_EVENTS,
	...IMPORT_MAPPING_EVENTS,
	...MY_NUMBER_EVENTS,
	...DIRECTORY_EVENTS,
	...SECURE_AREA_EVENTS,
	...API_TOKEN_EVENTS,
	...TRAINING_EVENTS,
	...CLOUD_SERVICE_EVENTS,
	...CONTRACT_EVENTS,
	...ASSURANCE_AUDIT_EVENTS,
	"drill.scheduled": z.object({
		title: z.string(),
		plannedOn: z.string(),
		units: z.number().int(),
	}),
	/** Participants are counted here; their names are on the drill. */
	"drill.held": z.object({
		title: z.string(),
		heldOn: z.string(),
		accounts: z.number().int(),
		headcount: z.number().int(),
	}),
	"drill.recorded": z.object({ title: z.string(), followUps: z.number().int() }),
	"drill.cancelled": z.object({ title: z.string(), reason: z.string() }),
	"incident.stats_exported": z.object({
		fiscalYear: z.number().int(),
		format: z.enum(["csv", "xlsx"]),
	}),
	/** A risk raised from a case, or an existing risk re-scored from it (the risk logs its own change). */
	"incident.risk_linked": z.object({
		reference: z.string(),
		riskId: z.string(),
		link: z.enum(["raised", "rescored"]),
	}),
	"mail.release_requested": z.object({
		messageId: z.string(),
		attachmentIndex: z.number().int(),
		filename: z.string(),
		sha256: z.string(),
		category: z.string(),
		reason: z.string(),
	}),
	"mail.release_decided": z.object({
		requestId: z.string(),
		messageId: z.string(),
		outcome: z.enum(["approved", "refused"]),
		reason: z.string(),
		deliveryMode: z.enum(["as_is", "sanitized"]).nullable(),
	}),
	"mail.release_delivered": z.object({
		requestId: z.string(),
		recipient: z.string(),
		deliveryMode: z.enum(["as_is", "sanitized"]),
		sha256: z.string(),
	}),
	"mail.quarantine_purged": z.object({ count: z.number().int() }),
	"mail.release_resent": z.object({
		requestId: z.string(),
		recipient: z.string(),
		delivered: z.boolean(),
	}),
	"mail.settings_changed": z.object({
		before: mailSettingsSnapshot,
		after: mailSettingsSnapshot,
	}),
	"network_model.saved": z.object({
		revision: z.number().int(),
		source: z.enum(["edit", "import", "firewall_import"]),
		nodes: z.number().int(),
		flows: z.number().int(),
		violations: z.number().int(),
	}),
	"network_report.exported": z.object({
		format: z.enum(["pdf", "xlsx"]),
		revision: z.number().int(),
	}),
	"take_out.exported": z.object({
		format: z.enum(["csv", "xlsx"]),
		rows: z.number().int(),
		filter: z.object({
			view: z.enum(["all", "mine", "to_decide"]),
			status: z.string().nullable(),
			assetId: z.string().nullable(),
		}),
	}),
	"disposal.exported": z.object({
		format: z.enum(["csv", "xlsx"]),
		rows: z.number().int(),
		filter: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
	}),
	...ASSURANCE_CHECKLIST_EVENTS,
	...ASSURANCE_CAMPAIGN_EVENTS,
	...ASSURANCE_STATUS_REPORT_EVENTS,
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENT_SCHEMAS;
export type AuditEventData<T extends AuditEventType> = z.infer<(typeof AUDIT_EVENT_SCHEMAS)[T]>;
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_SCHEMAS) as AuditEventType[];
