import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { ImportJob } from "../../src/platform/imports/imports.schemas.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { unitOf } from "../helpers/asset-world.ts";
import type { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { proposeMapping } from "../helpers/mappings.ts";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Importing the contract register over HTTP: a dry run reports every error with row and column
 * and writes nothing; an apply is a job that imports a Shift_JIS CSV; only those the contracts
 * policy lets import may call either route.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
// As in `mamori serve`: applying an import is a job, which this process's scheduler runs.
const scheduler = startScheduler(runtime, { declarations: JOBS, intervalMs: 60_000 });
after(async () => {
	await scheduler.stop();
	await runtime.cleanup();
});

interface Report {
	errors: { row: number | null; column: string | null }[];
	errorCount: number;
	rows: number;
	applied: boolean;
}

const CONTRACTOR_HEADER = "委託先コード,委託先名,所在地,連絡先,備考";
const CONTRACT_HEADER =
	"契約番号,件名,委託の目的,委託先コード,主管課コード,契約開始日,契約終了日,取扱資産,契約条項";

const body = (bytes: Uint8Array, mode: "dry_run" | "apply") => ({
	filename: "register.csv",
	contentBase64: Buffer.from(bytes).toString("base64"),
	mode,
});

/** Follow an import at GET /api/imports/{id} until its job has ended. */
async function finished(client: TestClient, id: string): Promise<ImportJob> {
	for (;;) {
		const response = await client.get(`/api/imports/${id}`);
		assert.equal(response.status, 200, await response.clone().text());
		const job = (await response.json()) as ImportJob;
		if (!["queued", "running"].includes(job.status)) return job;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

async function setting() {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const manager = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
	const auditor = await makeAccount(runtime, tenant, { roles: ["auditor"] });
	const unitId = await unitOf(runtime, tenant.id, manager.id, "");
	const unit = await runtime.db
		.selectFrom("org_units")
		.select("code")
		.where("id", "=", unitId)
		.executeTakeFirstOrThrow();
	return {
		tenant,
		unitCode: unit.code,
		ciso: await activeClient(runtime, app, ciso),
		manager: await activeClient(runtime, app, manager),
		auditor: await activeClient(runtime, app, auditor),
	};
}

async function codesOf(table: "contractors" | "contracts", tenantId: string) {
	const rows = await runtime.db
		.selectFrom(table)
		.select("code")
		.where("tenant_id", "=", tenantId)
		.orderBy("code")
		.execute();
	return rows.map((row) => row.code);
}

describe("contracts import over HTTP", () => {
	test("a dry run with a bad row names row and column and writes nothing", async () => {
		const { tenant, ciso } = await setting();
		const file = new TextEncoder().encode(
			`${CONTRACTOR_HEADER}\nV001,株式会社佐賀情報,,,\nV002,,,,\n`,
		);
		const report = await expectJson<Report>(
			await ciso.post("/api/contractors/import", body(file, "dry_run")),
		);
		assert.equal(report.applied, false);
		assert.deepEqual(
			report.errors.map((error) => [error.row, error.column]),
			[[3, "委託先名"]],
		);
		assert.deepEqual(await codesOf("contractors", tenant.id), []);

		const contracts = await expectJson<Report>(
			await ciso.post(
				"/api/contracts/import",
				body(
					new TextEncoder().encode(`${CONTRACT_HEADER}\nK-1,保守,保守,NOPE,NOPE,2026-04-01,,,\n`),
					"dry_run",
				),
			),
		);
		assert.equal(contracts.applied, false);
		assert.ok(contracts.errorCount > 0);
		assert.ok(
			contracts.errors.every((error) => error.row === 2 && error.column !== null),
			JSON.stringify(contracts.errors),
		);
		assert.deepEqual(await codesOf("contracts", tenant.id), []);
	});

	test("the city's own list of contractors imports through a saved column mapping", async () => {
		const { tenant, ciso } = await setting();
		const file = encodeShiftJis(
			"委託先一覧（令和8年度）,,\r\n事業者名,業者コード,住所\r\n株式会社髙﨑情報,V101,佐賀市\r\n,,\r\n",
		);
		const proposal = await proposeMapping(
			ciso,
			"contracts.contractors",
			"委託先.csv",
			file,
			"契約検査課",
		);
		assert.deepEqual(proposal.mapping.headerRows, [2]);
		await proposal.save();
		const queued = await expectJson<ImportJob>(
			await ciso.post("/api/contractors/import", {
				...body(file, "apply"),
				mappingSource: "契約検査課",
			}),
			202,
		);
		assert.equal((await finished(ciso, queued.id)).status, "done");
		const made = await runtime.db
			.selectFrom("contractors")
			.select(["code", "name"])
			.where("tenant_id", "=", tenant.id)
			.execute();
		assert.deepEqual(
			made.map((row) => [row.code, row.name]),
			[["V101", "株式会社髙﨑情報"]],
		);
		// Another source's name is not a mapping of this tenant.
		await expectProblem(
			await ciso.post("/api/contracts/import", {
				...body(file, "dry_run"),
				mappingSource: "未登録",
			}),
			404,
			"not_found",
		);
	});

	test("an apply of a Shift_JIS CSV is a job that imports contractors, then contracts", async () => {
		const { tenant, ciso, unitCode } = await setting();
		const contractors = encodeShiftJis(
			`${CONTRACTOR_HEADER}\r\nV001,株式会社佐賀情報,佐賀市城内1-1,山田,\r\nV002,北九州システム株式会社,,,保守\r\n`,
		);
		const queued = await expectJson<ImportJob>(
			await ciso.post("/api/contractors/import", body(contractors, "apply")),
			202,
		);
		assert.equal(queued.kind, "contracts.contractors");
		const done = await finished(ciso, queued.id);
		assert.equal(done.status, "done", JSON.stringify(done));
		assert.deepEqual(await codesOf("contractors", tenant.id), ["V001", "V002"]);

		const contracts = encodeShiftJis(
			`${CONTRACT_HEADER}\r\nR8-001,住民記録システム保守,保守,V001,${unitCode},2026-04-01,2027-03-31,,\r\n`,
		);
		const job = await expectJson<ImportJob>(
			await ciso.post("/api/contracts/import", body(contracts, "apply")),
			202,
		);
		assert.equal(job.kind, "contracts.contracts");
		assert.equal((await finished(ciso, job.id)).status, "done");
		assert.deepEqual(await codesOf("contracts", tenant.id), ["R8-001"]);
	});

	test("a caller the contracts policy does not let import is refused", async () => {
		const { tenant, manager, auditor } = await setting();
		const file = new TextEncoder().encode(`${CONTRACTOR_HEADER}\nV001,株式会社佐賀情報,,,\n`);
		for (const client of [manager, auditor]) {
			for (const path of ["/api/contractors/import", "/api/contracts/import"]) {
				for (const mode of ["dry_run", "apply"] as const) {
					await expectProblem(await client.post(path, body(file, mode)), 403, "forbidden");
				}
			}
		}
		assert.deepEqual(await codesOf("contractors", tenant.id), []);
	});
});
