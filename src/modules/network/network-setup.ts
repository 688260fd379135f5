import type { Queryable } from "../../db/queryable.ts";
import { readStoredModel } from "./read-model.ts";

/** Whether the tenant has drawn its three-tier model, for the first-steps checklist on Home. */
export interface NetworkSetupStatus {
	/** Saved revisions; 0 while the tenant sees only the starter model. */
	revision: number;
	/** Nodes (terminals, servers, gateways' ends) in the model. */
	nodes: number;
}

/**
 * The stored model's revision and size; the starter model counts as not set up.
 *
 * @example
 * const { revision } = await networkSetupStatus(db, tenantId);
 */
export async function networkSetupStatus(
	db: Queryable,
	tenantId: string,
): Promise<NetworkSetupStatus> {
	const stored = await readStoredModel(db, tenantId);
	return { revision: stored.revision, nodes: stored.model.nodes.length };
}
