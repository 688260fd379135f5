import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { openCampaign } from "../../src/modules/assurance/campaigns/open-campaign.ts";
import { acknowledgeVersion } from "../../src/modules/policies/documents/acknowledge.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { recordAttendance } from "../../src/modules/training/record-attendance.ts";
import { openTrainingDesk } from "../../src/modules/training/training-desk.ts";
import { fiscalYear, formatFiscalYear } from "../../src/shared/dates.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { campaignActor, dueInAWeek } from "../helpers/campaign-world.ts";
import { bundledChecklistId } from "../helpers/checklist-world.ts";
import type { TestClient } from "../helpers/client.ts";
import { actorFor, makeDisposal, makeTakeOut } from "../helpers/custody-world.ts";
import { makeVersion } from "../helpers/documents-world.ts";
import { makeTenant } from "../helpers/factories.ts";
import { makeFinding } from "../helpers/finding-world.ts";
import { expectProblem } from "../helpers/http.ts";
import { caseAt } from "../helpers/incident-history.ts";
import { newUnit, person } from "../helpers/incident-people.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";
import { makeCourse, trainingOwner } from "../helpers/training-world.ts";

/**
 * The yearly status report (情報セキュリティ対策の状況): a fiscal year's facts made through the
 * modules' use cases — a policy version published and acknowledged, an in-person course with
 * one of the four staff on the roster recorded, a self-inspection, findings
 * open and closed, incidents by category (and one of the year before), take-outs and disposals —
 * read back from the PDF (Japanese text) and the workbook, for the CISO and 統括 only; another
 * tenant's facts are never counted.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let tenant: TenantRow;
let unit: OrgUnitTable;
let ciso: TestClient;
let chief: TestClient;
let csirt: TestClient;
let auditor: TestClient;

/** The current fiscal year: the use cases date findings, take-outs and publications today. */
const YEAR = fiscalYear(new Date().toISOString());
const WAREKI = formatFiscalYear(YEAR, "wareki");
const standard = loadBundledPack("standard");
const threat = (code: string) =>
	standard.threats.find((t) => t.code === code)?.label.ja ?? assert.fail(`no threat ${code}`);

/** A case reported at `at` and triaged an hour later into `category`. */
const triagedCase = (tenantId: string, at: string, category: string) =>
	caseAt(
		runtime,
		tenantId,
		at,
		{},
		{
			triage: {
				at: new Date(Date.parse(at) + 3_600_000).toISOString(),
				input: { category, severity: 2, people: 0, dataKinds: [], unitIds: [] },
			},
		},
	);

/** Facts of `YEAR` (and one case of the year before) in a tenant, through the use cases. */
async function yearOfFacts(t: TenantRow, at: OrgUnitTable) {
	await triagedCase(t.id, `${YEAR}-05-12T01:00:00Z`, "unintentional");
	await triagedCase(t.id, `${YEAR}-06-02T01:00:00Z`, "unintentional");
	await triagedCase(t.id, `${YEAR}-07-01T01:00:00Z`, "intentional");
	await triagedCase(t.id, `${YEAR - 1}-06-02T01:00:00Z`, "intentional");
	await makeFinding(runtime, t.id, at.id, "open");
	await makeFinding(runtime, t.id, at.id, "action_planned");
	await makeFinding(runtime, t.id, at.id, "verified");
	await makeTakeOut(runtime, t.id, at.id);
	await makeTakeOut(runtime, t.id, at.id, { returned: true });
	await makeDisposal(runtime, t.id, at.id, { performedOn: `${YEAR}-10-01`, close: true });
	await makeDisposal(runtime, t.id, at.id, { performedOn: `${YEAR - 1}-10-01` });
	const course = await makeCourse(runtime, t.id, {
		title: "情報セキュリティ集合研修",
		kind: "in_person",
		quiz: null,
		passMark: null,
	});
	await inTransaction(runtime.db, async (tx) => {
		const first = await tx
			.selectFrom("training_assignments")
			.select("staff_id")
			.where("course_id", "=", course.id)
			.orderBy("staff_id")
			.executeTakeFirstOrThrow();
		await recordAttendance(tx, await openTrainingDesk(tx, trainingOwner(t.id)), course.id, [
			first.staff_id,
		]);
	});
	const checklistId = await bundledChecklistId(runtime, t.id, "standard.self_inspection");
	await inTransaction(runtime.db, (tx) =>
		openCampaign(tx, campaignActor(t.id), {
			title: `${WAREKI} 情報セキュリティ自己点検`,
			fiscalYear: YEAR,
			checklistId,
			version: 1,
			unitIds: [at.id],
			includeSubUnits: false,
			dueOn: dueInAWeek(),
		}),
	);
}

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	tenant = await makeTenant(runtime);
	unit = await newUnit(runtime, tenant, "情報政策課");
	const head = await person(runtime, app, tenant, unit, ["ciso"]);
	ciso = head.client;
	chief = (await person(runtime, app, tenant, unit, ["chief_officer"])).client;
	csirt = (await person(runtime, app, tenant, unit, ["csirt"])).client;
	auditor = (await person(runtime, app, tenant, unit, ["auditor"])).client;
	await yearOfFacts(tenant, unit);
	const version = await makeVersion(runtime, tenant.id, "published");
	const reader = await actorFor(runtime, tenant.id, head.account.id);
	await inTransaction(runtime.db, (tx) => acknowledgeVersion(tx, reader, version.id));

	// Another tenant with the same kind of year: none of it may reach the first tenant's report.
	const other = await makeTenant(runtime);
	const otherUnit = await newUnit(runtime, other, "総務課");
	await person(runtime, app, other, otherUnit);
	await person(runtime, app, other, otherUnit);
	await yearOfFacts(other, otherUnit);
	await makeFinding(runtime, other.id, (await newUnit(runtime, other, "税務課")).id, "open");
});
after(() => runtime.cleanup());

