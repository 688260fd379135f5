import assert from "node:assert/strict";
import { test } from "node:test";
import { datedFileName, templateFileName } from "./export-name.ts";

test("exports are named in Japanese with the day they were made in Japan", () => {
	const at = new Date("2026-12-05T03:00:00Z");
	assert.equal(datedFileName("assetLedger", "xlsx", at), "情報資産管理台帳_20261205.xlsx");
	assert.equal(datedFileName("takeOuts", "csv", at), "持ち出し管理簿_20261205.csv");
	assert.equal(
		datedFileName("networkReport", "pdf", at, ["r3"]),
		"三層分離チェック結果_r3_20261205.pdf",
	);
	// 23:30 on 5 December in UTC is already 6 December in Japan.
	assert.equal(
		datedFileName("auditLog", "csv", new Date("2026-12-05T15:30:00Z")),
		"監査ログ_20261206.csv",
	);
	assert.equal(templateFileName("rosterTemplate", "xlsx"), "職員名簿_取込様式.xlsx");
});
