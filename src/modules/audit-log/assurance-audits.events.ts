import { z } from "zod";

const team = z.object({ lead: z.string(), members: z.array(z.string()) });

/**
 * Audit-trail events of security audits (assurance/audits): the plans, each audit's creation,
 * changes of its plan, team and units, and its steps. Merged into audit-log.events.ts; accounts
 * and units are named by id, as elsewhere in the log.
 */
export const ASSURANCE_AUDIT_EVENTS = {
	"audit_plan.created": z.object({
		title: z.string(),
		firstYear: z.number().int(),
		lastYear: z.number().int(),
	}),
	/** `changed`: the fields the change touched (title, firstYear, lastYear, aims). */
	"audit_plan.updated": z.object({
		title: z.string(),
		firstYear: z.number().int(),
		lastYear: z.number().int(),
		changed: z.array(z.string()),
	}),
	"yearly_audit_plan.created": z.object({
		fiscalYear: z.number().int(),
		planId: z.string().nullable(),
		unitIds: z.array(z.string()),
	}),
	"yearly_audit_plan.updated": z.object({
		fiscalYear: z.number().int(),
		changed: z.array(z.string()),
		unitsAdded: z.array(z.string()),
		unitsRemoved: z.array(z.string()),
	}),
	"assurance_audit.created": z.object({
		title: z.string(),
		kind: z.enum(["planned", "ad_hoc"]),
		fiscalYear: z.number().int(),
		yearlyPlanId: z.string().nullable(),
		reason: z.string().nullable(),
		team,
		unitIds: z.array(z.string()),
	}),
	/** The implementation plan changed: `changed` names the fields. */
	"assurance_audit.updated": z.object({ title: z.string(), changed: z.array(z.string()) }),
	"assurance_audit.team_changed": z.object({ title: z.string(), before: team, after: team }),
	"assurance_audit.units_changed": z.object({
		title: z.string(),
		added: z.array(z.string()),
		removed: z.array(z.string()),
	}),
	"assurance_audit.advanced": z.object({
		title: z.string(),
		from: z.string(),
		to: z.string(),
	}),
} as const;
