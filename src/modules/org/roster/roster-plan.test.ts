import assert from "node:assert/strict";
import { test } from "node:test";
import { fileIssueText } from "../../../shared/file-issues.ts";
import { ROSTER_ROW_CODES } from "./roster.schemas.ts";
import { parseEffectiveDate, ROSTER_HEADERS, todayInJapan } from "./roster-format.ts";
import { computeRosterPlan, type RosterState, type StaffNow } from "./roster-plan.ts";

const TODAY = "2026-03-31T15:00:00.000Z";

function person(overrides: Partial<StaffNow> = {}): StaffNow {
	return {
		id: "s1",
		accountId: "a1",
		staffNumber: "1001",
		username: "sato",
		displayName: "佐藤 一郎",
		email: null,
		worksInMynumber: false,
		category: "regular",
		orgUnitId: "u-kikaku",
		title: "主事",
		active: true,
		...overrides,
	};
}

function state(overrides: Partial<RosterState> = {}): RosterState {
	const staff = overrides.staff ?? [person()];
	return {
		categories: [
			{ code: "regular", label: "職員" },
			{ code: "fiscal_year_appointed", label: "会計年度任用職員" },
		],
		units: [
			{ id: "u-kikaku", code: "kikaku" },
			{ id: "u-joho", code: "joho" },
		],
		staff,
		accounts: new Map<string, { id: string; disabled: boolean }>([
			...staff.map((s) => [s.username, { id: s.accountId, disabled: false }] as const),
			["admin", { id: "a0", disabled: false }],
			["gone", { id: "a9", disabled: true }],
		]),
		roles: [],
		...overrides,
	};
}

/** A roster row in header order: 職員番号, 氏名, ユーザー名, メール, 区分, 所属, 役職, 役割, マイナンバー, 発令日. */
const row = (cells: Partial<Record<string, string>>): string[] =>
	ROSTER_HEADERS.map((h) => cells[h] ?? "");
const sato = {
	職員番号: "1001",
	氏名: "佐藤 一郎",
	ユーザー名: "sato",
	職員区分: "職員",
	所属コード: "kikaku",
	役職: "主事",
};

test("an unchanged roster plans nothing", () => {
	const plan = computeRosterPlan([[...ROSTER_HEADERS], row(sato)], state(), TODAY);
	assert.deepEqual(plan.errors, []);
	assert.deepEqual(
		Object.entries(plan.counts).filter(([, n]) => n > 0),
		[],
	);
});

test("moves, title and category changes, new staff and leavers are told apart", () => {
	const other = person({
		id: "s2",
		accountId: "a2",
		staffNumber: "1002",
		username: "suzuki",
		displayName: "鈴木 二郎",
	});
	const plan = computeRosterPlan(
		[
			[...ROSTER_HEADERS],
			row({ ...sato, 所属コード: "joho", 役職: "主任", 職員区分: "fiscal_year_appointed" }),
			row({
				職員番号: "2001",
				氏名: "新人 三郎",
				ユーザー名: "shinjin",
				職員区分: "職員",
				所属コード: "joho",
				役割: "CSIRT",
			}),
		],
		state({ staff: [person(), other] }),
		TODAY,
	);
	assert.deepEqual(plan.errors, []);
	assert.deepEqual(
		plan.moves.map((m) => [m.staffNumber, m.fromUnitCode, m.toUnitCode]),
		[["1001", "kikaku", "joho"]],
	);
	assert.deepEqual(
		plan.updates.map((u) => [u.field, u.before, u.after]),
		[
			["category", "regular", "fiscal_year_appointed"],
			["title", "主事", "主任"],
		],
	);
	assert.equal(plan.newStaff[0]?.username, "shinjin");
	assert.deepEqual(plan.newStaff[0]?.roles, [{ role: "csirt", unitId: null, unitCode: null }]);
	assert.equal(plan.newStaff[0]?.effectiveAt, TODAY, "no 発令日: today in Japan");
	assert.deepEqual(
		plan.leavers.map((l) => l.username),
		["suzuki"],
	);
	assert.equal(plan.counts.accountsToDisable, 1);
});

test("role changes end what the roster no longer lists and start what it adds, at the 発令日", () => {
	const plan = computeRosterPlan(
		[[...ROSTER_HEADERS], row({ ...sato, 役割: "管理者@joho; 委員", 発令日: "2026/4/1" })],
		state({
			roles: [
				{ id: "r1", accountId: "a1", role: "section_manager", orgUnitId: "u-kikaku" },
				{ id: "r2", accountId: "a1", role: "committee_member", orgUnitId: null },
			],
		}),
		TODAY,
	);
	assert.deepEqual(plan.errors, []);
	const change = plan.roleChanges[0];
	assert.ok(change);
	assert.equal(change.effectiveAt, "2026-03-31T15:00:00.000Z");
	assert.deepEqual(change.end, [
		{ assignmentId: "r1", role: "section_manager", unitCode: "kikaku" },
	]);
	assert.deepEqual(change.start, [{ role: "section_manager", unitId: "u-joho", unitCode: "joho" }]);
});

