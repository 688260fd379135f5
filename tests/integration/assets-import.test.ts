import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import { LEDGER_HEADERS } from "../../src/modules/assets/ledger-format.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { readTable, writeXlsx } from "../../src/shared/tabular.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { auditEvents, countRows } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { assertUnchanged, type Snapshot, snapshot } from "../helpers/db-snapshot.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { openSession, unique } from "../helpers/route-world.ts";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Importing and exporting the ledger: every bad row is reported by row, column and reason and
 * nothing is applied; valid files create and update in one transaction; an exported file imports
 * without changing anything; the caller's units bound what they may import.
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
	format: string | null;
	errors: {
		row: number | null;
		column: string | null;
		message: string;
		code?: string;
		params?: Record<string, string | number>;
	}[];
	errorCount: number;
	rows: number;
	skippedBlank: number;
	skippedTotal: number[];
	created: number;
	updated: number;
	unchanged: number;
	skipped: number;
	applied: boolean;
}

let tenant: TenantRow;
let unitA: OrgUnitTable;
let unitB: OrgUnitTable;
let admin: TestClient;
let manager: TestClient;

function unit(name: string) {
	return inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: unique("ou"),
			name,
			kind: "section",
			parentId: null,
		}),
	);
}

before(async () => {
	tenant = await makeTenant(runtime);
	unitA = await unit("情報政策課");
	unitB = await unit("市民課");
	const root = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	admin = new TestClient(app, await openSession(runtime, root));
	const sectionManager = await makeAccount(runtime, tenant, { roles: [], totp: true });
	await inTransaction(runtime.db, (tx) =>
		assignRole(tx, systemActor(tenant.id, "test"), sectionManager.id, {
			role: "section_manager",
			orgUnitId: unitA.id,
			validTo: null,
		}),
	);
	manager = new TestClient(app, await openSession(runtime, sectionManager));
});

const HEADER = [...LEDGER_HEADERS].filter((h) => h !== "所管課名");

/** A data row in the order of HEADER, with the given cells replaced. */
function row(code: string, unitCode: string, changes: Record<string, string> = {}): string[] {
	const base: Record<string, string> = {
		資産番号: code,
		資産名: "住民記録システム",
		種別: "システム・機器・媒体",
		所管課: unitCode,
		情報セキュリティ管理者: "市民課長",
		保管場所: "本庁舎サーバ室",
		ネットワーク区分: "マイナンバー利用事務系",
		格付け: "C3A/I2/A2",
		個人情報: "特定個人情報",
		保存期間: "5年",
		状態: "運用中",
		関連システム: "",
		備考: "",
		...changes,
	};
	return HEADER.map((h) => base[h] ?? "");
}

