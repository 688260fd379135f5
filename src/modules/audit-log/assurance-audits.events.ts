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
	/** The checklist version fieldwork answers was chosen (or changed, before any result). */
	"assurance_audit.checklist_chosen": z.object({
		title: z.string(),
		checklistVersionId: z.string().nullable(),
		previousVersionId: z.string().nullable(),
		checklist: z.string().nullable(),
		version: z.number().int().nullable(),
	}),
	/** A fieldwork result of one audited unit and checklist item, recorded or changed. */
	"assurance_audit.result_recorded": z.object({
		title: z.string(),
		unitId: z.string(),
		itemId: z.string(),
		number: z.string(),
		result: z.string(),
		levelIndex: z.number().int().nullable(),
		previous: z.string().nullable(),
	}),
	"assurance_audit.evidence_added": z.object({
		title: z.string(),
		unitId: z.string(),
		itemId: z.string(),
		evidenceId: z.string(),
		fileName: z.string(),
		sha256: z.string(),
		size: z.number().int(),
	}),
	/** A いいえ of the fieldwork raised as a finding of the register. */
	"assurance_audit.finding_raised": z.object({
		title: z.string(),
		unitId: z.string(),
		itemId: z.string(),
		findingId: z.string(),
		reference: z.string(),
		severity: z.string(),
	}),
	"assurance_audit.report_exported": z.object({
		title: z.string(),
		format: z.enum(["pdf", "xlsx"]),
	}),
} as const;