test("bad rows are reported row by row and column by column", () => {
	const plan = computeRosterPlan(
		[
			[...ROSTER_HEADERS],
			row({ ...sato, 職員区分: "嘱託" }),
			row({
				職員番号: "2001",
				氏名: "甲",
				ユーザー名: "ko",
				職員区分: "職員",
				所属コード: "nowhere",
			}),
			row({
				職員番号: "2001",
				氏名: "乙",
				ユーザー名: "otsu",
				職員区分: "職員",
				所属コード: "joho",
			}),
			row({
				職員番号: "2002",
				氏名: "丙",
				ユーザー名: "hei",
				職員区分: "職員",
				所属コード: "joho",
				役割: "管理者",
			}),
			row({
				職員番号: "2003",
				氏名: "丁",
				ユーザー名: "tei",
				職員区分: "職員",
				所属コード: "joho",
				役割: "社長",
			}),
			row({
				職員番号: "2004",
				氏名: "戊".repeat(101),
				ユーザー名: "gone",
				職員区分: "職員",
				所属コード: "joho",
				発令日: "2026-02-30",
			}),
		],
		state(),
		TODAY,
	);
	const found = plan.errors.map((e) => `${e.row}:${e.column}:${e.code}`);
	assert.deepEqual(found, [
		"2:職員区分:roster_category_unknown",
		"3:所属コード:roster_unit_unknown",
		"4:職員番号:roster_staff_number_repeated",
		"5:役割:roster_role_needs_unit",
		"6:役割:roster_role_unknown",
		"7:氏名:value_too_long",
		"7:ユーザー名:roster_username_disabled",
		"7:発令日:roster_date_invalid",
	]);
	assert.deepEqual(plan.errors[0]?.params, { value: "嘱託" });
	assert.deepEqual(plan.errors[2]?.params, { value: "2001", first: 3 });
	assert.deepEqual(plan.errors[5]?.params, { max: 100, length: 101 });
	// The Japanese text stays in `message` for the CLI and older clients, from the catalogue.
	assert.equal(plan.errors[0]?.message, "職員区分「嘱託」はありません");
	assert.equal(plan.counts.invalidRows, 6);
	assert.deepEqual(plan.leavers, [], "sato is in the roster, on an invalid row: not a leaver");
});

test("a roster missing a required column is refused as a whole, and nobody leaves", () => {
	const plan = computeRosterPlan(
		[
			["職員番号", "氏名"],
			["1001", "佐藤"],
		],
		state(),
		TODAY,
	);
	assert.deepEqual(
		plan.errors.map((e) => [e.column, e.code]),
		[
			["ユーザー名", "column_missing"],
			["職員区分", "column_missing"],
			["所属コード", "column_missing"],
		],
	);
	assert.deepEqual(plan.leavers, []);
});

test("the administrator's own account cannot be made a leaver", () => {
	const plan = computeRosterPlan(
		[
			[...ROSTER_HEADERS],
			row({ 職員番号: "2001", 氏名: "甲", ユーザー名: "ko", 職員区分: "職員", 所属コード: "joho" }),
		],
		state(),
		TODAY,
		"a1",
	);
	assert.equal(plan.errors[0]?.column, "職員番号");
	assert.equal(plan.errors[0]?.code, "roster_self_missing");
	assert.deepEqual(plan.errors[0]?.params, { staffNumber: "1001" });
	assert.deepEqual(plan.leavers, []);
});

test("an account made by hand becomes a staff record; roles it holds are reconciled", () => {
	const plan = computeRosterPlan(
		[
			[...ROSTER_HEADERS],
			row(sato),
			row({
				職員番号: "2001",
				氏名: "管理 者",
				ユーザー名: "admin",
				職員区分: "職員",
				所属コード: "joho",
				役割: "CISO",
			}),
		],
		state({ roles: [{ id: "r9", accountId: "a0", role: "csirt", orgUnitId: null }] }),
		TODAY,
	);
	assert.deepEqual(plan.errors, []);
	assert.equal(plan.newStaff[0]?.accountId, "a0");
	assert.deepEqual(
		plan.newStaff[0]?.roles.map((r) => r.role),
		["ciso"],
	);
	assert.deepEqual(
		plan.roleChanges[0]?.end.map((r) => r.assignmentId),
		["r9"],
	);
});