/** The report's workbook as a map from 区分 / 項目 to its value. */
async function workbook(client: TestClient) {
	const response = await client.get(`/api/assurance/status-report?fiscalYear=${YEAR}&format=xlsx`);
	assert.equal(response.status, 200);
	const table = await readTable(new Uint8Array(await response.arrayBuffer()));
	assert.equal(table.format, "xlsx");
	assert.deepEqual(table.rows[0], ["区分", "項目", "値"]);
	return new Map(table.rows.slice(1).map((row) => [`${row[0]} / ${row[1]}`, row[2]]));
}

test("the PDF reads back in Japanese with the year's figures", async () => {
	const response = await ciso.get(`/api/assurance/status-report?fiscalYear=${YEAR}&format=pdf`);
	assert.equal(response.status, 200);
	assert.equal(response.headers.get("content-type"), "application/pdf");
	assert.match(
		decodeURIComponent(response.headers.get("content-disposition") ?? ""),
		new RegExp(`filename\\*=UTF-8''情報セキュリティ対策状況報告_${WAREKI}_\\d{8}\\.pdf$`, "u"),
	);
	const text = pdfText(new Uint8Array(await response.arrayBuffer()));
	assert.ok(text !== null, "pdftotext (poppler-utils) is needed to read the PDF back");
	const flat = text.replace(/\s+/gu, " ");
	assert.ok(flat.includes(`情報セキュリティ対策の状況報告（${WAREKI}（${YEAR}年度））`), flat);
	for (const heading of [
		"1. 概要",
		"2. 情報セキュリティポリシーの策定・改定",
		"3. ポリシーの職員確認（既読）状況",
		"4. 情報セキュリティ研修",
		"5. 自己点検",
		"6. 情報セキュリティ監査",
		"7. 指摘事項（是正処置）",
		"8. インシデント",
		"9. 情報資産の持ち出し・廃棄",
		"10. 三層分離（ネットワーク）チェック",
	]) {
		assert.ok(flat.includes(heading), `heading ${heading}`);
	}
	assert.match(
		flat,
		/実施した研修（件） 1 対象者（延べ人数） 4 受講済（延べ人数） 1 受講率（%） 25 /u,
	);
	assert.match(flat, /情報セキュリティ集合研修（集合研修） 1 \/ 4 人（25%）/u);
	assert.ok(flat.includes(`${YEAR}年4月1日〜${YEAR + 1}年3月31日`), "the period in 西暦");
	assert.match(flat, /報告された事案（件） 3 /u);
	assert.match(flat, new RegExp(`区分: ${threat("unintentional")} 2 `, "u"));
	assert.match(flat, new RegExp(`区分: ${threat("intentional")} 1 `, "u"));
	assert.match(flat, /指摘事項（件） 3 未完了（件） 2 完了（件） 1 /u);
	assert.match(flat, /持ち出しの申請（件） 2 /u);
	assert.match(flat, /廃棄・返却（件） 1 /u);
	assert.match(flat, /実施した自己点検（件） 1 /u);
	assert.match(flat, /公表した版（件） 1 うち制定（件） 1 うち改定（件） 0 /u);

	const exported = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "assurance_status_report.exported",
	);
	assert.deepEqual(
		exported.map((e) => e.payload),
		[{ fiscalYear: YEAR, format: "pdf" }],
	);
});

