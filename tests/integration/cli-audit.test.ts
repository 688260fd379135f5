import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { withoutAuditTriggers } from "../helpers/audit-db.ts";
import { runCli } from "../helpers/cli.ts";
import { makeTenant } from "../helpers/factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
before(async () => {
	runtime = await createTestRuntime();
});
after(() => runtime.cleanup());

const run = (...args: string[]) => runCli(args, runtime);

interface VerifyJson {
	intact: boolean;
	tenants: { slug: string; intact: boolean; events: number; brokenAt?: number; reason?: string }[];
}

async function addEvents(tenant: TenantRow, count: number, rt: TestRuntime = runtime) {
	for (let i = 0; i < count; i++) {
		await inTransaction(rt.db, (tx) =>
			createOrgUnit(tx, systemActor(tenant.id, "test"), {
				code: `${tenant.slug}-${i}`,
				name: `課${i}`,
				kind: "section",
				parentId: null,
			}),
		);
	}
}

/** Events a tenant has right after creation (tenant, pack, agencies): the chain's starting length. */
async function eventsOf(tenant: TenantRow, rt: TestRuntime = runtime): Promise<number> {
	const row = await rt.db
		.selectFrom("audit_events")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("tenant_id", "=", tenant.id)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

test("audit verify exits 0 and reports every tenant's chain as intact", async () => {
	const north = await makeTenant(runtime, "north-town");
	const south = await makeTenant(runtime, "south-town");
	const base = await eventsOf(north);
	assert.ok(base >= 1, "tenant creation is audited");
	await addEvents(north, 4);
	await addEvents(south, 2);

	const result = await run("audit", "verify");
	assert.equal(result.code, 0, JSON.stringify(result));
	assert.equal(result.stderr, "");
	assert.match(result.stdout, new RegExp(`^north-town: intact \\(${base + 4} events\\)$`, "m"));
	assert.match(result.stdout, new RegExp(`^south-town: intact \\(${base + 2} events\\)$`, "m"));

	const json = await run("audit", "verify", "--json");
	assert.equal(json.code, 0);
	const parsed = JSON.parse(json.stdout) as VerifyJson;
	assert.equal(parsed.intact, true);
	assert.deepEqual(
		parsed.tenants.map((t) => [t.slug, t.intact, t.events]),
		[
			["north-town", true, base + 4],
			["south-town", true, base + 2],
		],
	);
});

test("after an event is edited in the database, audit verify fails naming tenant and event", async () => {
	// A database of its own, so that the broken chain does not leak into the other tests.
	const tampered = await createTestRuntime();
	try {
		const east = await makeTenant(tampered, "east-town");
		const west = await makeTenant(tampered, "west-town");
		const base = await eventsOf(west, tampered);
		await addEvents(east, 4, tampered);
		await addEvents(west, 2, tampered);
		await withoutAuditTriggers(tampered, () =>
			tampered.db
				.updateTable("audit_events")
				.set({ actor_label: "someone else" })
				.where("tenant_id", "=", east.id)
				.where("seq", "=", 3)
				.execute(),
		);

		const result = await runCli(["audit", "verify"], tampered);
		assert.equal(result.code, 1, JSON.stringify(result));
		assert.match(result.stdout, /^east-town: BROKEN at event 3: event 3 was altered/m);
		assert.match(
			result.stdout,
			new RegExp(`^west-town: intact \\(${base + 2} events\\)$`, "m"),
			"the other tenant is fine",
		);

		const json = JSON.parse(
			(await runCli(["audit", "verify", "--json"], tampered)).stdout,
		) as VerifyJson;
		assert.equal(json.intact, false);
		const broken = json.tenants.find((t) => t.slug === "east-town");
		assert.deepEqual([broken?.intact, broken?.brokenAt], [false, 3]);

		const westOnly = await runCli(["audit", "verify", "--tenant", "west-town"], tampered);
		assert.equal(westOnly.code, 0);
		assert.doesNotMatch(westOnly.stdout, /east-town/);
		const eastOnly = await runCli(["audit", "verify", "--tenant", "east-town"], tampered);
		assert.equal(eastOnly.code, 1);
	} finally {
		await tampered.cleanup();
	}
});

test("audit verify --tenant with an unknown slug fails with one line", async () => {
	const result = await run("audit", "verify", "--tenant", "nope");
	assert.notEqual(result.code, 0);
	assert.equal(result.stdout, "");
	assert.equal(result.errorLines.length, 1, result.stderr);
	assert.match(result.errorLines[0] ?? "", /^mamori audit verify: no tenant "nope"/);
});