function csvText(rows: string[][], header: string[] = HEADER): string {
	const quote = (cell: string) =>
		/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
	return `${[header, ...rows].map((cells) => cells.map(quote).join(",")).join("\r\n")}\r\n`;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

async function send(
	client: TestClient,
	bytes: Uint8Array,
	mode: "dry_run" | "apply" = "apply",
	skipInvalid = false,
) {
	const response = await client.post("/api/assets/import", {
		filename: "ledger.csv",
		contentBase64: Buffer.from(bytes).toString("base64"),
		mode,
		skipInvalid,
	});
	if (mode === "dry_run") {
		assert.equal(response.status, 200, await response.clone().text());
		return (await response.json()) as Report;
	}
	assert.equal(response.status, 202, await response.clone().text());
	const job = await finished(client, ((await response.json()) as { id: string }).id);
	assert.notEqual(job.status, "failed", JSON.stringify(job.error));
	assert.equal(job.status, job.result?.applied ? "done" : "refused");
	return job.result as Report;
}

interface ImportJob {
	id: string;
	status: string;
	progress: { checked: number; written: number };
	result: Report | null;
	error: { code: string; detail: string } | null;
}

/** A snapshot without the pipeline's own rows (the import request and its job). */
function withoutImportRecords(digest: Snapshot): Snapshot {
	const { imports: _imports, jobs: _jobs, ...rest } = digest;
	return rest;
}

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

async function codesInLedger(codes: string[]): Promise<string[]> {
	const rows = await runtime.db
		.selectFrom("assets")
		.select("code")
		.where("tenant_id", "=", tenant.id)
		.where("code", "in", codes)
		.orderBy("code")
		.execute();
	return rows.map((r) => r.code);
}

function findError(report: Report, row: number | null, column: string | null) {
	const found = report.errors.find((e) => e.row === row && e.column === column);
	assert.ok(found, `an error at row ${row}, column ${column}: ${JSON.stringify(report.errors)}`);
	return found;
}

describe("bad input is reported by row, column and reason; nothing is applied", () => {
	test("a random binary file", async () => {
		const bytes = new Uint8Array(512).map((_, i) => (i * 37 + 11) % 256);
		const report = await send(admin, bytes);
		assert.equal(report.applied, false);
		const error = findError(report, null, null);
		assert.equal(error.code, "file_binary");
		assert.match(error.message, /ファイルを読めません.*バイナリ/);
	});

	test("a ZIP that is not a workbook, and a workbook with no sheet", async () => {
		const fakeZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
		const broken = await send(admin, fakeZip);
		const unreadable = findError(broken, null, null);
		assert.equal(unreadable.code, "xlsx_unreadable");
		assert.match(unreadable.message, /XLSX ブックとして読めません/);
		assert.doesNotMatch(unreadable.message, /central directory|Invalid string length/i);
		const empty = new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer());
		const noSheet = await send(admin, empty);
		assert.equal(noSheet.applied, false);
		assert.equal(findError(noSheet, null, null).code, "xlsx_no_sheet");
		assert.match(findError(noSheet, null, null).message, /シートがありません/);
	});

	test("unknown and missing headers name the header", async () => {
		const header = HEADER.map((h) => (h === "保管場所" ? "色" : h)).filter((h) => h !== "格付け");
		const text = csvText([row(unique("X"), unitA.code).slice(0, header.length)], header);
		const report = await send(admin, utf8(text));
		assert.equal(report.applied, false);
		assert.match(findError(report, 1, "色").message, /不明な列見出し「色」/);
		assert.match(findError(report, 1, "格付け").message, /必須の列「格付け」がありません/);
	});

	test("every bad row is listed, and the good rows are not applied", async () => {
		const good = unique("G");
		const dup = unique("D");
		const codes = [good, dup, unique("C"), unique("L"), unique("U"), unique("K")];
		const rows = [
			row(good, unitA.code),
			row(dup, unitA.code),
			row(dup, unitA.code, { 資産名: "重複" }),
			row(codes[2] as string, unitA.code, { 格付け: "C9/I2/A2" }),
			row(codes[3] as string, unitA.code, { 資産名: "長".repeat(201) }),
			row(codes[4] as string, "no-such-unit"),
			row(codes[5] as string, unitA.code, { 種別: "家具", ネットワーク区分: "宇宙" }),
		];
		const auditBefore = await countRows(runtime.db, "audit_events", tenant.id);
		const report = await send(admin, utf8(csvText(rows)));
		assert.equal(report.applied, false);
		assert.deepEqual([report.created, report.updated], [0, 0], "a refused apply created nothing");
		assert.equal(report.rows, 7);
		assert.equal(report.errorCount, 6);
		assert.match(findError(report, 4, "資産番号").message, /「.+」は3行目と重複しています/);
		assert.match(findError(report, 5, "格付け").message, /C9/);
		assert.match(findError(report, 6, "資産名").message, /200文字以内.*201文字/);
		assert.match(findError(report, 7, "所管課").message, /no-such-unit.*ありません/);
		assert.match(findError(report, 8, "種別").message, /「家具」は「種別」の選択肢にありません/);
		// Each row error carries its catalogue code and parameters, so the web shows it in any language.
		const classification = findError(report, 5, "格付け");
		assert.equal(classification.code, "class_not_in_scheme");
		assert.equal(classification.params?.value, "C9/I2/A2");
		assert.doesNotMatch(classification.message, /is not a level/);
		assert.match(findError(report, 8, "ネットワーク区分").message, /「宇宙」/);
		assert.deepEqual(await codesInLedger(codes), [], "nothing partly imported");
		assert.equal(await countRows(runtime.db, "audit_events", tenant.id), auditBefore);

		const skipped = await send(admin, utf8(csvText(rows)), "apply", true);
		assert.equal(skipped.applied, true);
		assert.equal(skipped.skipped, 5);
		assert.equal(skipped.created, 2);
		assert.deepEqual(await codesInLedger(codes), [dup, good].sort());
		const first = await runtime.db
			.selectFrom("assets")
			.select("name")
			.where("tenant_id", "=", tenant.id)
			.where("code", "=", dup)
			.executeTakeFirstOrThrow();
		assert.equal(first.name, "住民記録システム", "the first of two duplicate rows is kept");
	});

	test("an over-long file is refused before it is read", async () => {
		const big = "x".repeat(51 * 1024 * 1024);
		const response = await admin.post("/api/assets/import", {
			filename: "big.csv",
			contentBase64: Buffer.from(big).toString("base64"),
			mode: "dry_run",
			skipInvalid: false,
		});
		assert.equal(response.status, 413);
	});
});

