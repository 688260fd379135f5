import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { term } from "../../src/shared/vocabulary.ts";
import { ja } from "../../src/web/i18n/ja.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { openSession, unique } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** Exports speak the words of the screen: one vocabulary, shared by the web and the server. */

const runtime = await createTestRuntime();
const app = createApp(runtime);
after(() => runtime.cleanup());

let tenant: TenantRow;
let unit: OrgUnitTable;
let admin: TestClient;

before(async () => {
	tenant = await makeTenant(runtime);
	unit = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: unique("ou"),
			name: "情報政策課",
			kind: "section",
			parentId: null,
		}),
	);
	const root = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	admin = new TestClient(app, await openSession(runtime, root));
});

test("the ledger export writes each state with the word the screen shows", async () => {
	const states = ["in_use", "taken_out", "disposed", "returned"] as const;
	const codes = new Map<string, string>();
	for (const lifecycle of states) {
		const asset = await makeAsset(runtime, tenant.id, unit.id, { lifecycle, zone: "lgwan" });
		codes.set(asset.code, lifecycle);
	}
	const response = await admin.get("/api/assets/export?format=csv");
	assert.equal(response.status, 200);
	const table = await readTable(new Uint8Array(await response.arrayBuffer()));
	const header = table.rows[0] ?? [];
	const byCode = new Map(table.rows.slice(1).map((cells) => [cells[0], cells]));
	for (const [code, lifecycle] of codes) {
		const cells = byCode.get(code);
		const onScreen = Object.getOwnPropertyDescriptor(ja, `assets.lifecycle.${lifecycle}`)?.value;
		assert.equal(cells?.[header.indexOf("状態")], onScreen, lifecycle);
		assert.equal(cells?.[header.indexOf("状態")], term("lifecycle", lifecycle));
		assert.equal(cells?.[header.indexOf("ネットワーク区分")], ja["assets.zone.lgwan"]);
	}
	assert.deepEqual(
		[...codes.keys()].map((code) => byCode.get(code)?.[header.indexOf("状態")]),
		["使用中", "持ち出し中", "廃棄済み", "返却済み"],
	);
});
