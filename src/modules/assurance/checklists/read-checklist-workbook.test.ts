import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type SheetOut, writeXlsx } from "../../../shared/tabular.ts";
import { CHECKLIST_SHEETS, INFO_HEADER, ITEM_HEADERS } from "./checklist-format.ts";
import { CHECKLIST_LIMITS, type ChecklistContent } from "./checklist-model.ts";
import { checklistWorkbook } from "./checklist-workbook.ts";
import {
	type ChecklistImportError,
	normalizeNumber,
	readChecklistWorkbook,
} from "./read-checklist-workbook.ts";

const INFO: (string | number | null)[][] = [
	["名称", "テスト用チェックリスト"],
	["種類", "自己点検"],
];

/** One good row per item column, in the layout's order. */
const GOOD_ROW = [
	"6(2)-1",
	"6(2)",
	"2.1",
	"情報資産を台帳に登録しているか。",
	"管理者",
	"はい・いいえ・該当なし",
	"",
	"はい",
	"情報資産管理台帳",
	"",
];

function workbook(
	rows: (string | number | null)[][],
	options: { header?: string[]; info?: (string | number | null)[][]; sheets?: string[] } = {},
) {
	const sheets: SheetOut[] = [
		{ name: CHECKLIST_SHEETS.info, header: [...INFO_HEADER], rows: options.info ?? INFO },
		{ name: CHECKLIST_SHEETS.items, header: options.header ?? [...ITEM_HEADERS], rows },
	];
	const names = options.sheets;
	return writeXlsx(names ? sheets.filter((s) => names.includes(s.name)) : sheets);
}

function row(overrides: Record<number, string>): string[] {
	return GOOD_ROW.map((cell, index) => overrides[index] ?? cell);
}

/** The errors as `sheet!row column: code`, the way a person locates them. */
function where(errors: ChecklistImportError[]): string[] {
	return errors.map((e) => `${e.sheet}!${e.row ?? "-"} ${e.column ?? "-"}: ${e.code}`);
}

describe("a good checklist file", () => {
	test("is read into items with codes, clauses in stored form and levels", async () => {
		const parsed = await readChecklistWorkbook(
			await workbook([
				GOOD_ROW,
				row({
					0: "６（５）－１",
					1: "６（５）",
					2: "",
					4: "全職員",
					5: "段階",
					6: "未実施|一部|実施済み",
					7: "",
				}),
			]),
		);
		assert.deepEqual(parsed.errors, []);
		assert.equal(parsed.rows, 2);
		assert.equal(parsed.content?.kind, "self_inspection");
		assert.equal(parsed.content?.title, "テスト用チェックリスト");
		assert.deepEqual(parsed.content?.items[1], {
			number: "6(5)-1",
			policyClause: "6(5)",
			standardsChapter: null,
			question: "情報資産を台帳に登録しているか。",
			answerer: "all_staff",
			scale: "level",
			levels: ["未実施", "一部", "実施済み"],
			required: false,
			evidence: "情報資産管理台帳",
			packRef: null,
		});
	});

	test("written by the exporter, reads back unchanged", async () => {
		const content: ChecklistContent = {
			kind: "audit",
			title: "監査",
			description: "説明の文。",
			items: [
				{
					number: "2.1-1",
					policyClause: "6(2)",
					standardsChapter: "2.1",
					question: "台帳があるか。",
					answerer: "system_admin",
					scale: "level",
					levels: ["不適合", "適合"],
					required: true,
					evidence: null,
					packRef: "provision:freeMail",
				},
			],
		};
		const back = await readChecklistWorkbook(await checklistWorkbook(content, []));
		assert.deepEqual(back.errors, []);
		assert.deepEqual(back.content, content);
	});

	test("the item number is normalised from full-width forms", () => {
		assert.equal(normalizeNumber("６（２）－１"), "6(2)-1");
		assert.equal(normalizeNumber(" 6(3)① - 2 "), "6(3)①-2");
	});
});

