import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { ledgerImport } from "../../src/modules/assets/ledger.import.ts";
import { LEDGER_HEADERS } from "../../src/modules/assets/ledger-format.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import type { ImportProgress } from "../../src/platform/imports/import-kind.ts";
import { runImportInWorker } from "../../src/platform/imports/run-import.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { auditEvents, breakAuditInserts, countRows } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { openSession, unique } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Applying an import is a job of the scheduler, run in a worker thread with its own connection:
 * the request answers 202, progress (rows checked, rows written) can be followed, the result is
 * all or nothing, and the server keeps answering while it runs.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
const scheduler = startScheduler(runtime, { declarations: JOBS, intervalMs: 60_000 });
after(async () => {
	await scheduler.stop();
	await runtime.cleanup();
});

interface ImportJob {
	id: string;
	kind: string;
	status: string;
	progress: ImportProgress;
	result: { created: number; updated: number; applied: boolean; errorCount: number } | null;
	error: { code: string } | null;
	startedAt: string | null;
	finishedAt: string | null;
}

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
	const account = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	admin = new TestClient(app, await openSession(runtime, account));
});

const HEADER = [...LEDGER_HEADERS].filter((h) => h !== "所管課名");

/** A ledger CSV of `count` new assets with codes `<prefix>-<n>`; `bad` rows get an unknown class. */
function ledger(prefix: string, count: number, bad: number[] = []): Uint8Array {
	const lines = [HEADER.join(",")];
	for (let i = 0; i < count; i++) {
		const cells: Record<string, string> = {
			資産番号: `${prefix}-${i}`,
			資産名: `端末 ${i}`,
			種別: "システム・機器・媒体",
			所管課: unit.code,
			ネットワーク区分: "LGWAN接続系",
			格付け: bad.includes(i) ? "C9/I2/A2" : "C2/I2/A2",
			個人情報: "なし",
			状態: "運用中",
		};
		lines.push(HEADER.map((h) => cells[h] ?? "").join(","));
	}
	return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

async function apply(bytes: Uint8Array): Promise<ImportJob> {
	const response = await admin.post("/api/assets/import", {
		filename: "ledger.csv",
		contentBase64: Buffer.from(bytes).toString("base64"),
		mode: "apply",
		skipInvalid: false,
	});
	assert.equal(response.status, 202, await response.clone().text());
	return (await response.json()) as ImportJob;
}

async function read(id: string): Promise<ImportJob> {
	const response = await admin.get(`/api/imports/${id}`);
	assert.equal(response.status, 200, await response.clone().text());
	return (await response.json()) as ImportJob;
}

async function finished(id: string): Promise<ImportJob> {
	for (;;) {
		const job = await read(id);
		if (!["queued", "running"].includes(job.status)) return job;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

function assetsCoded(prefix: string): Promise<number> {
	return runtime.db
		.selectFrom("assets")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("tenant_id", "=", tenant.id)
		.where("code", "like", `${prefix}-%`)
		.executeTakeFirstOrThrow()
		.then((row) => Number(row.n));
}

test("an apply answers 202 with the queued job, which ends with its counts", async () => {
	const prefix = unique("J");
	const queued = await apply(ledger(prefix, 3000));
	assert.equal(queued.kind, "assets.ledger");
	assert.ok(["queued", "running"].includes(queued.status), queued.status);
	assert.equal(queued.result, null);
	const done = await finished(queued.id);
	assert.equal(done.status, "done", JSON.stringify(done.error));
	assert.deepEqual(done.progress, { checked: 3000, written: 3000 });
	assert.equal(done.result?.created, 3000);
	assert.equal(done.result?.applied, true);
	assert.ok(done.startedAt && done.finishedAt && done.startedAt <= done.finishedAt);
	assert.equal(await assetsCoded(prefix), 3000);
	const events = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "asset.imported",
	);
	assert.equal(events.length, 1, "one audit event for the whole import");
	const file = await runtime.db
		.selectFrom("imports")
		.select("file")
		.where("id", "=", queued.id)
		.executeTakeFirstOrThrow();
	assert.equal(file.file, null, "the uploaded file is not kept once applied");
});

test("the worker reports rows checked and written while it runs, not only at the end", async () => {
	const prefix = unique("P");
	const seen: ImportProgress[] = [];
	const outcome = await runImportInWorker(
		runtime,
		{
			kind: ledgerImport.name,
			bytes: ledger(prefix, 4000),
			actor: systemActor(tenant.id, "test"),
			options: { skipInvalid: false },
		},
		(progress) => seen.push(progress),
	);
	assert.deepEqual(outcome.progress, { checked: 4000, written: 4000 });
	assert.ok(
		seen.some((p) => p.checked > 0 && p.checked < 4000 && p.written > 0 && p.written < 4000),
		`an intermediate value: ${JSON.stringify(seen)}`,
	);
	assert.deepEqual(seen.at(-1), { checked: 4000, written: 4000 });
});

test("a refused apply (one bad row, the last) reports nothing created and writes nothing", async () => {
	const prefix = unique("R");
	const auditBefore = await countRows(runtime.db, "audit_events", tenant.id);
	const queued = await apply(ledger(prefix, 2500, [2499]));
	const refused = await finished(queued.id);
	assert.equal(refused.status, "refused");
	assert.equal(refused.result?.applied, false);
	assert.equal(refused.result?.errorCount, 1);
	assert.deepEqual([refused.result?.created, refused.result?.updated], [0, 0]);
	assert.equal(refused.progress.written, 0);
	assert.equal(refused.progress.checked, 2500);
	assert.equal(await assetsCoded(prefix), 0);
	assert.equal(await countRows(runtime.db, "audit_events", tenant.id), auditBefore);
});

test("a failure after every row was written (its audit event) fails the job; nothing stays written", async () => {
	const prefix = unique("F");
	const restore = await breakAuditInserts(runtime, { type: "asset.imported" });
	let failed: ImportJob;
	try {
		failed = await finished((await apply(ledger(prefix, 1500))).id);
	} finally {
		await restore();
	}
	assert.equal(failed.status, "failed");
	assert.equal(failed.error?.code, "internal");
	assert.equal(failed.result, null);
	assert.equal(failed.progress.written, 0, "nothing reported as written");
	assert.equal(await assetsCoded(prefix), 0, "the transaction was rolled back");
});

test("while a 20,000-row apply runs, health answers and a web write gets 2xx or 503, never 500", async () => {
	const prefix = unique("H");
	const queued = await apply(ledger(prefix, 20_000));
	let job = queued;
	while (job.status === "queued") {
		await new Promise((resolve) => setTimeout(resolve, 10));
		job = await read(queued.id);
	}
	// A web write (it may wait for the import's lock on SQLite) and a health check side by side.
	let healthAt = "";
	const [write, health] = await Promise.all([
		admin.post("/api/assets", {
			code: unique("W"),
			name: "取込中に登録した資産",
			kind: "information",
			ownerUnitId: unit.id,
			managerName: null,
			location: null,
			zone: "lgwan",
			personalData: "none",
			retention: null,
			lifecycle: "in_use",
			relatedSystem: null,
			notes: null,
			levels: ["C2", "I2", "A2"],
		}),
		Promise.resolve(app.request("/api/health")).then((response) => {
			healthAt = new Date().toISOString();
			return response;
		}),
	]);
	assert.equal(health.status, 200);
	assert.ok(
		write.status === 201 || write.status === 503,
		`${write.status}: ${await write.clone().text()}`,
	);
	const done = await finished(queued.id);
	assert.equal(done.status, "done", JSON.stringify(done.error));
	assert.ok(done.finishedAt && healthAt <= done.finishedAt, "health answered during the apply");
	assert.equal(await assetsCoded(prefix), 20_000);
});

test("an import is read only by its requester, within the tenant", async () => {
	const queued = await apply(ledger(unique("T"), 1));
	await finished(queued.id);
	const other = await makeTenant(runtime);
	const outsider = new TestClient(
		app,
		await openSession(runtime, await makeAccount(runtime, other, { roles: ["tenant_admin"] })),
	);
	assert.equal((await outsider.get(`/api/imports/${queued.id}`)).status, 404);
	const colleague = new TestClient(
		app,
		await openSession(runtime, await makeAccount(runtime, tenant, { roles: ["tenant_admin"] })),
	);
	assert.equal(
		(await colleague.get(`/api/imports/${queued.id}`)).status,
		404,
		"only its requester reads an import",
	);
});
