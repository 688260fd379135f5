import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { listOrgUnits } from "../../src/modules/org/org.repository.ts";
import { currentTenantPack } from "../../src/modules/policies/pack/tenant-pack.repository.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { runCli } from "../helpers/cli.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface PackView {
	version: number;
	source: string;
	pack: {
		id: string;
		scope: { agencies: { code: string; name: { ja: string } }[] };
		threats: { code: string }[];
		revisions: { date: string }[];
		classification: { defaultScheme: string; schemes: { code: string; kind: string }[] };
	};
	allowedActions: string[];
}

test("Saga and Kitakyushu run side by side, each with its own pack, agencies and threats", async () => {
	const made = await inTransaction(runtime.db, async (tx) => ({
		saga: await createTenant(
			tx,
			{ label: "test", ip: null },
			{ slug: "saga-x", name: "佐賀市", pack: "saga" },
		),
		kita: await createTenant(
			tx,
			{ label: "test", ip: null },
			{ slug: "kita-x", name: "北九州市", pack: "kitakyushu" },
		),
	}));
	const view = async (tenantId: string) => {
		const tenant =
			(await findTenantBySlug(runtime.db, tenantId === made.saga.id ? "saga-x" : "kita-x")) ??
			assert.fail();
		const staff = await makeAccount(runtime, tenant);
		const client = await activeClient(runtime, app, staff);
		return expectJson<PackView>(await client.get("/api/policy-pack"));
	};
	const saga = await view(made.saga.id);
	const kita = await view(made.kita.id);

	assert.equal(saga.pack.id, "saga");
	assert.equal(saga.source, "bundled:saga");
	assert.equal(saga.version, 1);
	assert.equal(saga.pack.scope.agencies.length, 7);
	assert.equal(saga.pack.threats.length, 6);
	assert.equal(saga.pack.revisions.length, 9);
	assert.equal(kita.pack.id, "kitakyushu");
	assert.equal(kita.pack.threats.length, 5);
	assert.equal(kita.pack.revisions.length, 0);
	assert.notEqual(saga.pack.classification.defaultScheme, kita.pack.classification.defaultScheme);
	// The authors' notes (how a value was read or assumed) stay with the pack, not on screens.
	for (const shown of [saga, kita]) {
		assert.ok(!("provenance" in shown.pack), "no authors' notes in the API");
		assert.doesNotMatch(JSON.stringify(shown.pack), /当方|未確認|仮定|仮置/u);
	}
	const stored = await currentTenantPack(runtime.db, made.saga.id);
	assert.ok(stored?.pack.provenance.notes?.some((n) => n.path === "network.model"));

	// The agencies in scope became each tenant's top-level org units.
	const sagaUnits = await listOrgUnits(runtime.db, made.saga.id);
	assert.deepEqual(
		sagaUnits
			.filter((u) => u.kind === "agency")
			.map((u) => u.code)
			.sort(),
		saga.pack.scope.agencies.map((a) => a.code).sort(),
	);
	assert.ok(sagaUnits.some((u) => u.name === "教育委員会事務局"));
	const kitaUnits = await listOrgUnits(runtime.db, made.kita.id);
	assert.deepEqual(
		kitaUnits
			.filter((u) => u.kind === "agency")
			.map((u) => u.name)
			.sort(),
		kita.pack.scope.agencies.map((a) => a.name.ja).sort(),
	);
});

test("the instance API creates tenants from bundled packs only", async () => {
	const home = await makeTenant(runtime);
	const boss = await makeAccount(runtime, home, { roles: ["instance_admin"] });
	const client = await activeClient(runtime, app, boss);
	const created = await expectJson<{ slug: string; pack: string }>(
		await client.post("/api/tenants", { slug: "kita-api", name: "北九州市", pack: "kitakyushu" }),
		201,
	);
	assert.equal(created.pack, "kitakyushu");
	const stored = (await findTenantBySlug(runtime.db, "kita-api")) ?? assert.fail("stored");
	assert.equal((await currentTenantPack(runtime.db, stored.id))?.pack.id, "kitakyushu");

	const byPath = await client.post("/api/tenants", {
		slug: "evil",
		name: "x",
		pack: "/etc/passwd",
	});
	const problem = await expectProblem(byPath, 400, "validation_failed");
	assert.deepEqual(
		problem.issues?.map((i) => i.path),
		["pack"],
	);
	assert.equal(await findTenantBySlug(runtime.db, "evil"), undefined);
});

test("tenant add takes a pack file; a malformed one names every bad field and creates nothing", async () => {
	const place = { dataDir: runtime.dataDir, databaseUrl: runtime.databaseUrl };
	const packPath = new URL("../../src/modules/policies/pack/packs/standard.yaml", import.meta.url);
	const custom = readFileSync(packPath, "utf8").replace(/^id: standard$/m, "id: my-city");
	const good = join(runtime.dataDir, "my-city.yaml");
	writeFileSync(good, custom);
	const added = await runCli(
		["tenant", "add", "--name", "my-city", "--pack", good, "--title", "わが市"],
		place,
	);
	assert.equal(added.code, 0, JSON.stringify(added));
	assert.match(added.stdout, /pack my-city from file:my-city\.yaml/);
	const tenant = (await findTenantBySlug(runtime.db, "my-city")) ?? assert.fail("stored");
	assert.equal((await currentTenantPack(runtime.db, tenant.id))?.source, "file:my-city.yaml");

	const bad = join(runtime.dataDir, "bad-city.yaml");
	writeFileSync(
		bad,
		custom
			.replace(/^id: my-city$/m, "id: bad-city\nunknownKey: 1")
			.replace(/^formatVersion: 1$/m, "formatVersion: two"),
	);
	const refused = await runCli(["tenant", "add", "--name", "bad-city", "--pack", bad], place);
	assert.equal(refused.code, 1);
	assert.equal(refused.stderr.trim().split("\n").length, 1, refused.stderr);
	assert.match(refused.stderr, /formatVersion/);
	assert.match(refused.stderr, /unknownKey/);
	assert.equal(await findTenantBySlug(runtime.db, "bad-city"), undefined, "nothing was created");
});