describe("a bad checklist file is refused with sheet, row and column", () => {
	test("a missing items sheet", async () => {
		const parsed = await readChecklistWorkbook(
			await workbook([GOOD_ROW], { sheets: [CHECKLIST_SHEETS.info] }),
		);
		assert.equal(parsed.content, null);
		assert.deepEqual(where(parsed.errors), ["点検項目!- -: checklist_sheet_missing"]);
		assert.deepEqual(parsed.errors[0]?.params, { sheet: "点検項目" });
	});

	test("a missing heading sheet", async () => {
		const parsed = await readChecklistWorkbook(
			await workbook([GOOD_ROW], { sheets: [CHECKLIST_SHEETS.items] }),
		);
		assert.deepEqual(where(parsed.errors), ["チェックリスト!- -: checklist_sheet_missing"]);
	});

	test("a bad header: an unknown column, a repeated one and a missing required one", async () => {
		const header = ["番号", "番号", "設問", "回答者", "回答の形式", "必須"];
		const parsed = await readChecklistWorkbook(await workbook([], { header }));
		assert.deepEqual(where(parsed.errors), [
			"点検項目!1 番号: column_duplicate",
			"点検項目!1 設問: column_unknown",
			"点検項目!1 点検内容: column_missing",
		]);
		assert.equal(parsed.errors[1]?.params.header, "設問");
	});

	test("an unknown answerer and a bad scale", async () => {
		const parsed = await readChecklistWorkbook(
			await workbook([row({ 4: "課長補佐" }), row({ 0: "6(2)-2", 5: "５段階評価" })]),
		);
		assert.deepEqual(where(parsed.errors), [
			"点検項目!2 回答者: value_not_in_list",
			"点検項目!3 回答の形式: value_not_in_list",
		]);
		assert.deepEqual(parsed.errors[0]?.params, {
			value: "課長補佐",
			header: "回答者",
			choices: "全職員、管理者、システム管理者",
		});
	});

	test("levels that do not fit the scale", async () => {
		const parsed = await readChecklistWorkbook(
			await workbook([
				row({ 5: "段階" }),
				row({ 0: "b", 5: "段階", 6: "ひとつだけ" }),
				row({ 0: "c", 5: "段階", 6: "低|高|低" }),
				row({ 0: "d", 6: "低|高" }),
			]),
		);
		assert.deepEqual(where(parsed.errors), [
			"点検項目!2 段階: checklist_levels_missing",
			"点検項目!3 段階: checklist_levels_count",
			"点検項目!4 段階: checklist_level_repeated",
			"点検項目!5 段階: checklist_levels_unexpected",
		]);
	});

	test("a repeated item number names the row it repeats", async () => {
		const parsed = await readChecklistWorkbook(await workbook([GOOD_ROW, GOOD_ROW]));
		assert.deepEqual(where(parsed.errors), ["点検項目!3 番号: checklist_number_repeated"]);
		assert.deepEqual(parsed.errors[0]?.params, { value: "6(2)-1", first: 2 });
	});

	test("a value of the wrong type: 必須 holding a number, a clause that is no clause", async () => {
		const parsed = await readChecklistWorkbook(
			await workbook([row({ 7: "12" }), row({ 0: "x", 1: "第六条", 2: "二章" })]),
		);
		assert.deepEqual(where(parsed.errors), [
			"点検項目!2 必須: checklist_flag_invalid",
			"点検項目!3 基本方針: checklist_policy_clause_invalid",
			"点検項目!3 対策基準: checklist_chapter_invalid",
		]);
	});

	test("an item without the clause it checks, or without a question", async () => {
		const parsed = await readChecklistWorkbook(
			await workbook([row({ 1: "", 2: "" }), row({ 0: "y", 3: "" })]),
		);
		assert.deepEqual(where(parsed.errors), [
			"点検項目!2 基本方針: checklist_clause_missing",
			"点検項目!3 点検内容: value_required",
		]);
	});

	test("a heading without its name and with an unknown kind", async () => {
		const parsed = await readChecklistWorkbook(
			await workbook([GOOD_ROW], {
				info: [
					["名称", ""],
					["種類", "内部統制"],
					["作成者", "情報政策課"],
				],
			}),
		);
		assert.deepEqual(where(parsed.errors), [
			"チェックリスト!4 項目: checklist_info_unknown",
			"チェックリスト!2 値: value_required",
			"チェックリスト!3 値: value_not_in_list",
		]);
	});

	test("too many rows", async () => {
		const rows = Array.from({ length: CHECKLIST_LIMITS.items + 1 }, (_, i) => row({ 0: `n-${i}` }));
		const parsed = await readChecklistWorkbook(await workbook(rows));
		assert.equal(parsed.content, null);
		assert.deepEqual(where(parsed.errors), ["点検項目!- -: too_many_rows"]);
		assert.deepEqual(parsed.errors[0]?.params, {
			limit: CHECKLIST_LIMITS.items,
			sheet: "点検項目",
		});
	});

	test("a CSV file, or a file that is no workbook", async () => {
		const csv = await readChecklistWorkbook(new TextEncoder().encode("番号,点検内容\n1,a\n"));
		assert.deepEqual(where(csv.errors), ["null!- -: xlsx_required"]);
		const broken = await readChecklistWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
		assert.equal(broken.content, null);
		assert.equal(broken.errorCount, 1);
	});

	test("an empty items sheet", async () => {
		const parsed = await readChecklistWorkbook(await workbook([]));
		assert.deepEqual(where(parsed.errors), ["点検項目!- -: checklist_no_items"]);
	});

	test("every error of a file is listed, not only the first", async () => {
		const rows = Array.from({ length: 30 }, (_, i) => row({ 0: `r${i}`, 4: "誰か" }));
		const parsed = await readChecklistWorkbook(await workbook(rows));
		assert.equal(parsed.errorCount, 30);
		assert.equal(parsed.errors.at(-1)?.row, 31);
	});
});
