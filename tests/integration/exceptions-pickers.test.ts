import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { saveNetworkModel } from "../../src/modules/network/save-model.ts";
import { makeVersion } from "../helpers/documents-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { sampleNetworkModel } from "../helpers/network-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * What the request form picks from instead of typed ids: clauses of the published documents the
 * caller may read, the rules of the three-tier check, and flows and nodes of the network model
 * (only for those who read the network; the others still give ids, which the API accepts as before).
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface Options {
	clauses: { text: string; document: string }[];
	networkRules: { id: string; clause: string }[];
	networkPicker: boolean;
}
interface Targets {
	items: { id: string; label: string }[];
}

test("the form's options: clauses of readable published documents, the check's rules, and the network picker for network readers", async () => {
	const tenant = await makeTenant(runtime);
	await inTransaction(runtime.db, (tx) =>
		saveNetworkModel(tx, systemActor(tenant.id, "test"), sampleNetworkModel(), { source: "edit" }),
	);
	const open = await makeVersion(runtime, tenant.id, "published");
	const closed = await makeVersion(runtime, tenant.id, "published", {
		publication: "non_public",
		kind: "procedures",
	});
	const ciso = await activeClient(
		runtime,
		app,
		await makeAccount(runtime, tenant, { roles: ["ciso"] }),
	);
	const manager = await activeClient(
		runtime,
		app,
		await makeAccount(runtime, tenant, { roles: ["section_manager"] }),
	);

	const forCiso = await expectJson<Options>(await ciso.get("/api/exceptions/options"));
	assert.equal(forCiso.networkPicker, true);
	assert.ok(forCiso.networkRules.some((rule) => rule.id === "tier-isolation" && rule.clause));
	const texts = forCiso.clauses.map((clause) => clause.text);
	assert.ok(texts.includes(`${open.title} １ 目的`), texts.join(" | "));
	assert.ok(texts.includes(`${open.title} ２ （１）`), "sub-clauses keep the labels above");

	const forManager = await expectJson<Options>(await manager.get("/api/exceptions/options"));
	assert.equal(forManager.networkPicker, false);
	const managerDocs = new Set(forManager.clauses.map((clause) => clause.document));
	assert.ok(managerDocs.has(open.title));
	assert.ok(!managerDocs.has(closed.title), "a non-public document only for its readers");

	const flows = await expectJson<Targets>(
		await ciso.get("/api/exceptions/targets?kind=flow&q=F-BAD"),
	);
	assert.deepEqual(
		flows.items.map((item) => item.id),
		["f-bad"],
	);
	assert.match(flows.items[0]?.label ?? "", /→/);
	const nodes = await expectJson<Targets>(
		await ciso.get(`/api/exceptions/targets?kind=node&q=${encodeURIComponent("LGWAN系端末")}`),
	);
	assert.deepEqual(
		nodes.items.map((item) => [item.id, item.label]),
		[["lg-pc", "LGWAN系端末"]],
	);
	const all = await expectJson<Targets>(
		await ciso.get("/api/exceptions/targets?kind=flow&limit=1"),
	);
	assert.equal(all.items.length, 1);

	// The network layout is a system document: a 管理者 who does not read it gets no picker.
	await expectProblem(await manager.get("/api/exceptions/targets?kind=flow&q=f"), 403, "forbidden");
});
