import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { GENESIS_HASH, hashEvent } from "../../src/modules/audit-log/audit-log.chain.ts";
import { verifyTenantChain } from "../../src/modules/audit-log/verify-chain.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { auditEvents, auditHead, withoutAuditTriggers } from "../helpers/audit-db.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
before(async () => {
	runtime = await createTestRuntime();
});
after(() => runtime.cleanup());

/** A tenant with `count` org-unit events after its tenant.created event. */
async function tenantWithEvents(count: number): Promise<TenantRow> {
	const tenant = await makeTenant(runtime);
	const actor = systemActor(tenant.id, "chain test");
	for (let i = 0; i < count; i++) {
		await inTransaction(runtime.db, (tx) =>
			createOrgUnit(tx, actor, { code: `u${i}`, name: `課${i}`, kind: "section", parentId: null }),
		);
	}
	return tenant;
}

function setData(tenantId: string, seq: number, data: string) {
	return runtime.db
		.updateTable("audit_events")
		.set({ data })
		.where("tenant_id", "=", tenantId)
		.where("seq", "=", seq)
		.execute();
}

function deleteEvents(tenantId: string, seqs: number[]) {
	return runtime.db
		.deleteFrom("audit_events")
		.where("tenant_id", "=", tenantId)
		.where("seq", "in", seqs)
		.execute();
}

test("two tenants' chains stay intact and independent through many events", async () => {
	const [a, b] = [await makeTenant(runtime), await makeTenant(runtime)];
	// A new tenant's chain already holds its creation (tenant, pack, agencies).
	const base = (await auditHead(runtime.db, a.id)).seq;
	assert.equal((await auditHead(runtime.db, b.id)).seq, base);
	for (let i = 0; i < 30; i++) {
		const tenant = i % 3 === 0 ? b : a;
		await inTransaction(runtime.db, (tx) =>
			createOrgUnit(tx, systemActor(tenant.id, "test"), {
				code: `c${i}`,
				name: `課${i}`,
				kind: "section",
				parentId: null,
			}),
		);
	}
	const verdictA = await verifyTenantChain(runtime.db, a);
	const verdictB = await verifyTenantChain(runtime.db, b);
	assert.deepEqual(verdictA, { tenantId: a.id, slug: a.slug, intact: true, events: base + 20 });
	assert.deepEqual(verdictB, { tenantId: b.id, slug: b.slug, intact: true, events: base + 10 });
	for (const tenant of [a, b]) {
		const events = await auditEvents(runtime.db, tenant.id);
		assert.deepEqual(
			events.map((e) => e.seq),
			events.map((_, i) => i + 1),
			"each tenant numbers its own events from 1",
		);
		assert.equal(events[0]?.prev_hash, GENESIS_HASH);
		for (let i = 1; i < events.length; i++) {
			assert.equal(events[i]?.prev_hash, events[i - 1]?.hash);
		}
		assert.deepEqual(await auditHead(runtime.db, tenant.id), {
			seq: events.length,
			hash: events.at(-1)?.hash,
		});
	}
});

test("the database refuses to update or delete audit events", async () => {
	const tenant = await tenantWithEvents(2);
	const before = await auditEvents(runtime.db, tenant.id);
	await assert.rejects(setData(tenant.id, 2, "{}"), /append-only/);
	await assert.rejects(deleteEvents(tenant.id, [2]), /append-only/);
	await assert.rejects(
		runtime.db.deleteFrom("audit_events").where("tenant_id", "=", tenant.id).execute(),
		/append-only/,
	);
	assert.deepEqual(await auditEvents(runtime.db, tenant.id), before);
});

test("an event edited in the database is named as broken, and only its tenant", async () => {
	const tenant = await tenantWithEvents(6);
	const bystander = await tenantWithEvents(3);
	const target = (await auditEvents(runtime.db, tenant.id))[3] ?? assert.fail("event 4");
	const forged = JSON.stringify({ ...target.payload, name: "改ざんされた課" });
	await withoutAuditTriggers(runtime, () => setData(tenant.id, 4, forged));

	const verdict = await verifyTenantChain(runtime.db, tenant);
	assert.ok(!verdict.intact, "the chain is reported broken");
	assert.equal(verdict.brokenAt, 4);
	assert.match(verdict.reason, /event 4 was altered/);
	assert.equal(verdict.events, 3, "three events before it check out");
	assert.equal((await verifyTenantChain(runtime.db, bystander)).intact, true);
});

