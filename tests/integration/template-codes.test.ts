import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { LEDGER_HEADERS } from "../../src/modules/assets/ledger-format.ts";
import { ROSTER_HEADERS } from "../../src/modules/org/roster/roster-format.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import { makeOrgUnit } from "../helpers/org-factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The roster and ledger templates carry this city's codes (所属コード in its order, role tokens,
 * classification levels) on sheets of their own, and Excel drop-downs over them on the columns
 * that take a closed list.
 */
let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

async function tenantOn(pack: "saga" | "kitakyushu"): Promise<TenantRow> {
	const slug = `${pack}-${Math.random().toString(36).slice(2, 8)}`;
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: "テスト市", pack }),
	);
}

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
	assert.equal(response.status, 200, await response.clone().text());
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(await response.arrayBuffer());
	return workbook;
}

/** The values of a sheet's first `columns` columns, below its header. */
function body(sheet: ExcelJS.Worksheet | undefined, columns = 2): string[][] {
	assert.ok(sheet, "the sheet exists");
	const rows: string[][] = [];
	sheet.eachRow((row, number) => {
		if (number === 1) return;
		rows.push(Array.from({ length: columns }, (_, i) => String(row.getCell(i + 1).value ?? "")));
	});
	return rows;
}

/** The drop-down of a column of the first data row (and the last row it reaches). */
function dropDown(
	sheet: ExcelJS.Worksheet | undefined,
	header: string,
	headers: readonly string[],
) {
	assert.ok(sheet);
	const column = headers.indexOf(header) + 1;
	assert.ok(column > 0, header);
	const first = sheet.getCell(2, column).dataValidation;
	const last = sheet.getCell(2001, column).dataValidation;
	assert.deepEqual(last, first, `${header}: the drop-down reaches row 2001`);
	return first;
}

test("the roster template lists this city's 所属コード and role tokens, with drop-downs", async () => {
	const tenant = await tenantOn("saga");
	const mayor = await runtime.db
		.selectFrom("org_units")
		.select("id")
		.where("tenant_id", "=", tenant.id)
		.where("code", "=", "010000")
		.executeTakeFirstOrThrow();
	const soumu = await makeOrgUnit(runtime, tenant, {
		code: "010100",
		name: "総務部",
		kind: "department",
		parent_id: mayor.id,
	});
	await makeOrgUnit(runtime, tenant, { code: "010101", name: "情報政策課", parent_id: soumu.id });
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const client = await activeClient(runtime, app, admin);
	const workbook = await workbookOf(await client.get("/api/roster-template?format=xlsx"));
	assert.deepEqual(
		workbook.worksheets.map((s) => s.name),
		["名簿", "所属コード", "役割", "職員区分"],
	);
	const roster = workbook.getWorksheet("名簿");
	// The example names one of this city's units, not ours.
	assert.deepEqual(body(roster, 8)[0]?.slice(5), ["010101", "課長", "管理者@010101; 委員"]);

	const units = body(workbook.getWorksheet("所属コード"), 4);
	assert.deepEqual(units.slice(0, 4), [
		["010000", "市長部局", "機関", ""],
		["010100", "総務部", "部局", "市長部局"],
		["010101", "情報政策課", "課", "総務部"],
		["020000", "議会事務局", "機関", ""],
	]);
	const roles = body(workbook.getWorksheet("役割"), 4);
	const token = (t: string) => roles.find((r) => r[0] === t);
	assert.deepEqual(token("section_manager")?.slice(1, 4), [
		"section_manager",
		"情報セキュリティ管理者",
		"必要（例: section_manager@所属コード）",
	]);
	assert.equal(token("CISO")?.[1], "ciso");
	assert.equal(token("委員")?.[1], "committee_member");

	const headers = [...ROSTER_HEADERS];
	assert.deepEqual(dropDown(roster, "所属コード", headers), {
		type: "list",
		allowBlank: true,
		showErrorMessage: true,
		errorStyle: "stop",
		errorTitle: "所属コード",
		error: "一覧から選んでください。",
		formulae: [`'所属コード'!$A$2:$A$${units.length + 1}`],
	});
	assert.deepEqual(dropDown(roster, "役割", headers)?.formulae, [
		`'役割'!$A$2:$A$${roles.length + 1}`,
	]);
	assert.equal(
		dropDown(roster, "役割", headers)?.errorStyle,
		"information",
		"役割 combines tokens: offered, not enforced",
	);
	const categories = body(workbook.getWorksheet("職員区分"));
	assert.ok(categories.length > 0);
	assert.deepEqual(dropDown(roster, "職員区分", headers)?.formulae, [
		`'職員区分'!$A$2:$A$${categories.length + 1}`,
	]);
	assert.deepEqual(dropDown(roster, "マイナンバー利用事務", headers)?.formulae, ['"○,×"']);
	assert.equal(roster?.getCell(2, headers.indexOf("氏名") + 1).dataValidation, undefined);

	// The template as downloaded reads back as a roster: its example row is a valid new member.
	const bytes = await (await client.get("/api/roster-template?format=xlsx")).arrayBuffer();
	const preview = await expectJson<{ plan: { errors: unknown[]; counts: { newStaff: number } } }>(
		await client.post("/api/roster-imports", {
			fileName: "名簿.xlsx",
			contentBase64: Buffer.from(bytes).toString("base64"),
		}),
		201,
	);
	assert.deepEqual(preview.plan.errors, []);
	assert.equal(preview.plan.counts.newStaff, 1);
});

