/**
 * Drift between the network model and the asset ledger: the ledger records which tier each
 * system lives in (its zone); the model places nodes, which may name the ledger's asset. When
 * the two disagree, one of them is out of date, and the CISO should know which systems.
 */

/** Zones as the asset ledger records them. */
export const LEDGER_ZONES = ["mynumber", "lgwan", "internet", "standalone", "other"] as const;
export type LedgerZone = (typeof LEDGER_ZONES)[number];

/** A system asset as `listSystemAssetZones` returns it. */
export interface AssetZone {
	assetId: string;
	assetCode: string;
	name: string;
	zone: string | null;
}

/** Where the model puts a node that names a ledger asset; `zone` in the ledger's terms. */
export interface NodePlacement {
	nodeId: string;
	nodeName: string;
	assetId: string;
	/** The ledger zone matching the node's segment, or null where none matches (the Internet). */
	zone: LedgerZone | null;
}

export const DRIFT_KINDS = [
	/** The ledger and the model put the system in different tiers. */
	"zone_mismatch",
	/** The model names an asset the ledger does not have (deleted, or a typo). */
	"asset_unknown",
	/** The ledger records no zone for a system the model places. */
	"ledger_zone_missing",
	/** The ledger puts a system in one of the three tiers, and no node of the model is it. */
	"not_in_model",
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface DriftItem {
	kind: DriftKind;
	assetId: string;
	assetCode: string | null;
	assetName: string | null;
	nodeId: string | null;
	nodeName: string | null;
	ledgerZone: string | null;
	modelZone: LedgerZone | null;
}

const TIERS: ReadonlySet<string> = new Set(["mynumber", "lgwan", "internet"]);

/**
 * Compare the model's placements with the ledger. Ordered by kind, then asset code.
 *
 * @example
 * detectDrift([{ nodeId: "n1", nodeName: "住基", assetId: "a1", zone: "lgwan" }],
 *   [{ assetId: "a1", assetCode: "SYS-001", name: "住基", zone: "mynumber" }]);
 * // → [{ kind: "zone_mismatch", ledgerZone: "mynumber", modelZone: "lgwan", … }]
 */
export function detectDrift(
	placements: readonly NodePlacement[],
	assets: readonly AssetZone[],
): DriftItem[] {
	const byId = new Map(assets.map((asset) => [asset.assetId, asset]));
	const placed = new Set<string>();
	const items: DriftItem[] = [];
	for (const node of placements) {
		placed.add(node.assetId);
		const asset = byId.get(node.assetId);
		const base = {
			assetId: node.assetId,
			assetCode: asset?.assetCode ?? null,
			assetName: asset?.name ?? null,
			nodeId: node.nodeId,
			nodeName: node.nodeName,
			ledgerZone: asset?.zone ?? null,
			modelZone: node.zone,
		};
		if (!asset) items.push({ kind: "asset_unknown", ...base });
		else if (asset.zone === null) items.push({ kind: "ledger_zone_missing", ...base });
		else if (asset.zone !== node.zone) items.push({ kind: "zone_mismatch", ...base });
	}
	for (const asset of assets) {
		if (placed.has(asset.assetId) || asset.zone === null || !TIERS.has(asset.zone)) continue;
		items.push({
			kind: "not_in_model",
			assetId: asset.assetId,
			assetCode: asset.assetCode,
			assetName: asset.name,
			nodeId: null,
			nodeName: null,
			ledgerZone: asset.zone,
			modelZone: null,
		});
	}
	const order = (kind: DriftKind) => DRIFT_KINDS.indexOf(kind);
	return items.sort(
		(a, b) =>
			order(a.kind) - order(b.kind) ||
			(a.assetCode ?? a.assetId).localeCompare(b.assetCode ?? b.assetId) ||
			(a.nodeId ?? "").localeCompare(b.nodeId ?? ""),
	);
}