test("a backdated event is caught, even if its own hash is recomputed", async () => {
	const tenant = await tenantWithEvents(4);
	const events = await auditEvents(runtime.db, tenant.id);
	const target = events[2] ?? assert.fail("event 3");
	const backdated = { ...target, occurred_at: "2020-01-01T00:00:00.000Z" };
	await withoutAuditTriggers(runtime, () =>
		runtime.db
			.updateTable("audit_events")
			.set({ occurred_at: backdated.occurred_at, hash: hashEvent(backdated) })
			.where("tenant_id", "=", tenant.id)
			.where("seq", "=", 3)
			.execute(),
	);
	const verdict = await verifyTenantChain(runtime.db, tenant);
	assert.ok(!verdict.intact);
	assert.equal(verdict.brokenAt, 4, "the next event no longer points at it");
	assert.match(verdict.reason, /event 4 does not point at the hash of event 3/);
});

test("a deleted event in the middle is named", async () => {
	const tenant = await tenantWithEvents(5);
	await withoutAuditTriggers(runtime, () => deleteEvents(tenant.id, [3]));
	const verdict = await verifyTenantChain(runtime.db, tenant);
	assert.ok(!verdict.intact);
	assert.equal(verdict.brokenAt, 3);
	assert.match(verdict.reason, /event 3 is missing/);
});

test("a cut-off tail is detected through the chain head", async () => {
	const tenant = await tenantWithEvents(5);
	const total = (await auditHead(runtime.db, tenant.id)).seq;
	assert.ok(total > 5);
	await withoutAuditTriggers(runtime, () => deleteEvents(tenant.id, [total - 1, total]));
	const verdict = await verifyTenantChain(runtime.db, tenant);
	assert.ok(!verdict.intact);
	assert.equal(verdict.brokenAt, total - 1);
	assert.match(verdict.reason, new RegExp(`expects ${total} events but ${total - 2} remain`));
});

test("concurrent writers in one tenant do not fork the chain", async () => {
	const tenant = await makeTenant(runtime);
	const other = await makeTenant(runtime);
	const app = createApp(runtime);
	const admins = [
		await makeAccount(runtime, tenant, { roles: ["tenant_admin"] }),
		await makeAccount(runtime, other, { roles: ["tenant_admin"] }),
	];
	const clients = [
		await activeClient(runtime, app, admins[0] ?? assert.fail()),
		await activeClient(runtime, app, admins[1] ?? assert.fail()),
	];
	for (const client of clients) await client.refreshCsrf();
	const start = (await auditHead(runtime.db, tenant.id)).seq;

	const responses = await Promise.all(
		Array.from({ length: 24 }, (_, i) => {
			const client = clients[i % 4 === 3 ? 1 : 0] ?? assert.fail();
			return i % 2 === 0
				? client.post("/api/org-units", { code: `p${i}`, name: `並行${i}`, kind: "section" })
				: client.post("/api/accounts", { username: `parallel-${i}`, displayName: `並行 ${i}` });
		}),
	);
	assert.deepEqual(
		responses.map((r) => r.status),
		responses.map(() => 201),
	);

	const events = await auditEvents(runtime.db, tenant.id);
	assert.equal(events.length, start + 18, "every change wrote its event");
	assert.equal(
		new Set(events.map((e) => e.prev_hash)).size,
		events.length,
		"no two share a parent",
	);
	assert.equal((await verifyTenantChain(runtime.db, tenant)).intact, true);
	assert.equal((await verifyTenantChain(runtime.db, other)).intact, true);
});

test("text the database cannot store as given (a lone surrogate) still verifies", async () => {
	const tenant = await makeTenant(runtime);
	const label = `壊れた\uD800名前`;
	await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, label), {
			code: "lone",
			name: label,
			kind: "section",
			parentId: null,
		}),
	);
	const verdict = await verifyTenantChain(runtime.db, tenant);
	assert.equal(verdict.intact, true, JSON.stringify(verdict));
});
