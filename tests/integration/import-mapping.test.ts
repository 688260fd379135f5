import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { cityLedgerXlsx } from "../helpers/city-ledger.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { openSession, unique } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * A ledger in a city's own layout (title row, 格付 merged over 機密性・完全性・可用性, blank rows)
 * imports through a proposed, confirmed and saved column mapping; the next file of the same source
 * imports with the saved mapping; every error names the city's row and column.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
const scheduler = startScheduler(runtime, { declarations: JOBS, intervalMs: 60_000 });
after(async () => {
	await scheduler.stop();
	await runtime.cleanup();
});

let tenant: TenantRow;
let unit: OrgUnitTable;
let admin: TestClient;
let clerk: TestClient;

before(async () => {
	tenant = await makeTenant(runtime);
	unit = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: unique("ou"),
			name: "財政課",
			kind: "section",
			parentId: null,
		}),
	);
	admin = new TestClient(
		app,
		await openSession(runtime, await makeAccount(runtime, tenant, { roles: ["tenant_admin"] })),
	);
	clerk = new TestClient(
		app,
		await openSession(runtime, await makeAccount(runtime, tenant, { roles: [] })),
	);
});

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

interface Proposal {
	saved: { status: string; added: string[]; removed: string[] };
	mapping: {
		headerRows: number[];
		columns: Record<string, string | null>;
		values: Record<string, Record<string, string>>;
	};
	ignored: string[];
	missing: string[];
	sample: string[][];
}

async function propose(bytes: Uint8Array, source: string): Promise<Proposal> {
	const response = await admin.post("/api/imports/mappings/propose", {
		kind: "assets.ledger",
		filename: "台帳.xlsx",
		contentBase64: base64(bytes),
		source,
	});
	assert.equal(response.status, 200, await response.clone().text());
	return (await response.json()) as Proposal;
}

interface DryRun {
	rows: number;
	errorCount: number;
	errors: { row: number; column: string; code: string }[];
}

interface Job {
	id: string;
	status: string;
	result: { applied: boolean; created: number } | null;
}

function sendFile(bytes: Uint8Array, body: Record<string, unknown>, mode: "dry_run" | "apply") {
	return admin.post("/api/assets/import", {
		filename: "台帳.xlsx",
		contentBase64: base64(bytes),
		mode,
		...body,
	});
}

async function dryRun(bytes: Uint8Array, body: Record<string, unknown>): Promise<DryRun> {
	const response = await sendFile(bytes, body, "dry_run");
	assert.equal(response.status, 200, await response.clone().text());
	return (await response.json()) as DryRun;
}

async function apply(bytes: Uint8Array, body: Record<string, unknown>): Promise<Job> {
	const response = await sendFile(bytes, body, "apply");
	assert.equal(response.status, 202, await response.clone().text());
	let job = (await response.json()) as Job;
	while (["queued", "running"].includes(job.status)) {
		await new Promise((resolve) => setTimeout(resolve, 50));
		job = (await (await admin.get(`/api/imports/${job.id}`)).json()) as Job;
	}
	return job;
}