describe("valid files", () => {
	test("a dry run reports what would happen and applies nothing", async () => {
		const codes = [unique("N"), unique("N")];
		const before = await snapshot(runtime.db, tenant.id);
		const report = await send(
			admin,
			utf8(csvText(codes.map((c) => row(c, unitA.code)))),
			"dry_run",
		);
		assert.deepEqual(
			{ created: report.created, errors: report.errorCount, applied: report.applied },
			{ created: 2, errors: 0, applied: false },
		);
		assertUnchanged(before, await snapshot(runtime.db, tenant.id), "dry run");
	});

	test("a Windows CP932 ledger with 髙 and 﨑, full-width codes, blank rows and a total row", async () => {
		const wide = (text: string) =>
			text.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
		const [first, second] = [unique("W"), unique("W")];
		const text = csvText([
			row(wide(first), wide(unitA.code), {
				資産名: "髙橋分室の端末",
				情報セキュリティ管理者: "山﨑 課長",
			}),
			["", "", ""],
			HEADER.map(() => ""),
			row(second, unitA.code, {
				資産名: "﨑山庁舎 ＬＧＷＡＮ端末",
				ネットワーク区分: "ＬＧＷＡＮ接続系",
			}),
			["合計", "", "", "", "", "", "", "", "", "", "", "２台"],
		]);
		const bytes = encodeShiftJis(text);
		// The bytes Windows writes: 髙 is 0xFB 0xFC and 﨑 0xFA 0xB1 (IBM extensions of CP932).
		const hex = Buffer.from(bytes).toString("hex");
		assert.ok(hex.includes("fbfc") && hex.includes("fab1"), "髙 and 﨑 as CP932 bytes");
		const report = await send(admin, bytes);
		assert.equal(report.errorCount, 0, JSON.stringify(report.errors));
		assert.deepEqual(
			{
				rows: report.rows,
				created: report.created,
				skippedBlank: report.skippedBlank,
				skippedTotal: report.skippedTotal,
			},
			{ rows: 2, created: 2, skippedBlank: 2, skippedTotal: [6] },
		);
		const stored = await runtime.db
			.selectFrom("assets")
			.select(["code", "name", "manager_name", "owner_unit_id", "zone"])
			.where("tenant_id", "=", tenant.id)
			.where("code", "in", [first, second])
			.execute();
		assert.deepEqual(
			stored
				.map((r) => ({ ...r }))
				.sort((a, b) => (a.name === "髙橋分室の端末" ? -1 : b.name === "髙橋分室の端末" ? 1 : 0)),
			[
				{
					code: first,
					name: "髙橋分室の端末",
					manager_name: "山﨑 課長",
					owner_unit_id: unitA.id,
					zone: "mynumber",
				},
				{
					code: second,
					name: "﨑山庁舎 ＬＧＷＡＮ端末",
					manager_name: "市民課長",
					owner_unit_id: unitA.id,
					zone: "lgwan",
				},
			],
		);
	});

	test("Shift_JIS and UTF-8-with-BOM CSV are read with their Japanese intact", async () => {
		const sjis = unique("S");
		const bom = unique("B");
		const sjisText = csvText([
			row(sjis, unitA.code, { 資産名: "国民健康保険システム", 格付け: "ｃ２／ｉ１／ａ１" }),
		]);
		const sjisReport = await send(admin, encodeShiftJis(sjisText));
		assert.equal(sjisReport.errorCount, 0, JSON.stringify(sjisReport.errors));
		assert.equal(sjisReport.created, 1);
		const bomReport = await send(
			admin,
			utf8(
				`\uFEFF${csvText([row(bom, unitB.name, { 種別: "情報", 個人情報: "なし", 状態: "保管中" })])}`,
			),
		);
		assert.equal(bomReport.errorCount, 0, JSON.stringify(bomReport.errors));
		const stored = await runtime.db
			.selectFrom("assets")
			.select(["code", "name", "class_key", "kind", "owner_unit_id", "personal_data", "lifecycle"])
			.where("tenant_id", "=", tenant.id)
			.where("code", "in", [sjis, bom])
			.orderBy("code")
			.execute();
		assert.deepEqual(
			stored.map((r) => ({ ...r })),
			[
				{
					code: bom,
					name: "住民記録システム",
					class_key: "C3A/I2/A2",
					kind: "information",
					owner_unit_id: unitB.id,
					personal_data: "none",
					lifecycle: "stored",
				},
				{
					code: sjis,
					name: "国民健康保険システム",
					class_key: "C2/I1/A1",
					kind: "systems",
					owner_unit_id: unitA.id,
					personal_data: "specific_personal",
					lifecycle: "in_use",
				},
			],
		);
		const history = await runtime.db
			.selectFrom("asset_classification_changes")
			.innerJoin("assets", "assets.id", "asset_classification_changes.asset_id")
			.select(["reason", "from_key", "to_key"])
			.where("assets.code", "=", sjis)
			.execute();
		assert.deepEqual(
			history.map((r) => ({ ...r })),
			[{ reason: "一括取込", from_key: null, to_key: "C2/I1/A1" }],
		);
	});
});

