import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { contractsImport } from "../../src/modules/contracts/contracts.import.ts";
import {
	type ContractImportReport,
	importContractors,
	importContracts,
} from "../../src/modules/contracts/contracts-io.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { toCsv } from "../../src/shared/csv.ts";
import { writeXlsx } from "../../src/shared/tabular.ts";
import { makeAsset, unitOf } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { contractsCiso, makeContract } from "../helpers/contract-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient } from "../helpers/http.ts";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Contractors and contracts import from XLSX and CSV (UTF-8 and Shift_JIS), all or nothing, every
 * error with its row and column; the exports import again unchanged.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

const CONTRACTOR_HEADER = ["委託先コード", "委託先名", "所在地", "連絡先", "備考"];
const CONTRACT_HEADER = [
	"契約番号",
	"件名",
	"委託の目的",
	"委託先コード",
	"主管課コード",
	"契約開始日",
	"契約終了日",
	"取扱資産",
	"契約条項",
];
const csv = (header: string[], rows: string[][]) => new TextEncoder().encode(toCsv(header, rows));

async function setting() {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const manager = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
	const unitId = await unitOf(runtime, tenant.id, manager.id, "");
	const unit = await runtime.db
		.selectFrom("org_units")
		.select("code")
		.where("id", "=", unitId)
		.executeTakeFirstOrThrow();
	const actor: Actor = contractsCiso(tenant.id);
	return { tenant, ciso, unitId, unitCode: unit.code, actor };
}

const apply = { mode: "apply" as const };

async function exported(tenant: TenantRow, path: string) {
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const client = await activeClient(runtime, app, ciso);
	const response = await client.get(path);
	assert.equal(response.status, 200, await response.clone().text());
	return new Uint8Array(await response.arrayBuffer());
}

function codes(report: ContractImportReport) {
	return report.errors.map((e) => [e.row, e.column, e.code]);
}

