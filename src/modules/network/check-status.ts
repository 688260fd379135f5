import type { Queryable } from "../../db/queryable.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { checkModel } from "./check-model.ts";
import { networkPolicy } from "./network.policy.ts";
import { readStoredModel, requireTenantPack } from "./read-model.ts";

/** Where the three-tier check of the stored model stands. */
export interface NetworkCheckStatus {
	/** Saved revisions; 0 while the tenant has only the starter model. */
	revision: number;
	updatedAt: string | null;
	compliant: boolean;
	violations: number;
	violatingFlows: number;
	violatingNodes: number;
}

/**
 * The latest check of the tenant's stored network model against its pack: compliant or not, and
 * how many breaches on how many flows and nodes. The yearly status report calls this.
 *
 * @throws Problem `not_found` when the tenant has no policy pack
 * @example
 * const { compliant, violations } = await networkCheckStatus(db, actor);
 */
export async function networkCheckStatus(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<NetworkCheckStatus> {
	authorize(actor, networkPolicy, "network.read");
	const pack = await requireTenantPack(db, actor.tenantId);
	const stored = await readStoredModel(db, actor.tenantId);
	const report = checkModel(stored.model, pack.pack, { asOf: now.toISOString().slice(0, 7) });
	return {
		revision: stored.revision,
		updatedAt: stored.updatedAt,
		compliant: report.compliant,
		violations: report.stats.violations,
		violatingFlows: report.stats.violatingFlows,
		violatingNodes: report.stats.violatingNodes,
	};
}
