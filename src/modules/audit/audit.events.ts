import { z } from "zod";

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
	"policy_pack.installed": z.object({
		packId: z.string(),
		version: z.number().int(),
		source: z.string(),
		policyVersion: z.string(),
	}),
	"auth.login_succeeded": z.object({
		method: z.enum(["password", "password_totp", "password_recovery_code"]),
	}),
	"auth.login_failed": z.object({
		username: z.string(),
		reason: z.enum(["bad_credentials", "throttled", "bad_second_factor", "disabled"]),
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
	}),
	"org_unit.updated": z.object({
		before: z.object({ name: z.string(), parentId: z.string().nullable() }),
		after: z.object({ name: z.string(), parentId: z.string().nullable() }),
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
	"policy.document_created": z.object({ kind: z.string(), title: z.string() }),
	"policy.draft_created": z.object({
		documentId: z.string(),
		number: z.number().int(),
		source: z.enum(["blank", "copy", "import"]),
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
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENT_SCHEMAS;
export type AuditEventData<T extends AuditEventType> = z.infer<(typeof AUDIT_EVENT_SCHEMAS)[T]>;
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_SCHEMAS) as AuditEventType[];
