import { z } from "zod";

/**
 * Audit events of incident response's reporting chain (who was told of a case, who acknowledged,
 * the escalation to the CISO, reminders of legal reports due), merged into the catalogue of
 * audit-log.events.ts. Names stay on the case's timeline; the log holds account ids.
 */
export const INCIDENT_CHAIN_EVENTS = {
	/** The chain told people of a triaged case; `gaps` are roles of the chain nobody holds. */
	"incident.chain_notified": z.object({
		reference: z.string(),
		reason: z.enum(["triage", "severity_raised", "units_changed"]),
		severity: z.number().int(),
		accountIds: z.array(z.string()),
		gaps: z.array(z.string()),
	}),
	/** A person acknowledged what they were told of a case (`notices` waiting notices). */
	"incident.acknowledged": z.object({
		reference: z.string(),
		notices: z.number().int(),
		reasons: z.array(z.string()),
	}),
	/** A severe case whose chain had not acknowledged in time went to the CISO. */
	"incident.escalated": z.object({
		reference: z.string(),
		severity: z.number().int(),
		afterHours: z.number().int(),
		waiting: z.array(z.string()),
		accountIds: z.array(z.string()),
	}),
	/** The contact point and the CISO were reminded of a legal report due soon or overdue. */
	"incident.deadline_reminded": z.object({
		reference: z.string(),
		obligation: z.string(),
		stage: z.enum(["preliminary", "final"]),
		due: z.string(),
		overdue: z.boolean(),
		accountIds: z.array(z.string()),
	}),
} as const;
