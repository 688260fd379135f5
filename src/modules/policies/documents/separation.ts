import type { Queryable } from "../../../db/queryable.ts";
import { Problem } from "../../../shared/problem.ts";
import type { Actor } from "../../authz/roles.ts";
import type { PolicyPack } from "../pack/pack.schema.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import type { VersionRow } from "./documents.repository.ts";

/** Whether the pack keeps the drafter of a revision out of its decision (起案者 ≠ 決裁者). */
export function separatesDrafter(pack: PolicyPack | undefined): boolean {
	return pack?.organisation.approvals.policy.separateDrafter === true;
}

/** Whether the tenant's current pack keeps drafters out of decisions. */
export async function tenantSeparatesDrafter(db: Queryable, tenantId: string): Promise<boolean> {
	return separatesDrafter((await currentTenantPack(db, tenantId))?.pack);
}

/** Whether the actor drafted the version or sent it for review. */
export function isDrafterOf(
	actor: Actor,
	version: Pick<VersionRow, "created_by" | "submitted_by">,
) {
	return version.created_by === actor.accountId || version.submitted_by === actor.accountId;
}

/**
 * Refuse the drafter's own approval or publication when the pack separates them: a `forbidden`
 * problem with the issue code `drafter_may_not_decide` for the catalogue.
 *
 * @example
 * assertNotDrafter(separatesDrafter(pack), actor, version, "approve");
 */
export function assertNotDrafter(
	separate: boolean,
	actor: Actor,
	version: Pick<VersionRow, "created_by" | "submitted_by" | "number">,
	step: "approve" | "publish",
): void {
	if (!separate || !isDrafterOf(actor, version)) return;
	throw new Problem(
		"forbidden",
		`you drafted version ${version.number}; the policy requires someone else to ${step} it`,
		{
			issues: [
				{
					path: "",
					message: "the drafter may not decide",
					code: "drafter_may_not_decide",
					params: { step },
				},
			],
		},
	);
}