test("the workbook holds the same figures, for 統括 too", async () => {
	const cells = await workbook(chief);
	assert.equal(cells.get("概要 / 対象年度"), `${WAREKI}（${YEAR}年度）`);
	assert.equal(cells.get("情報セキュリティ研修 / 実施した研修（件）"), "1");
	assert.equal(cells.get("情報セキュリティ研修 / 対象者（延べ人数）"), "4");
	assert.equal(cells.get("情報セキュリティ研修 / 受講済（延べ人数）"), "1");
	assert.equal(cells.get("情報セキュリティ研修 / 受講率（%）"), "25");
	assert.equal(cells.get("情報セキュリティ研修 / 標的型メール訓練（件）"), "0");
	assert.equal(cells.get("インシデント / 報告された事案（件）"), "3");
	assert.equal(cells.get(`インシデント / 区分: ${threat("unintentional")}`), "2");
	assert.equal(cells.get(`インシデント / 区分: ${threat("intentional")}`), "1");
	assert.equal(cells.get("指摘事項（是正処置） / 未完了（件）"), "2");
	assert.equal(cells.get("指摘事項（是正処置） / 完了（件）"), "1");
	assert.equal(cells.get("指摘事項（是正処置） / 状態: 確認済み"), "1");
	assert.equal(cells.get("情報資産の持ち出し・廃棄 / 持ち出しの申請（件）"), "2");
	assert.equal(cells.get("情報資産の持ち出し・廃棄 / 持ち出し: 返却済み"), "1");
	assert.equal(cells.get("情報資産の持ち出し・廃棄 / 廃棄・返却（件）"), "1");
	assert.equal(cells.get("情報資産の持ち出し・廃棄 / 記録: 完了"), "1");
	assert.equal(cells.get("自己点検 / 実施した自己点検（件）"), "1");
	assert.equal(cells.get("情報セキュリティポリシーの策定・改定 / 公表した版（件）"), "1");
	assert.equal(cells.get("ポリシーの職員確認（既読）状況 / 確認済みの職員（延べ人数）"), "1");
	const asked = Number(cells.get("ポリシーの職員確認（既読）状況 / 確認を求めた職員（延べ人数）"));
	assert.ok(asked >= 4, "every enabled account of the tenant was asked");
	assert.equal(
		cells.get("ポリシーの職員確認（既読）状況 / 確認率（%）"),
		String(Math.round((1 / asked) * 1000) / 10),
	);
	assert.equal(cells.get("情報セキュリティ監査 / 年度監査計画"), "なし");
	assert.ok(cells.has("三層分離（ネットワーク）チェック / 判定"));
});

test("the year before has its own figures: last year's case and disposal only", async () => {
	const response = await ciso.get(
		`/api/assurance/status-report?fiscalYear=${YEAR - 1}&format=xlsx`,
	);
	assert.equal(response.status, 200);
	const table = await readTable(new Uint8Array(await response.arrayBuffer()));
	const cell = (group: string, item: string) =>
		table.rows.find((row) => row[0] === group && row[1] === item)?.[2];
	assert.equal(cell("インシデント", "報告された事案（件）"), "1");
	assert.equal(cell("インシデント", `区分: ${threat("intentional")}`), "1");
	assert.equal(cell("情報資産の持ち出し・廃棄", "廃棄・返却（件）"), "1");
	assert.equal(cell("指摘事項（是正処置）", "指摘事項（件）"), "0");
});

test("only the CISO and 統括 may take it", async () => {
	for (const client of [csirt, auditor]) {
		await expectProblem(
			await client.get(`/api/assurance/status-report?fiscalYear=${YEAR}&format=pdf`),
			403,
			"forbidden",
		);
	}
});