describe("contracts import and export", () => {
	test("contractors from a Shift_JIS CSV, then contracts from XLSX; the exports import unchanged", async () => {
		const { tenant, unitId, unitCode, actor } = await setting();
		const sjis = encodeShiftJis(
			"委託先コード,委託先名,所在地,連絡先,備考\r\nV001,株式会社佐賀情報,佐賀市城内1-1,山田,\r\nV002,北九州システム株式会社,,,保守\r\n",
		);
		const first = await importContractors(runtime.db, actor, sjis, apply);
		assert.equal(first.encoding, "shift_jis");
		assert.equal(first.applied, true);
		assert.equal(first.created, 2);

		const asset = await makeAsset(runtime, tenant.id, unitId, { levels: ["C2", "I2", "A2"] });
		const xlsx = await writeXlsx([
			{
				name: "契約",
				header: CONTRACT_HEADER,
				rows: [
					[
						"R8-001",
						"住民記録システム保守",
						"保守",
						"V001",
						unitCode,
						"2026-04-01",
						"2027-03-31",
						asset.code,
						"comply_policy purpose_limit",
					],
					["R8-002", "窓口案内", "案内", "V002", unitCode, "2026-04-01", "", "", ""],
				],
			},
		]);
		const contracts = await importContracts(runtime.db, actor, new Uint8Array(xlsx), apply);
		assert.deepEqual(codes(contracts), []);
		assert.equal(contracts.created, 2);
		const stored = await runtime.db
			.selectFrom("contracts")
			.select(["code", "gap_count", "top_level"])
			.where("tenant_id", "=", tenant.id)
			.orderBy("code")
			.execute();
		assert.deepEqual(
			stored.map((row) => [row.code, Number(row.gap_count), row.top_level]),
			[
				["R8-001", 6, "C2"],
				["R8-002", 0, null],
			],
		);

		for (const format of ["csv", "xlsx"] as const) {
			const contractorFile = await exported(tenant, `/api/contractors/export?format=${format}`);
			const again = await importContractors(runtime.db, actor, contractorFile, apply);
			assert.deepEqual(
				[again.created, again.updated, again.unchanged, again.errorCount],
				[0, 0, 2, 0],
				format,
			);
			const contractFile = await exported(tenant, `/api/contracts/export?format=${format}`);
			const back = await importContracts(runtime.db, actor, contractFile, apply);
			assert.deepEqual(
				[back.created, back.updated, back.unchanged, back.errorCount],
				[0, 0, 2, 0],
				format,
			);
		}
		const events = await auditEvents(runtime.db, tenant.id);
		assert.equal(events.filter((e) => e.type === "contract.imported").length, 1);
		assert.equal(events.filter((e) => e.type === "contractor.imported").length, 1);
	});

	test("和暦 and full-width dates, Excel serial days, a blank and a total row; an impossible 和暦 date names its era", async () => {
		const { tenant, unitCode, actor } = await setting();
		await importContractors(
			runtime.db,
			actor,
			encodeShiftJis("委託先コード,委託先名,所在地,連絡先,備考\r\nW001,株式会社髙﨑情報,,,\r\n"),
			apply,
		);
		const csv = (rows: string[][]) =>
			encodeShiftJis(`${[CONTRACT_HEADER, ...rows].map((r) => r.join(",")).join("\r\n")}\r\n`);
		const line = (code: string, starts: string, ends: string) => [
			code,
			"髙﨑庁舎保守",
			"保守",
			"W001",
			unitCode,
			starts,
			ends,
			"",
			"",
		];
		const report = await importContracts(
			runtime.db,
			actor,
			csv([
				line("W-1", "令和元年5月1日", "Ｒ２．３．３１"),
				["", "", ""],
				line("W-2", "平成31年4月30日", "2020/3/31 0:00"),
				line("W-3", "45017", "令和６年３月３１日"),
				["合計", "３件"],
			]),
			apply,
		);
		assert.deepEqual(codes(report), []);
		assert.deepEqual(
			[report.rows, report.created, report.skippedBlank, report.skippedTotal],
			[3, 3, 1, [6]],
		);
		const stored = await runtime.db
			.selectFrom("contracts")
			.select(["code", "starts_on", "ends_on"])
			.where("tenant_id", "=", tenant.id)
			.where("code", "like", "W-%")
			.orderBy("code")
			.execute();
		assert.deepEqual(
			stored.map((r) => [r.code, r.starts_on, r.ends_on]),
			[
				["W-1", "2019-05-01", "2020-03-31"],
				["W-2", "2019-04-30", "2020-03-31"],
				["W-3", "2023-04-01", "2024-03-31"],
			],
		);
		const refused = await importContracts(
			runtime.db,
			actor,
			csv([line("W-4", "H31.5.1", ""), line("W-5", "令和5年2月30日", "")]),
			apply,
		);
		assert.deepEqual(codes(refused), [
			[2, "契約開始日", "date_outside_era"],
			[3, "契約開始日", "date_invalid"],
		]);
		assert.equal(refused.errors[0]?.params?.value, "H31.5.1");
		assert.equal(refused.applied, false);
	});

	test("through a column mapping, a total row whose 計 is in a column not mapped is skipped, not an error", async () => {
		const { tenant, actor } = await setting();
		const file = csv(
			["区分", "業者コード", "業者名", "住所", "通し番号"],
			[
				["", "M-1", "甲情報株式会社", "東京都", "1"],
				["", "M-2", "乙システム株式会社", "", "2"],
				["", "", "", "", "3"],
				["計", "2", "", "", ""],
			],
		);
		const mapping = {
			version: 1 as const,
			kind: "contracts.contractors",
			source: "契約課の業者一覧",
			headerRows: [1],
			columns: {
				区分: null,
				業者コード: "code",
				業者名: "name",
				住所: "address",
				通し番号: null,
			},
			values: {},
		};
		const report = await importContractors(runtime.db, actor, file, { ...apply, mapping });
		assert.deepEqual(codes(report), []);
		// Row 4 has only its unmapped 通し番号: nothing to import, so blank.
		assert.deepEqual(
			[report.rows, report.created, report.skippedBlank, report.skippedTotal],
			[2, 2, 1, [5]],
		);
		const stored = await runtime.db
			.selectFrom("contractors")
			.select(["code", "name"])
			.where("tenant_id", "=", tenant.id)
			.orderBy("code")
			.execute();
		assert.deepEqual(
			stored.map((r) => [r.code, r.name]),
			[
				["M-1", "甲情報株式会社"],
				["M-2", "乙システム株式会社"],
			],
		);
	});

	test("an edited row updates the contract, through the platform's import kind", async () => {
		const { tenant, unitId, actor } = await setting();
		const contract = await makeContract(runtime, tenant.id, unitId);
		const file = await exported(tenant, "/api/contracts/export?format=csv");
		const text = new TextDecoder()
			.decode(file)
			.replace("住民記録システム運用保守業務", "住民記録システム運用保守業務（改）");
		const outcome = await contractsImport.run({
			deps: runtime,
			actor,
			bytes: new TextEncoder().encode(text),
			options: {},
			mapping: null,
			importId: null,
			dryRun: false,
			progress: () => {},
		});
		assert.equal(outcome.applied, true);
		assert.equal((outcome.result as ContractImportReport).updated, 1);
		const row = await runtime.db
			.selectFrom("contracts")
			.select("title")
			.where("id", "=", contract.id)
			.executeTakeFirstOrThrow();
		assert.equal(row.title, "住民記録システム運用保守業務（改）");
	});

	test("every error names its row and column, and nothing is written", async () => {
		const { tenant, unitCode, actor } = await setting();
		await importContractors(
			runtime.db,
			actor,
			csv(CONTRACTOR_HEADER, [["V9", "委託先", "", "", ""]]),
			apply,
		);
		const header = await importContracts(
			runtime.db,
			actor,
			csv(["契約番号", "件名", "色"], [["K1", "x", "赤"]]),
			apply,
		);
		assert.deepEqual(codes(header), [
			[1, "色", "column_unknown"],
			[1, "委託の目的", "column_missing"],
			[1, "委託先コード", "column_missing"],
			[1, "主管課コード", "column_missing"],
			[1, "契約開始日", "column_missing"],
		]);
		const rows = await importContracts(
			runtime.db,
			actor,
			csv(CONTRACT_HEADER, [
				["K1", "保守", "保守", "V9", unitCode, "2026-04-01", "", "", "comply_policy"],
				["K2", "保守", "保守", "NOPE", unitCode, "2026-13-01", "", "A-404", "erase_all"],
				["K1", "", "保守", "V9", "no-unit", "2026-04-01", "2026-03-01", "", ""],
			]),
			apply,
		);
		assert.equal(rows.applied, false);
		assert.equal(rows.created, 0);
		assert.deepEqual(codes(rows), [
			[3, "委託先コード", "contractor_code_unknown"],
			[3, "契約開始日", "date_invalid"],
			[3, "取扱資産", "contract_asset_code_unknown"],
			[3, "契約条項", "contract_clause_code_unknown"],
			[4, "件名", "value_required"],
			[4, "契約番号", "value_repeated"],
			[4, "主管課コード", "unit_not_found"],
			[4, "契約終了日", "date_order"],
		]);
		const count = await runtime.db
			.selectFrom("contracts")
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.where("tenant_id", "=", tenant.id)
			.executeTakeFirstOrThrow();
		assert.equal(Number(count.n), 0);
	});
});