test("発令日 and today are midnight in Japan", () => {
	assert.equal(parseEffectiveDate("2026-04-01"), "2026-03-31T15:00:00.000Z");
	assert.equal(parseEffectiveDate("2026-13-01"), undefined);
	assert.equal(todayInJapan(new Date("2026-03-31T16:00:00Z")), "2026-03-31T15:00:00.000Z");
});

test("every row code the plan can give is given with parameters that fill its text", () => {
	const header = [...ROSTER_HEADERS];
	const badHeader = [...header.filter((h) => h !== "所属コード"), "備考", "氏名"];
	const headerPlan = computeRosterPlan([badHeader, row(sato)], state(), TODAY);
	const emptyPlan = computeRosterPlan([header], state(), TODAY);
	const selfPlan = computeRosterPlan(
		[header, row({ ...sato, 職員番号: "9" })],
		state(),
		TODAY,
		"a1",
	);
	const rowsPlan = computeRosterPlan(
		[
			header,
			row({
				...sato,
				メールアドレス: "not-mail",
				マイナンバー利用事務: "たぶん",
				職員区分: "嘱託",
			}),
			row({
				...sato,
				ユーザー名: "sato2",
				所属コード: "nowhere",
				役割: "管理者@nowhere CISO@joho",
			}),
			row({
				職員番号: "2001",
				氏名: "甲",
				ユーザー名: "sato",
				職員区分: "職員",
				所属コード: "joho",
			}),
			row({
				職員番号: "2002",
				氏名: "乙".repeat(101),
				ユーザー名: "x",
				職員区分: "職員",
				所属コード: "joho",
			}),
			row({ 職員番号: "2003", 氏名: "丙", ユーザー名: "x", 職員区分: "", 所属コード: "joho" }),
			row({
				職員番号: "2004",
				氏名: "丁",
				ユーザー名: "gone",
				職員区分: "職員",
				所属コード: "joho",
			}),
			row({
				職員番号: "2005",
				氏名: "戊",
				ユーザー名: "bo",
				職員区分: "職員",
				所属コード: "joho",
				役割: "社長 管理者",
				発令日: "昨日",
			}),
			row({
				職員番号: "2006",
				氏名: "己",
				ユーザー名: "ki",
				職員区分: "職員",
				所属コード: "joho",
				発令日: "H31.5.1",
			}),
		],
		state(),
		TODAY,
	);
	const errors = [headerPlan, emptyPlan, selfPlan, rowsPlan].flatMap((plan) => plan.errors);
	const codes = new Set(errors.map((e) => e.code));
	// A column mapping's own codes come from the mapping engine (mapping.test.ts), not the plan.
	const missing = ROSTER_ROW_CODES.filter(
		(code) => !codes.has(code) && !code.startsWith("mapping_"),
	);
	assert.deepEqual(missing, [], "every code is exercised here");
	for (const error of errors) {
		assert.ok(error.code);
		for (const lang of ["ja", "en"] as const) {
			const text = fileIssueText(error.code, error.params, lang);
			assert.doesNotMatch(text, /\{\w+\}/, `${error.code} (${lang}): ${text}`);
		}
		assert.equal(error.message, fileIssueText(error.code, error.params, "ja"));
	}
});

test("和暦 発令日, full-width numbers, blank rows and a total row", () => {
	const plan = computeRosterPlan(
		[
			[...ROSTER_HEADERS],
			row({ ...sato, 職員番号: "１００１" }),
			["", "", ""],
			row({
				職員番号: "２００１",
				氏名: "髙橋 﨑子",
				ユーザー名: "takahashi",
				職員区分: "職員",
				所属コード: "ｊｏｈｏ",
				発令日: "令和８年４月１日",
			}),
			[],
			["合計", "2名"],
		],
		state(),
		TODAY,
	);
	assert.deepEqual(plan.errors, []);
	assert.equal(plan.skippedBlank, 2);
	assert.deepEqual(plan.skippedTotal, [6]);
	assert.deepEqual(
		plan.newStaff.map((s) => [s.staffNumber, s.displayName, s.unitCode, s.effectiveAt]),
		[["2001", "髙橋 﨑子", "joho", "2026-03-31T15:00:00.000Z"]],
	);
	assert.equal(plan.leavers.length, 0, "１００１ is staff 1001");
	assert.equal(parseEffectiveDate("R8.4.1"), "2026-03-31T15:00:00.000Z");
});
