import type { Queryable } from "../../db/queryable.ts";
import { listSystemAssetZones } from "../assets/asset-zones.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { type DriftItem, detectDrift, type LedgerZone, type NodePlacement } from "./drift.ts";
import type { NetworkModelFile, SegmentKind } from "./model.schema.ts";
import { networkPolicy } from "./network.policy.ts";
import { readStoredModel } from "./read-model.ts";

/** The ledger's zone for a segment kind: the three tiers and standalone; all else is `other`. */
const LEDGER_ZONE_OF: Record<SegmentKind, LedgerZone> = {
	mynumber: "mynumber",
	lgwan: "lgwan",
	internet: "internet",
	standalone: "standalone",
	lgwan_backbone: "other",
	security_cloud: "other",
	info_provision_network: "other",
	internet_external: "other",
	cloud_service: "other",
};

/** The nodes of a model that name a ledger asset, with the ledger zone of their segment. */
export function modelPlacements(model: NetworkModelFile): NodePlacement[] {
	const kindOf = new Map(model.segments.map((s) => [s.id, s.kind]));
	return model.nodes.flatMap((node) => {
		if (!node.assetId) return [];
		const kind = kindOf.get(node.segment);
		return [
			{
				nodeId: node.id,
				nodeName: node.name ?? node.id,
				assetId: node.assetId,
				zone: kind ? LEDGER_ZONE_OF[kind] : null,
			},
		];
	});
}

export interface ModelDrift {
	revision: number;
	/** Nodes of the model that name a ledger asset. */
	linkedNodes: number;
	/** System assets in the ledger. */
	ledgerSystems: number;
	items: DriftItem[];
}

/** Where the stored model and the asset ledger disagree about a system's tier. */
export async function networkDrift(db: Queryable, actor: Actor): Promise<ModelDrift> {
	authorize(actor, networkPolicy, "network.read");
	const stored = await readStoredModel(db, actor.tenantId);
	const placements = modelPlacements(stored.model);
	const assets = await listSystemAssetZones(db, actor.tenantId);
	return {
		revision: stored.revision,
		linkedNodes: placements.length,
		ledgerSystems: assets.length,
		items: detectDrift(placements, assets),
	};
}
