import { z } from "zod";

/**
 * Audit events of the findings register (assurance/findings), merged into the catalogue of
 * audit-log.events.ts. The finding's timeline holds names and texts; the log holds what changed,
 * the reference and account ids.
 */
export const FINDING_EVENTS = {
	"finding.raised": z.object({
		reference: z.string(),
		source: z.string(),
		sourceRef: z.string().nullable(),
		clause: z.string(),
		severity: z.string(),
		ownerUnitId: z.string(),
	}),
	/** A corrective action planned, or its plan changed (a new owner or due date). */
	"finding.planned": z.object({
		reference: z.string(),
		ownerId: z.string(),
		dueOn: z.string(),
		replanned: z.boolean(),
	}),
	"finding.evidence_added": z.object({
		reference: z.string(),
		evidenceId: z.string(),
		fileName: z.string(),
		sha256: z.string(),
		size: z.number().int(),
	}),
	"finding.done": z.object({ reference: z.string(), evidence: z.number().int() }),
	"finding.verified": z.object({ reference: z.string(), doneBy: z.string() }),
	/** The verifier found the action wanting and returned it to its owner. */
	"finding.reopened": z.object({ reference: z.string(), comment: z.string() }),
	"finding.risk_linked": z.object({
		reference: z.string(),
		riskId: z.string(),
		created: z.boolean(),
	}),
	"finding.accepted_as_risk": z.object({
		reference: z.string(),
		riskId: z.string(),
		reason: z.string(),
		approverRole: z.string(),
	}),
	/** The daily sweep told the owner unit's managers and the CISO that the action is overdue. */
	"finding.overdue_notified": z.object({
		reference: z.string(),
		dueOn: z.string(),
		accountIds: z.array(z.string()),
	}),
	"finding.exported": z.object({
		format: z.enum(["xlsx"]),
		rows: z.number().int(),
		filter: z.record(z.string(), z.string()),
	}),
} as const;
