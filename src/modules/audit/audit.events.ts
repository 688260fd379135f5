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
	"audit.exported": z.object({ format: z.enum(["csv"]), rows: z.number().int() }),
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENT_SCHEMAS;
export type AuditEventData<T extends AuditEventType> = z.infer<(typeof AUDIT_EVENT_SCHEMAS)[T]>;
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_SCHEMAS) as AuditEventType[];