test("a large XLSX keeps every Japanese character (ExcelJS splits its XML into chunks)", async () => {
	const rows = Array.from({ length: 3000 }, (_, i) =>
		row(`JP-${unique("x")}-${i}`, unitA.code, { 資産名: `国民健康保険システム端末 ${i}` }),
	);
	const bytes = await writeXlsx([{ name: "台帳", header: HEADER, rows }]);
	const report = await send(admin, bytes, "dry_run");
	assert.deepEqual(report.errors, []);
	assert.deepEqual([report.rows, report.created], [3000, 3000]);
});

describe("an exported file imports without changing anything", () => {
	before(async () => {
		await makeAsset(runtime, tenant.id, unitA.id, {
			notes: '備考に "引用符", カンマ、\n改行',
			relatedSystem: '=HYPERLINK("x")',
			location: "-地下書庫",
		});
		await makeAsset(runtime, tenant.id, unitB.id, {
			managerName: null,
			retention: null,
			kind: "documents",
			zone: "lgwan",
		});
	});

	for (const format of ["xlsx", "csv"] as const) {
		test(`${format}: created 0, updated 0, and the database is untouched`, async () => {
			const exported = await admin.get(`/api/assets/export?format=${format}`);
			assert.equal(exported.status, 200);
			const bytes = new Uint8Array(await exported.arrayBuffer());
			const table = await readTable(bytes);
			assert.deepEqual(table.rows[0], [...LEDGER_HEADERS]);
			const total = await countRows(runtime.db, "assets", tenant.id);
			assert.equal(table.rows.length - 1, total);
			const before = await snapshot(runtime.db, tenant.id);
			const report = await send(admin, bytes);
			assert.deepEqual(
				{ ...report, errors: report.errors.slice(0, 3) },
				{
					format,
					errors: [],
					errorCount: 0,
					rows: total,
					skippedBlank: 0,
					skippedTotal: [],
					created: 0,
					updated: 0,
					unchanged: total,
					skipped: 0,
					applied: true,
				},
			);
			// Only the record of the request and its job: no asset, history or audit row.
			assertUnchanged(
				withoutImportRecords(before),
				withoutImportRecords(await snapshot(runtime.db, tenant.id)),
				"re-import",
			);
		});
	}

	test("a changed cell updates that asset only, through the ledger's rules", async () => {
		const target = await makeAsset(runtime, tenant.id, unitA.id);
		const exported = await admin.get(`/api/assets/export?format=csv&unitId=${unitA.id}`);
		const table = await readTable(new Uint8Array(await exported.arrayBuffer()));
		const header = table.rows[0] ?? [];
		const at = (name: string) => header.indexOf(name);
		const rows = table.rows.slice(1).map((cells) => {
			if (cells[at("資産番号")] !== target.code) return cells;
			const next = [...cells];
			next[at("保管場所")] = "分庁舎倉庫";
			next[at("格付け")] = "C3B/I2/A2";
			return next;
		});
		const report = await send(admin, utf8(csvText(rows, header)));
		assert.equal(report.errorCount, 0, JSON.stringify(report.errors));
		assert.deepEqual([report.updated, report.unchanged], [1, rows.length - 1]);
		const stored = await runtime.db
			.selectFrom("assets")
			.select(["location", "class_key", "version"])
			.where("id", "=", target.id)
			.executeTakeFirstOrThrow();
		assert.deepEqual({ ...stored }, { location: "分庁舎倉庫", class_key: "C3B/I2/A2", version: 3 });
		const events = (await auditEvents(runtime.db, tenant.id)).filter(
			(e) => e.record_id === target.id || e.type === "asset.imported",
		);
		const last = events.slice(-3).map((e) => [e.type, e.payload]);
		assert.deepEqual(last, [
			["asset.updated", { code: target.code, fields: ["location"] }],
			[
				"asset.reclassified",
				{ code: target.code, from: "C2/I2/A2", to: "C3B/I2/A2", reason: "一括取込" },
			],
			[
				"asset.imported",
				{ format: "csv", created: 0, updated: 1, unchanged: rows.length - 1, skipped: 0 },
			],
		]);
	});
});