describe("a ledger in the city's own layout", () => {
	test("is proposed a mapping, checked, saved and imported; the next file needs no questions", async () => {
		const first = await cityLedgerXlsx({ unitCode: unit.code, codes: ["Z-1", "Z-2", "Z-3"] });
		const proposal = await propose(first, "財政課台帳");
		assert.equal(proposal.saved.status, "none");
		assert.deepEqual(proposal.mapping.headerRows, [2, 3]);
		assert.equal(proposal.mapping.columns["格付/機密性"], "classification:1");
		assert.equal(proposal.mapping.columns["情報資産の名称"], "name");
		assert.deepEqual(proposal.ignored, ["通し番号"]);
		assert.deepEqual(proposal.missing, []);
		assert.equal(proposal.mapping.values["格付/機密性"]?.["極秘"], "C3A");

		const mapping = {
			version: 1,
			kind: "assets.ledger",
			source: "財政課台帳",
			...proposal.mapping,
		};
		const dry = await dryRun(first, { mapping });
		assert.equal(dry.errorCount, 0, JSON.stringify(dry.errors));
		assert.equal(dry.rows, 3);

		const saved = await admin.request("PUT", "/api/imports/mappings", mapping);
		assert.equal(saved.status, 200, await saved.clone().text());
		const job = await apply(first, { mappingSource: "財政課台帳" });
		assert.equal(job.status, "done");
		assert.equal(job.result?.created, 3);
		const asset = await runtime.db
			.selectFrom("assets")
			.selectAll()
			.where("tenant_id", "=", tenant.id)
			.where("code", "=", "Z-1")
			.executeTakeFirstOrThrow();
		assert.equal(asset.class_key, "C3A/I2/A2");
		assert.equal(asset.kind, "information");
		assert.ok(
			(await auditEvents(runtime.db, tenant.id)).some((e) => e.type === "import_mapping.saved"),
		);

		const second = await cityLedgerXlsx({ unitCode: unit.code, codes: ["Z-4", "Z-5"] });
		const again = await propose(second, "財政課台帳");
		assert.equal(again.saved.status, "fits");
		const next = await apply(second, { mappingSource: "財政課台帳" });
		assert.equal(next.status, "done");
		assert.equal(next.result?.created, 2);
	});

	test("row errors name the city's row and column; a changed header says which columns changed", async () => {
		const bad = await cityLedgerXlsx({
			unitCode: unit.code,
			codes: ["Y-1", "Y-2"],
			confidentiality: ["極秘", "最高機密"],
		});
		const dry = await dryRun(bad, { mappingSource: "財政課台帳" });
		assert.equal(dry.errorCount, 1);
		const error = dry.errors[0];
		// Title row 1, header rows 2-3, a blank row 5 between the data rows 4 and 6.
		assert.equal(error?.row, 6);
		assert.equal(error?.column, "格付/機密性・格付/完全性・格付/可用性");

		const renamed = await cityLedgerXlsx({
			unitCode: unit.code,
			codes: ["X-1"],
			nameHeader: "名称",
		});
		const proposal = await propose(renamed, "財政課台帳");
		assert.equal(proposal.saved.status, "changed");
		assert.deepEqual(proposal.saved.added, ["名称"]);
		assert.deepEqual(proposal.saved.removed, ["情報資産の名称"]);
		assert.equal(proposal.mapping.columns["名称"], "name");
	});

	test("an import by a saved source re-checks the file's header: moved down it imports, changed it is refused naming the columns", async () => {
		const moved = await cityLedgerXlsx({ unitCode: unit.code, codes: ["V-1"], titleRows: 2 });
		const dry = await dryRun(moved, { mappingSource: "財政課台帳" });
		assert.equal(dry.errorCount, 0, JSON.stringify(dry.errors));
		assert.equal(dry.rows, 1);

		const renamed = await cityLedgerXlsx({
			unitCode: unit.code,
			codes: ["V-2"],
			nameHeader: "名称",
		});
		const queued = () =>
			runtime.db.selectFrom("imports").select("id").where("tenant_id", "=", tenant.id).execute();
		const queuedBefore = (await queued()).length;
		for (const mode of ["dry_run", "apply"] as const) {
			const response = await sendFile(renamed, { mappingSource: "財政課台帳" }, mode);
			assert.equal(response.status, 400, await response.clone().text());
			const problem = (await response.json()) as {
				code: string;
				issues: { code: string; params: Record<string, unknown> }[];
			};
			assert.equal(problem.code, "validation_failed");
			assert.equal(problem.issues[0]?.code, "import_mapping_changed");
			assert.deepEqual(problem.issues[0]?.params, {
				source: "財政課台帳",
				added: "名称",
				removed: "情報資産の名称",
			});
		}
		assert.equal((await queued()).length, queuedBefore, "the refused apply queued no job");
	});

	test("only those who may use the import propose or save its mappings; an unknown source is refused", async () => {
		const file = await cityLedgerXlsx({ unitCode: unit.code, codes: ["W-1"] });
		const response = await clerk.post("/api/imports/mappings/propose", {
			kind: "assets.ledger",
			filename: "x.xlsx",
			contentBase64: base64(file),
		});
		assert.equal(response.status, 403);
		const unknown = await admin.post("/api/assets/import", {
			filename: "x.xlsx",
			contentBase64: base64(file),
			mode: "dry_run",
			mappingSource: "ないもの",
		});
		assert.equal(unknown.status, 404);
		const listed = (await (await admin.get("/api/imports/mappings?kind=assets.ledger")).json()) as {
			items: { id: string; source: string }[];
		};
		assert.deepEqual(
			listed.items.map((m) => m.source),
			["財政課台帳"],
		);
		const removed = await admin.delete(`/api/imports/mappings/${listed.items[0]?.id}`);
		assert.equal(removed.status, 204);
	});
});
