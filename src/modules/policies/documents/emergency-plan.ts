import { Problem, type ProblemCode } from "../../../shared/problem.ts";
import type { Role } from "../../authz/roles.ts";
import { loadBundledPack } from "../pack/load-pack.ts";
import type { Approval, PolicyRole } from "../pack/organisation.schema.ts";
import type { EmergencyPlan, PolicyPack } from "../pack/pack.schema.ts";
import type { SectionInput } from "./content.ts";

/**
 * The emergency response plan (緊急時対応計画) as the tenant's pack names it. A pack stored before
 * packs could name one states none; its plan then takes the pack's `incident.planName`, stays
 * non-public and starts from the standard pack's parts, as reporting rules fall back to the
 * standard pack's.
 */
export function emergencyPlanOf(pack: PolicyPack): EmergencyPlan {
	const named = pack.documents.emergencyPlan;
	if (named) return named;
	const standard = loadBundledPack("standard").documents.emergencyPlan;
	return {
		name: pack.incident.planName,
		publication: "non_public",
		sections: standard?.sections ?? [],
	};
}

/**
 * The publication a plan gets: public only when the pack says so; a plan holds contacts and
 * operational steps, so what the pack could not confirm stays non-public.
 */
export function planPublication(plan: Pick<EmergencyPlan, "publication">): "public" | "non_public" {
	return plan.publication === "public" ? "public" : "non_public";
}

/**
 * The sections a new plan's first draft starts from: each expected part of the pack's plan as a
 * heading, its guidance as the text to replace.
 *
 * @example
 * planTemplate(pack)[0]?.title; // "連絡体制"
 */
export function planTemplate(pack: PolicyPack): SectionInput[] {
	return emergencyPlanOf(pack).sections.map((part) => ({
		label: part.label,
		title: part.title.ja,
		body: part.guidance?.ja ?? "",
		children: [],
	}));
}

function unique(roles: readonly Role[]): Role[] {
	return [...new Set(roles)];
}

/**
 * The roles an access approval of the pack lets read a non-public document: the approver (every
 * committee member when the committee decides), its delegate and those notified.
 */
export function readerRolesOf(pack: PolicyPack, access: Approval): Role[] {
	const named: PolicyRole[] =
		access.approver === "committee"
			? (pack.organisation.committee?.members ?? [])
			: [access.approver];
	return unique([
		...named,
		...(access.delegate ? [access.delegate] : []),
		...(access.notify ?? []),
	]);
}

/**
 * Who may read the plan: the pack's `approvals.emergencyPlanAccess`, or, when it names none, the
 * readers of the non-public procedures (実施手順).
 */
export function planReaderRoles(pack: PolicyPack): Role[] {
	const approvals = pack.organisation.approvals;
	return readerRolesOf(pack, approvals.emergencyPlanAccess ?? approvals.proceduresAccess);
}

/** Issue codes of the plan's rules; their text is in the web's emergency-plan catalogue. */
export type PlanIssueCode = "emergency_plan_exists" | "document_has_no_template";

/** A refusal about the plan, with one coded issue on `path`. */
export function planIssue(
	code: ProblemCode,
	path: string,
	issue: PlanIssueCode,
	message: string,
): Problem {
	return new Problem(code, `${path}: ${message}`, {
		issues: [{ path, code: issue, message, params: { field: path } }],
	});
}
