import { ruleIssue, ruleProblem } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { mayNest, type OrgUnitKind } from "./org-rules.ts";

/** Refuse a unit of `kind` under a parent of `parentKind` (部局 under an agency, and so on). */
export function assertMayNest(parentKind: OrgUnitKind | null, kind: OrgUnitKind): void {
	if (mayNest(parentKind, kind)) return;
	if (parentKind === null) {
		throw ruleProblem(
			"validation_failed",
			`a unit of kind ${kind} cannot be placed at the top`,
			"parentId",
			"org_unit_needs_parent",
			{ kind },
			"not allowed at the top",
		);
	}
	throw new Problem(
		"validation_failed",
		`a unit of kind ${kind} cannot be placed under a unit of kind ${parentKind}`,
		{
			issues: [
				ruleIssue("parentId", "org_unit_kind_not_allowed", `not allowed under ${parentKind}`, {
					kind,
					parentKind,
				}),
			],
		},
	);
}
