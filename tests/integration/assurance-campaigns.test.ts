import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import type {
	CampaignDetail,
	ResponseView,
} from "../../src/modules/assurance/campaigns/campaigns.schemas.ts";
import {
	REMIND_DAYS_BEFORE,
	reminderMail,
	remindRespondents,
} from "../../src/modules/assurance/campaigns/remind-respondents.ts";
import { submitAnswers } from "../../src/modules/assurance/campaigns/submit-answers.ts";
import { myWork } from "../../src/modules/home/my-work.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readWorkbook } from "../../src/shared/tabular.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { addToStaff, answerAll, dueInAWeek, makeCampaign } from "../helpers/campaign-world.ts";
import { bundledChecklistId } from "../helpers/checklist-world.ts";
import type { TestClient } from "../helpers/client.ts";
import { type MadeAccount, makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Self-inspection campaigns over HTTP: 統括 opens one over a department's two sections; the
 * respondents come from the roster (staff answer all-staff items, the 管理者 also the manager
 * items); a member of staff saves drafts, submits, and is locked out of changes; the rates per
 * unit, department and clause follow the submitted answers; the 管理者 signs off (with a note
 * while someone has not submitted); each person sees only what their role allows.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface Person {
	account: MadeAccount;
	client: TestClient;
}

describe("a self-inspection campaign from opening to sign-off", () => {
	let tenant: TenantRow;
	let chief: Person;
	let manager: Person;
	let staffA: Person;
	let staffB: Person;
	let staffOther: Person;
	let outsider: Person;
	let unitA: string;
	let unitB: string;
	let department: string;
	let campaign: CampaignDetail;
	before(async () => {
		tenant = await makeTenant(runtime);
		department = (await makeOrgUnit(runtime, tenant, { name: "総務部", kind: "department" })).id;
		unitA = (await makeOrgUnit(runtime, tenant, { name: "情報政策課", parent_id: department })).id;
		unitB = (await makeOrgUnit(runtime, tenant, { name: "人事課", parent_id: department })).id;
		const client = async (account: MadeAccount) => ({
			account,
			client: await activeClient(runtime, app, account),
		});
		chief = await client(await makeAccount(runtime, tenant, { roles: ["chief_officer"] }));
		const managerStaff = await makeAccount(runtime, tenant, { totp: true });
		await addToStaff(runtime, tenant.id, managerStaff.id, unitA);
		await inTransaction(runtime.db, (tx) =>
			assignRole(tx, systemActor(tenant.id, "test"), managerStaff.id, {
				role: "section_manager",
				orgUnitId: unitA,
				validTo: null,
			}),
		);
		manager = await client(managerStaff);
		staffA = await client(await makeStaff(runtime, tenant, unitA));
		staffB = await client(await makeStaff(runtime, tenant, unitB));
		staffOther = await client(
			await makeStaff(runtime, tenant, (await makeOrgUnit(runtime, tenant)).id),
		);
		outsider = await client(await makeAccount(runtime, tenant));
	});

	const openBody = async (extra: Record<string, unknown> = {}) => ({
		title: "令和8年度 情報セキュリティ自己点検",
		fiscalYear: 2026,
		checklistId: await bundledChecklistId(runtime, tenant.id),
		version: 1,
		unitIds: [department],
		includeSubUnits: true,
		dueOn: dueInAWeek(),
		...extra,
	});
	const mine = async (person: Person) =>
		expectJson<CampaignDetail>(
			await person.client.get(`/api/assurance/campaigns/${campaign.campaign.id}`),
		);

	test("統括 opens a campaign over a department with its sections; respondents come from the roster", async () => {
		await expectProblem(
			await staffA.client.post("/api/assurance/campaigns", await openBody()),
			403,
			"forbidden",
		);
		const past = await expectProblem(
			await chief.client.post("/api/assurance/campaigns", await openBody({ dueOn: "2020-01-01" })),
			400,
			"validation_failed",
		);
		assert.equal(past.issues?.[0]?.code, "campaign_due_in_past");
		campaign = await expectJson<CampaignDetail>(
			await chief.client.post("/api/assurance/campaigns", await openBody()),
			201,
		);
		assert.equal(campaign.campaign.units, 3, "the department and its two sections");
		assert.equal(campaign.campaign.respondents, 3, "two members of staff and the 管理者");
		const rates = campaign.rates;
		assert.ok(rates);
		const a = rates.units.find((u) => u.unitId === unitA);
		// The standard checklist: 16 all-staff items, 16 manager items.
		assert.equal(a?.assigned, 16 + 16 + 16, "staff A: 16; the 管理者: 16 + 16");
		assert.equal(rates.total.responseRate, 0);
		const answers = await runtime.db
			.selectFrom("assurance_campaign_answers")
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.executeTakeFirstOrThrow();
		assert.equal(Number(answers.n), 0, "no answer rows are written at opening");
		const events = await auditEvents(runtime.db, tenant.id);
		assert.ok(events.some((e) => e.type === "assurance_campaign.opened"));
	});

	test("a respondent sees only their own items; Home counts them", async () => {
		const listed = await expectJson<{ items: { id: string; mine: { respondentId: string }[] }[] }>(
			await staffA.client.get("/api/assurance/campaigns"),
		);
		const respondentId = listed.items[0]?.mine[0]?.respondentId;
		assert.ok(respondentId);
		const view = await expectJson<ResponseView>(
			await staffA.client.get(`/api/assurance/responses/${respondentId}`),
		);
		assert.equal(view.items.length, 16);
		assert.ok(view.items.every((item) => item.answerer === "all_staff"));
		await expectProblem(
			await staffB.client.get(`/api/assurance/responses/${respondentId}`),
			404,
			"not_found",
		);
		await expectProblem(
			await chief.client.get(`/api/assurance/responses/${respondentId}`),
			404,
			"not_found",
		);
		const work = await myWork(runtime.db, {
			tenantId: tenant.id,
			accountId: staffA.account.id,
			label: "x",
			roles: [],
			ip: null,
		});
		assert.deepEqual(
			work.items.find((i) => i.kind === "campaign_items"),
			{ kind: "campaign_items", count: 16 },
		);
		const empty = await expectJson<{ items: unknown[] }>(
			await staffOther.client.get("/api/assurance/campaigns"),
		);
		assert.equal(empty.items.length, 0, "not in the campaign: nothing listed");
		await expectProblem(
			await outsider.client.get(`/api/assurance/campaigns/${campaign.campaign.id}`),
			404,
			"not_found",
		);
	});

	test("drafts, an evidence file, submit, then locked; the rates follow the submission", async () => {
		const listed = await expectJson<{ items: { mine: { respondentId: string }[] }[] }>(
			await staffA.client.get("/api/assurance/campaigns"),
		);
		const respondentId = listed.items[0]?.mine[0]?.respondentId as string;
		let view = await expectJson<ResponseView>(
			await staffA.client.get(`/api/assurance/responses/${respondentId}`),
		);
		const [first, second] = view.items;
		assert.ok(first && second);
		const bad = await expectProblem(
			await staffA.client.request(
				"PUT",
				`/api/assurance/responses/${respondentId}/answers/${first.itemId}`,
				{
					answer: "level",
					levelIndex: 0,
				},
			),
			400,
			"validation_failed",
		);
		assert.equal(bad.issues?.[0]?.code, "campaign_answer_scale");
		const pdf = Buffer.from("%PDF-1.4\n証跡\n");
		view = await expectJson<ResponseView>(
			await staffA.client.request(
				"PUT",
				`/api/assurance/responses/${respondentId}/answers/${first.itemId}`,
				{
					answer: "no",
					comment: "退庁時に電源を切っていない日があった",
					evidence: { fileName: "点検写真.pdf", contentBase64: pdf.toString("base64") },
				},
			),
		);
		const answered = view.items.find((i) => i.itemId === first.itemId);
		assert.equal(answered?.answer, "no");
		assert.equal(answered?.evidence?.size, pdf.length);
		assert.match(answered?.evidence?.sha256 ?? "", /^[0-9a-f]{64}$/);
		assert.equal(view.answered, 1);
		const early = await expectProblem(
			await staffA.client.post(`/api/assurance/responses/${respondentId}/submit`),
			409,
			"conflict",
		);
		assert.deepEqual(early.issues?.[0]?.params, { open: 15 });
		// Drafts do not count towards the rates.
		const before = await mine(chief);
		assert.equal(before.rates?.total.answered, 0);

		await answerAll(runtime, staffA.account.id, tenant.id, respondentId, (number) =>
			number === first.number ? "no" : "yes",
		);
		await expectJson<ResponseView>(
			await staffA.client.post(`/api/assurance/responses/${respondentId}/submit`),
		);
		const raised = await runtime.db
			.selectFrom("findings")
			.selectAll()
			.where("tenant_id", "=", tenant.id)
			.execute();
		const required = view.items.find((i) => i.itemId === first.itemId)?.required;
		assert.equal(required, true);
		assert.equal(raised.length, 1, "the いいえ on a required item is a finding");
		assert.equal(raised[0]?.source, "self_inspection");
		assert.equal(raised[0]?.owner_unit_id, unitA);
		assert.equal(raised[0]?.clause, first.clause);
		const locked = await expectProblem(
			await staffA.client.request(
				"PUT",
				`/api/assurance/responses/${respondentId}/answers/${second.itemId}`,
				{
					answer: "na",
				},
			),
			409,
			"conflict",
		);
		assert.equal(locked.issues?.[0]?.code, "campaign_submitted");

		const after = await mine(chief);
		const rates = after.rates;
		assert.ok(rates);
		const a = rates.units.find((u) => u.unitId === unitA);
		assert.equal(a?.answered, 16);
		assert.equal(a?.responseRate, 33.3, "16 of 48 slots");
		assert.equal(a?.submitted, 1);
		const yesNo = (a?.yes ?? 0) + (a?.no ?? 0);
		assert.equal(a?.no, 1);
		assert.ok(yesNo <= 16);
		const dept = rates.departments.find((d) => d.departmentId === department);
		assert.equal(dept?.answered, 16, "the sections roll up to 総務部");
		const clause = rates.clauses.find((c) => c.no === 1);
		assert.ok(clause, "the いいえ shows in its clause");
		const cell = rates.heat.find((h) => h.unitId === unitA && h.clause === clause.clause);
		assert.ok(cell && cell.complianceRate !== null && cell.complianceRate < 100);
	});

	test("the 管理者 sees their unit only and signs off, with a note while someone has not submitted", async () => {
		const seen = await mine(manager);
		assert.deepEqual(
			seen.rates?.units.map((u) => u.unitId),
			[unitA],
			"a 管理者 sees their own unit's rates",
		);
		assert.equal(seen.rates?.units[0]?.maySignOff, true);
		const review = await expectJson<{ noAnswers: { number: string }[]; respondents: unknown[] }>(
			await manager.client.get(`/api/assurance/campaigns/${campaign.campaign.id}/units/${unitA}`),
		);
		assert.equal(review.noAnswers.length, 1);
		assert.equal(review.respondents.length, 2);
		await expectProblem(
			await manager.client.get(`/api/assurance/campaigns/${campaign.campaign.id}/units/${unitB}`),
			404,
			"not_found",
		);
		await expectProblem(
			await staffA.client.get(`/api/assurance/campaigns/${campaign.campaign.id}/units/${unitA}`),
			403,
			"forbidden",
		);
		const noNote = await expectProblem(
			await manager.client.post(
				`/api/assurance/campaigns/${campaign.campaign.id}/units/${unitA}/sign-off`,
				{ note: null },
			),
			400,
			"validation_failed",
		);
		assert.deepEqual(noNote.issues?.[0]?.params, { field: "note", unsubmitted: 1 });
		await expectProblem(
			await manager.client.post(
				`/api/assurance/campaigns/${campaign.campaign.id}/units/${unitB}/sign-off`,
				{ note: "x" },
			),
			403,
			"forbidden",
		);
		await expectJson(
			await manager.client.post(
				`/api/assurance/campaigns/${campaign.campaign.id}/units/${unitA}/sign-off`,
				{ note: "管理者本人は別途点検" },
			),
		);
		const again = await expectProblem(
			await manager.client.post(
				`/api/assurance/campaigns/${campaign.campaign.id}/units/${unitA}/sign-off`,
				{ note: "x" },
			),
			409,
			"conflict",
		);
		assert.equal(again.issues?.[0]?.code, "campaign_unit_signed_off");
		const all = await mine(chief);
		const a = all.rates?.units.find((u) => u.unitId === unitA);
		assert.ok(a?.signedOffAt);
		assert.equal(a?.signOffNote, "管理者本人は別途点検");
		const events = await auditEvents(runtime.db, tenant.id);
		const signed = events.find((e) => e.type === "assurance_campaign.signed_off");
		assert.equal(signed?.payload.unsubmitted, 1);
		assert.ok(events.some((e) => e.type === "assurance_campaign.submitted"));
		assert.ok(events.some((e) => e.type === "assurance_campaign.answered"));
	});

	test("exports: the answers and rate tables as XLSX, the report as PDF, for those who see the units", async () => {
		const xlsx = await chief.client.get(`/api/assurance/campaigns/${campaign.campaign.id}/export`);
		assert.equal(xlsx.status, 200);
		const book = await readWorkbook(new Uint8Array(await xlsx.arrayBuffer()));
		assert.deepEqual(
			book.sheets.map((sheet) => sheet.name),
			["回答", "所属別", "部局別", "条項別"],
		);
		const answers = book.sheets[0]?.rows ?? [];
		assert.equal(answers.length, 1 + 16, "the header and staff A's 16 answers");
		assert.equal(answers.filter((row) => row[5] === "いいえ").length, 1, "the one いいえ");
		const units = book.sheets[1]?.rows ?? [];
		assert.ok(units.some((row) => row[0] === "情報政策課" && row.includes("33.3%")));
		const mine = await manager.client.get(
			`/api/assurance/campaigns/${campaign.campaign.id}/export`,
		);
		const theirs = await readWorkbook(new Uint8Array(await mine.arrayBuffer()));
		assert.deepEqual(
			(theirs.sheets[1]?.rows ?? []).slice(1).map((row) => row[0]),
			["情報政策課"],
			"a 管理者 exports their unit only",
		);
		await expectProblem(
			await staffA.client.get(`/api/assurance/campaigns/${campaign.campaign.id}/export`),
			403,
			"forbidden",
		);
		const pdf = await chief.client.get(`/api/assurance/campaigns/${campaign.campaign.id}/report`);
		assert.equal(pdf.status, 200);
		const text = pdfText(new Uint8Array(await pdf.arrayBuffer())) ?? "";
		assert.match(text, /令和8年度（2026年度）/);
		assert.match(text, /情報政策課/);
		assert.match(text, /33\.3%/);
		const events = await auditEvents(runtime.db, tenant.id);
		assert.equal(events.filter((e) => e.type === "assurance_campaign.exported").length, 3);
	});
});

describe("reminders of open items before the due date", () => {
	test("respondents who have not submitted are reminded N days before and on the due date, once a day", async () => {
		const tenant = await makeTenant(runtime);
		const unit = await makeOrgUnit(runtime, tenant, { name: "税務課" });
		const early = await makeStaff(runtime, tenant, unit.id);
		const done = await makeStaff(runtime, tenant, unit.id);
		const campaign = await makeCampaign(runtime, tenant.id, [unit.id]);
		const respondentOf = async (accountId: string) =>
			(
				await runtime.db
					.selectFrom("assurance_campaign_respondents")
					.select("id")
					.where("campaign_id", "=", campaign.id)
					.where("account_id", "=", accountId)
					.executeTakeFirstOrThrow()
			).id;
		const doneId = await respondentOf(done.id);
		await answerAll(runtime, done.id, tenant.id, doneId);
		await inTransaction(runtime.db, (tx) =>
			submitAnswers(
				tx,
				{ tenantId: tenant.id, accountId: done.id, label: "x", roles: [], ip: null },
				doneId,
			),
		);
		const at = (daysBefore: number) =>
			new Date(Date.parse(`${campaign.due_on}T10:00:00+09:00`) - daysBefore * 86_400_000);
		assert.deepEqual(await remindRespondents(runtime, tenant.id, at(REMIND_DAYS_BEFORE + 1)), []);
		const first = await remindRespondents(runtime, tenant.id, at(REMIND_DAYS_BEFORE));
		assert.deepEqual(first, [{ campaignId: campaign.id, reminded: 1 }]);
		const again = await remindRespondents(runtime, tenant.id, at(REMIND_DAYS_BEFORE));
		assert.deepEqual(again, [{ campaignId: campaign.id, reminded: 0 }], "once a day");
		const onTheDay = await remindRespondents(runtime, tenant.id, at(0));
		assert.deepEqual(onTheDay, [{ campaignId: campaign.id, reminded: 1 }]);
		const rows = await runtime.db
			.selectFrom("assurance_campaign_reminders")
			.selectAll()
			.where("tenant_id", "=", tenant.id)
			.orderBy("reminded_on")
			.execute();
		assert.deepEqual(
			rows.map((r) => [r.account_id, Number(r.days_left), Number(r.open_items)]),
			[
				[early.id, REMIND_DAYS_BEFORE, 16],
				[early.id, 0, 16],
			],
		);
		const events = await auditEvents(runtime.db, tenant.id);
		assert.equal(events.filter((e) => e.type === "assurance_campaign.reminded").length, 2);
		const mail = reminderMail(
			{ respondent_id: "r1", open_items: 16, days_left: 3 },
			{ title: campaign.title, due_on: "2026-12-25" },
			"wareki",
			"税務 花子",
			"zeimu@city.example.jp",
		);
		assert.match(mail.subject, /令和8年12月25日/);
		assert.match(mail.text, /未提出 16 項目.*あと3日/);
	});
});