describe("scope", () => {
	test("a section manager cannot import into, or change assets of, another unit", async () => {
		const other = await makeAsset(runtime, tenant.id, unitB.id);
		const own = unique("M");
		const foreign = unique("F");
		const rows = [row(own, unitA.code), row(foreign, unitB.code), row(other.code, unitA.code)];
		const report = await send(manager, utf8(csvText(rows)));
		assert.equal(report.applied, false);
		assert.match(findError(report, 3, "所管課").message, /あなたが管理する課ではありません/);
		assert.match(findError(report, 4, "資産番号").message, /変更できない課の資産です/);
		assert.equal(report.errorCount, 2);
		assert.deepEqual(await codesInLedger([own, foreign]), []);
	});

	test("an export holds only what the caller may see, under the filter", async () => {
		const lgwan = await makeAsset(runtime, tenant.id, unitA.id, {
			zone: "lgwan",
			kind: "information",
		});
		const response = await manager.get("/api/assets/export?format=csv&zone=lgwan");
		assert.equal(response.status, 200);
		assert.match(response.headers.get("content-type") ?? "", /text\/csv/);
		const table = await readTable(new Uint8Array(await response.arrayBuffer()));
		const codes = table.rows.slice(1).map((cells) => cells[0]);
		assert.ok(codes.includes(lgwan.code));
		const visible = await runtime.db
			.selectFrom("assets")
			.select("code")
			.where("tenant_id", "=", tenant.id)
			.where("owner_unit_id", "=", unitA.id)
			.where("zone", "=", "lgwan")
			.orderBy("code")
			.execute();
		assert.deepEqual(
			codes,
			visible.map((r) => r.code),
		);
	});
});

describe("template", () => {
	test("the XLSX template has the headers and a sheet of the tenant's values", async () => {
		const response = await manager.get("/api/assets/template?format=xlsx");
		assert.equal(response.status, 200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const [ledger, values] = workbook.worksheets;
		assert.ok(ledger && values, "two sheets");
		assert.deepEqual((ledger.getRow(1).values as string[]).slice(1), [...LEDGER_HEADERS]);
		assert.equal(ledger.rowCount, 1, "no example row that could be imported by mistake");
		const listed = values.getSheetValues().map((r) => (r as string[] | undefined)?.slice(1, 3));
		assert.ok(listed.some((r) => r?.[0] === "格付け（機密性）" && r[1] === "C3A"));
		assert.ok(listed.some((r) => r?.[0] === "所管課" && r[1] === unitA.code));
		assert.ok(!listed.some((r) => r?.[1] === unitB.code), "only the units the caller manages");
		const csv = await admin.get("/api/assets/template?format=csv");
		const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
		assert.equal(text, `\uFEFF${LEDGER_HEADERS.map((h) => `"${h}"`).join(",")}\r\n`);
	});
});
