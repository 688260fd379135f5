import { z } from "zod";
import { ALWAYS, items, localizedTextSchema, prop, reportDuplicates } from "./pack.primitives.ts";

/**
 * The roles a reporting chain may name: those who can open a case they are told of (the managers
 * of its units through their units, the others for every case). 情報システム管理者 and auditors
 * are not in the chain.
 */
export const CHAIN_ROLES = [
	"section_manager",
	"department_officer",
	"chief_officer",
	"ciso",
	"csirt",
] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

/** Who takes reports in and speaks for the case: the CSIRT, or where a policy sets none, 統括 or the CISO. */
export const CONTACT_POINTS = ["csirt", "chief_officer", "ciso"] as const;

const severityStep = z.number().int().min(1).max(5);

/** One link of the chain: a role told of every triaged case from this severity on. */
export const chainStepSchema = z.strictObject({
	role: z.enum(CHAIN_ROLES),
	/**
	 * The lowest step of the pack's impact scale (1 = lowest) at which this role is told.
	 * `section_manager` and `department_officer` are resolved through the case's units: the
	 * holders nearest above each unit (the unit itself first, then its parents).
	 */
	fromSeverity: severityStep,
	note: localizedTextSchema.optional(),
});

/**
 * The reporting chain of incident response (報告経路) as data: staff report to the contact point,
 * which triages; who must then be told, by severity; when an unacknowledged severe case goes to
 * the CISO; and how early the contact point and the CISO are reminded of legal reports due.
 * Packs without it use the standard pack's, whose values are:
 *
 * - contact point `csirt`;
 * - 情報セキュリティ管理者 (`section_manager`) of the case's units from severity 1,
 *   情報セキュリティ責任者 (`department_officer`) and 統括 (`chief_officer`) from 2, the CISO from 3;
 * - escalation to the CISO of a case of severity 3 whose notifications are not all acknowledged
 *   within 2 hours;
 * - reminders of 速報 / 確報 from 2 days before their due date, and every day once overdue.
 */
export const incidentChainSchema = z.strictObject({
	contactPoint: z.enum(CONTACT_POINTS),
	notify: z
		.array(chainStepSchema)
		.min(1)
		.max(10)
		.superRefine((list, ctx) => reportDuplicates(list, ["role"], ctx), ALWAYS),
	escalation: z.strictObject({
		/** Cases of this severity or above escalate; absent: the top step of the impact scale. */
		fromSeverity: severityStep.optional(),
		/** Hours (wall clock, nights and holidays included) the chain has to acknowledge. */
		afterHours: z.number().int().min(1).max(168),
		note: localizedTextSchema.optional(),
	}),
	deadlineReminders: z.strictObject({
		/** Days before a due date from which the daily reminder starts (0: on the day). */
		daysBefore: z.number().int().min(0).max(30),
	}),
	note: localizedTextSchema.optional(),
});

export type IncidentChain = z.infer<typeof incidentChainSchema>;

interface IssueSink {
	addIssue(issue: { code: "custom"; message: string; path: PropertyKey[] }): void;
}

/**
 * Rules across the pack: severities lie on the pack's impact scale, and a CSIRT as contact point
 * needs a CSIRT. Reads the (possibly malformed) pack defensively, as every cross-field check does.
 */
export function checkIncidentChain(pack: unknown, ctx: IssueSink): void {
	const incident = prop(pack, "incident");
	const chain = prop(incident, "chain");
	if (chain === undefined) return;
	const size = prop(prop(pack, "riskMatrix"), "size") ?? 3;
	const beyond = (value: unknown) => typeof value === "number" && value > Number(size);
	const path = ["incident", "chain"];
	items(prop(chain, "notify")).forEach((step, index) => {
		if (beyond(prop(step, "fromSeverity"))) {
			ctx.addIssue({
				code: "custom",
				message: `the impact scale has ${size} steps`,
				path: [...path, "notify", index, "fromSeverity"],
			});
		}
	});
	if (beyond(prop(prop(chain, "escalation"), "fromSeverity"))) {
		ctx.addIssue({
			code: "custom",
			message: `the impact scale has ${size} steps`,
			path: [...path, "escalation", "fromSeverity"],
		});
	}
	if (prop(chain, "contactPoint") === "csirt" && prop(incident, "csirt") !== true) {
		ctx.addIssue({
			code: "custom",
			message: "the contact point is the CSIRT, but the pack declares none (incident.csirt)",
			path: [...path, "contactPoint"],
		});
	}
}
