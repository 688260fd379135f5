import assert from "node:assert/strict";
import { test } from "node:test";
import { type AssetZone, detectDrift, type NodePlacement } from "./drift.ts";

const asset = (
	assetId: string,
	zone: string | null,
	assetCode = assetId.toUpperCase(),
): AssetZone => ({
	assetId,
	assetCode,
	name: `システム ${assetId}`,
	zone,
});
const node = (nodeId: string, assetId: string, zone: NodePlacement["zone"]): NodePlacement => ({
	nodeId,
	nodeName: `ノード ${nodeId}`,
	assetId,
	zone,
});

test("a node placed where the ledger says shows no drift", () => {
	assert.deepEqual(detectDrift([node("n1", "a1", "mynumber")], [asset("a1", "mynumber")]), []);
});

test("a system the ledger puts in マイナンバー利用事務系 but the model in LGWAN接続系 is a mismatch", () => {
	const [item, ...rest] = detectDrift([node("n1", "a1", "lgwan")], [asset("a1", "mynumber")]);
	assert.deepEqual(rest, []);
	assert.deepEqual(item, {
		kind: "zone_mismatch",
		assetId: "a1",
		assetCode: "A1",
		assetName: "システム a1",
		nodeId: "n1",
		nodeName: "ノード n1",
		ledgerZone: "mynumber",
		modelZone: "lgwan",
	});
});

test("an asset id the ledger lacks, and a ledger system without a zone, are flagged apart", () => {
	const items = detectDrift(
		[node("n1", "gone", "lgwan"), node("n2", "a2", "internet")],
		[asset("a2", null)],
	);
	assert.deepEqual(
		items.map((i) => [i.kind, i.nodeId, i.assetCode]),
		[
			["asset_unknown", "n1", null],
			["ledger_zone_missing", "n2", "A2"],
		],
	);
});

test("tier systems no node names are listed; standalone and other systems are not", () => {
	const items = detectDrift(
		[node("n1", "a1", "lgwan")],
		[
			asset("a1", "lgwan"),
			asset("a3", "internet", "SYS-3"),
			asset("a4", "standalone"),
			asset("a5", "other"),
			asset("a6", null),
			asset("a2", "mynumber", "SYS-2"),
		],
	);
	assert.deepEqual(
		items.map((i) => [i.kind, i.assetCode, i.ledgerZone]),
		[
			["not_in_model", "SYS-2", "mynumber"],
			["not_in_model", "SYS-3", "internet"],
		],
	);
});

test("two nodes naming one asset are compared each; a node with no matching zone is a mismatch", () => {
	const items = detectDrift(
		[node("n2", "a1", "internet"), node("n1", "a1", "lgwan"), node("n3", "a1", null)],
		[asset("a1", "lgwan")],
	);
	assert.deepEqual(
		items.map((i) => [i.kind, i.nodeId, i.modelZone]),
		[
			["zone_mismatch", "n2", "internet"],
			["zone_mismatch", "n3", null],
		],
	);
});