test("the ledger template's closed columns drop down over the 選択肢 sheet", async () => {
	const tenant = await tenantOn("kitakyushu");
	const unit = await makeOrgUnit(runtime, tenant, { code: "030201", name: "情報政策課" });
	const manager = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const client = await activeClient(runtime, app, manager);
	const workbook = await workbookOf(await client.get("/api/assets/template?format=xlsx"));
	const [ledger, choices] = workbook.worksheets;
	const rows = body(choices, 2);
	/** The drop-down's range must cover exactly the rows of its group on the 選択肢 sheet. */
	const group = (header: string) => {
		const validation = dropDown(ledger, header, [...LEDGER_HEADERS]);
		const match = /^'選択肢'!\$B\$(\d+):\$B\$(\d+)$/.exec(String(validation?.formulae[0]));
		assert.ok(match, `${header}: ${validation?.formulae[0]}`);
		assert.equal(validation?.errorStyle, "stop");
		const [from, to] = [Number(match[1]), Number(match[2])];
		const values = choices?.getSheetValues().slice(from, to + 1) as (string[] | undefined)[];
		return values.map((r) => [r?.[1], r?.[2]]);
	};
	assert.ok(group("所管課").some(([group, code]) => group === "所管課" && code === unit.code));
	assert.deepEqual(
		group("ネットワーク区分").map(([g]) => g),
		Array(5).fill("ネットワーク区分"),
	);
	assert.ok(group("状態").every(([g]) => g === "状態"));
	assert.ok(group("種別").some(([, label]) => label === "情報"));
	// Kitakyushu classifies on three axes: the drop-down lists every combination, as typed.
	const combined = group("格付け");
	assert.ok(combined.every(([g]) => g === "格付け（組合せ）"));
	assert.ok(combined.some(([, code]) => code === "C3/I2/A1"));
	const axes = rows.filter(([g]) => g?.startsWith("格付け（") && g !== "格付け（組合せ）");
	const perAxis = new Map<string, number>();
	for (const [g] of axes) perAxis.set(g ?? "", (perAxis.get(g ?? "") ?? 0) + 1);
	assert.equal(
		combined.length,
		[...perAxis.values()].reduce((a, b) => a * b, 1),
	);
	assert.equal(ledger?.getCell(2, LEDGER_HEADERS.indexOf("資産名") + 1).dataValidation, undefined);
});
