import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { ModelDrift } from "../../src/modules/network/model-drift.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import { sampleNetworkModel } from "../helpers/network-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
before(async () => {
	runtime = await createTestRuntime();
});
after(() => runtime.cleanup());

test("drift: the ledger's tier against the model's placement, for each system the model names", async () => {
	const app = createApp(runtime);
	const tenant = await makeTenant(runtime);
	const unit = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: "it",
			name: "情報政策課",
			kind: "section",
			parentId: null,
		}),
	);
	const jumin = await makeAsset(runtime, tenant.id, unit.id, { code: "SYS-001", zone: "mynumber" });
	const mail = await makeAsset(runtime, tenant.id, unit.id, {
		code: "SYS-002",
		name: "メールサーバ",
		zone: "lgwan",
	});
	await makeAsset(runtime, tenant.id, unit.id, {
		code: "SYS-003",
		name: "Web会議",
		zone: "internet",
	});
	const client = await activeClient(
		runtime,
		app,
		await makeAccount(runtime, tenant, { roles: ["system_admin"] }),
	);
	const empty = await expectJson<ModelDrift>(await client.get("/api/network/drift"));
	assert.equal(empty.revision, 0);
	assert.deepEqual(
		empty.items.map((i) => [i.kind, i.assetCode]),
		[
			["not_in_model", "SYS-001"],
			["not_in_model", "SYS-002"],
			["not_in_model", "SYS-003"],
		],
	);

	const model = sampleNetworkModel();
	model.nodes = model.nodes.map((node) =>
		node.id === "jumin"
			? { ...node, assetId: jumin.id }
			: node.id === "mail"
				? { ...node, assetId: mail.id }
				: node.id === "lg-pc"
					? { ...node, assetId: "deleted-asset" }
					: node,
	);
	const saved = await client.request("PUT", "/api/network/model", { model });
	assert.equal(saved.status, 200, await saved.clone().text());

	const drift = await expectJson<ModelDrift>(await client.get("/api/network/drift"));
	assert.equal(drift.revision, 1);
	assert.equal(drift.linkedNodes, 3);
	assert.equal(drift.ledgerSystems, 3);
	assert.deepEqual(
		drift.items.map((i) => [i.kind, i.assetCode, i.nodeId, i.ledgerZone, i.modelZone]),
		[
			["zone_mismatch", "SYS-002", "mail", "lgwan", "internet"],
			["asset_unknown", null, "lg-pc", null, "lgwan"],
			["not_in_model", "SYS-003", null, "internet", null],
		],
	);
});
