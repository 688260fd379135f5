import type { Queryable } from "../../db/queryable.ts";
import type { LedgerZone } from "./drift.ts";
import { modelPlacements } from "./model-drift.ts";
import { readStoredModel } from "./read-model.ts";

/**
 * Where the tenant's network model places the given ledger assets, in the ledger's terms
 * (`mynumber`, `lgwan`, …; null where no tier matches). Assets no node names are absent. For
 * registers that require a tier of what they link (My Number data stays in the My Number tier).
 *
 * @example
 * const zones = await modelZonesOfAssets(db, tenantId, [assetId]); // Map { assetId → "lgwan" }
 */
export async function modelZonesOfAssets(
	db: Queryable,
	tenantId: string,
	assetIds: readonly string[],
): Promise<Map<string, LedgerZone | null>> {
	const wanted = new Set(assetIds);
	const zones = new Map<string, LedgerZone | null>();
	if (wanted.size === 0) return zones;
	const stored = await readStoredModel(db, tenantId);
	for (const placement of modelPlacements(stored.model)) {
		if (!wanted.has(placement.assetId)) continue;
		// A node outside the tier wins: one misplaced copy is enough to flag.
		if (zones.get(placement.assetId) && zones.get(placement.assetId) !== "mynumber") continue;
		zones.set(placement.assetId, placement.zone);
	}
	return zones;
}
