import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { after, test } from "node:test";
import { sql } from "kysely";
import { createApp } from "../../src/http/app.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectProblem } from "../helpers/http.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** Issue #21.1 on SQLite: a lock held too long, and a full disk, are 503/507 with a code. */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());
const skip = runtime.engine !== "sqlite" && "runs on SQLite (no DATABASE_URL)";

async function adminClient() {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const client = await activeClient(runtime, createApp(runtime), admin);
	await client.refreshCsrf();
	return { tenant, client };
}

function captureErrors(): { lines: string[]; restore(): void } {
	const lines: string[] = [];
	const original = console.error;
	console.error = (...parts: unknown[]) => lines.push(parts.map(String).join(" "));
	return { lines, restore: () => (console.error = original) };
}

test("SQLite: a write lock held by another process past the busy timeout is 503 database_busy", {
	skip,
}, async () => {
	const { tenant, client } = await adminClient();
	const log = captureErrors();
	// What `mamori assets import` does from another process: hold the write lock.
	const other = new DatabaseSync(join(runtime.dataDir, "mamori.sqlite"));
	try {
		other.exec("BEGIN IMMEDIATE");
		// The server waits on timers, not inside SQLite: its event loop keeps turning meanwhile.
		let last = performance.now();
		let longestStall = 0;
		const ticker = setInterval(() => {
			const now = performance.now();
			longestStall = Math.max(longestStall, now - last);
			last = now;
		}, 20);
		const started = performance.now();
		const refused = await client.post("/api/org-units", {
			code: "busy",
			name: "待ち",
			kind: "section",
		});
		const waited = performance.now() - started;
		await new Promise((resolve) => setTimeout(resolve, 60)); // let a tick measure the last gap
		clearInterval(ticker);
		assert.ok(waited >= 4500 && waited < 7000, `waited ${waited} ms for the lock`);
		assert.ok(longestStall < 1000, `the event loop stalled for ${longestStall} ms`);
		await expectProblem(refused, 503, "database_busy");
		assert.equal(refused.headers.get("retry-after"), "2");
		other.exec("ROLLBACK");

		const accepted = await client.post("/api/org-units", {
			code: "busy",
			name: "待ち",
			kind: "section",
		});
		assert.equal(accepted.status, 201, await accepted.clone().text());
		const units = await runtime.db
			.selectFrom("org_units")
			.select("code")
			.where("tenant_id", "=", tenant.id)
			.where("code", "=", "busy")
			.execute();
		assert.equal(units.length, 1, "the refused write left nothing; the retried one is there once");
		assert.equal(
			log.lines.filter((line) => /database_busy.*database is locked/.test(line)).length,
			1,
		);
	} finally {
		if (other.isTransaction) other.exec("ROLLBACK");
		other.close();
		log.restore();
	}
});

test("SQLite: a full disk is 507 storage_full, logged once with its cause, nothing half-written", {
	skip,
}, async () => {
	const { tenant, client } = await adminClient();
	const auditedBefore = await countCreatedEvents(tenant.id);
	const log = captureErrors();
	const pages = await sql<{ page_count: number }>`PRAGMA page_count`.execute(runtime.db);
	const size = pages.rows[0]?.page_count ?? 0;
	// The app's own connection may not grow the file any further: SQLITE_FULL on the next page.
	await sql.raw(`PRAGMA max_page_count = ${size}`).execute(runtime.db);
	try {
		const statuses: number[] = [];
		for (let i = 0; i < 300 && statuses.filter((s) => s === 507).length < 20; i++) {
			const response = await client.post("/api/org-units", {
				code: `full-${i}`,
				name: `満杯 ${"字".repeat(90)}`,
				kind: "section",
			});
			statuses.push(response.status);
			if (response.status !== 201) {
				await expectProblem(response, 507, "storage_full");
				assert.equal(response.headers.get("retry-after"), "60");
			}
		}
		assert.equal(statuses.filter((s) => s === 507).length, 20, `statuses: ${statuses.join(",")}`);

		const created = await runtime.db
			.selectFrom("org_units")
			.select("code")
			.where("tenant_id", "=", tenant.id)
			.where("code", "like", "full-%")
			.execute();
		assert.equal(
			created.length,
			statuses.filter((s) => s === 201).length,
			"only the 201s were stored",
		);
		const audited = (await countCreatedEvents(tenant.id)) - auditedBefore;
		assert.equal(audited, created.length, "each stored unit has its audit event, no orphan");

		const full = log.lines.filter((line) => /storage_full/.test(line));
		assert.equal(full.length, 1, log.lines.join("\n"));
		assert.match(full[0] ?? "", /database or disk is full/);
		assert.ok(!log.lines.some((line) => /cannot rollback/.test(line)), log.lines.join("\n"));
		assert.equal(log.lines.length, 1, `one line for 20 refusals: ${log.lines.join("\n")}`);
	} finally {
		await sql.raw("PRAGMA max_page_count = 1073741823").execute(runtime.db);
		log.restore();
	}
	const after = await client.post("/api/org-units", {
		code: "room",
		name: "空き",
		kind: "section",
	});
	assert.equal(after.status, 201, "writes work again once there is room");
});

async function countCreatedEvents(tenantId: string): Promise<number> {
	const row = await runtime.db
		.selectFrom("audit_events")
		.select(sql<number>`count(*)`.as("n"))
		.where("tenant_id", "=", tenantId)
		.where("type", "=", "org_unit.created")
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
