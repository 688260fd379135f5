import { Problem } from "../../shared/problem.ts";
import { mayNest, type OrgUnitKind } from "./org-rules.ts";

/** Refuse a unit of `kind` under a parent of `parentKind` (部局 under an agency, and so on). */
export function assertMayNest(parentKind: OrgUnitKind | null, kind: OrgUnitKind): void {
	if (!mayNest(parentKind, kind)) {
		throw new Problem(
			"validation_failed",
			`a unit of kind ${kind} cannot be placed under a unit of kind ${parentKind}`,
			{ issues: [{ path: "parentId", message: `not allowed under ${parentKind}` }] },
		);
	}
}
