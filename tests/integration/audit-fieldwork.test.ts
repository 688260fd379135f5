import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { AuditView } from "../../src/modules/assurance/audits/audits.schemas.ts";
import type { FieldworkView } from "../../src/modules/assurance/audits/fieldwork.schemas.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readWorkbook } from "../../src/shared/tabular.ts";
import { auditBody, yearlyPlanOf } from "../helpers/assurance-audit-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { bundledChecklistId } from "../helpers/checklist-world.ts";
import type { TestClient } from "../helpers/client.ts";
import { type MadeAccount, makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { grantRole } from "../helpers/mail-world.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Audit fieldwork over HTTP: the lead picks the audit checklist; the team's auditors record a
 * result, a note and evidence per unit and item, independence checked on every write; a いいえ
 * becomes a finding of the register; the report reads back as PDF and XLSX.
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

const person = async (account: MadeAccount): Promise<Person> => ({
	account,
	client: await activeClient(runtime, app, account),
});

interface Choices {
	items: { versionId: string; title: string; version: number; itemCount: number }[];
}

describe("audit checklist, fieldwork and report", () => {
	let tenant: TenantRow;
	let chief: Person;
	let lead: Person;
	let member: Person;
	let outsider: Person;
	let soumu: string;
	let audit: AuditView;
	let versionId: string;
	let fieldwork: FieldworkView;
	const base = () => `/api/assurance/audits/${audit.id}`;
	const item = (index: number) => {
		const found = fieldwork.checklist?.items[index];
		assert.ok(found, `item ${index}`);
		return found;
	};
	const put = (who: Person, path: string, body: unknown) => who.client.request("PUT", path, body);
	const resultPath = (itemId: string) => `${base()}/fieldwork/${soumu}/${itemId}`;

	before(async () => {
		tenant = await makeTenant(runtime);
		soumu = (await makeOrgUnit(runtime, tenant, { name: "総務課" })).id;
		const joho = (await makeOrgUnit(runtime, tenant, { name: "情報政策課" })).id;
		// 監査担当: a tenant-wide role, no role in any unit (holders sign in with a second factor).
		lead = await person(await makeAccount(runtime, tenant, { roles: ["auditor"] }));
		member = await person(await makeAccount(runtime, tenant, { roles: ["auditor"] }));
		chief = await person(await makeAccount(runtime, tenant, { roles: ["chief_officer"] }));
		outsider = await person(await makeStaff(runtime, tenant, joho));
		const plan = await yearlyPlanOf(runtime, tenant.id, [soumu]);
		audit = await expectJson<AuditView>(
			await chief.client.post(
				"/api/assurance/audits",
				auditBody({
					yearlyPlanId: plan.id,
					leadAuditorId: lead.account.id,
					auditorIds: [member.account.id],
					unitIds: [soumu],
				}),
			),
			201,
		);
		await bundledChecklistId(runtime, tenant.id, "standard.audit");
	});

	test("the lead picks an audit checklist version; others may not", async () => {
		assert.deepEqual(audit.fieldworkActions, [
			"assurance_audit.choose_checklist",
			"assurance_audit.read_fieldwork",
		]);
		await expectProblem(await outsider.client.get(`${base()}/checklist-choices`), 404, "not_found");
		const notLead = await expectProblem(
			await member.client.get(`${base()}/checklist-choices`),
			403,
			"forbidden",
		);
		assert.equal(notLead.issues?.[0]?.code, "audit_not_lead");
		const choices = await expectJson<Choices>(await lead.client.get(`${base()}/checklist-choices`));
		const standard = choices.items.find(
			(c) => c.title === "情報セキュリティ監査チェックリスト（標準）",
		);
		assert.ok(standard, "the bundled audit checklist is offered");
		assert.ok(standard.itemCount > 10);
		assert.ok(
			choices.items.every((c) => !c.title.includes("自己点検")),
			"only audit checklists",
		);
		versionId = standard.versionId;
		const unknown = await expectProblem(
			await put(lead, `${base()}/checklist`, {
				version: audit.version,
				checklistVersionId: "nope",
			}),
			400,
			"validation_failed",
		);
		assert.equal(unknown.issues?.[0]?.code, "audit_checklist_unknown");
		audit = await expectJson<AuditView>(
			await put(lead, `${base()}/checklist`, {
				version: audit.version,
				checklistVersionId: versionId,
			}),
		);
		assert.equal(audit.checklistVersionId, versionId);
		assert.equal(audit.checklist?.title, "情報セキュリティ監査チェックリスト（標準）");
		const events = await auditEvents(runtime.db, tenant.id);
		const chosen = events.find((e) => e.type === "assurance_audit.checklist_chosen");
		assert.equal(chosen?.payload.checklistVersionId, versionId);
		assert.equal(chosen?.actor_id, lead.account.id);
	});

	test("results are recorded only in fieldwork, by the team, on the item's scale", async () => {
		fieldwork = await expectJson<FieldworkView>(await lead.client.get(`${base()}/fieldwork`));
		assert.equal(fieldwork.units.length, 1);
		assert.equal(fieldwork.units[0]?.name, "総務課");
		const first = item(0);
		const early = await expectProblem(
			await put(lead, resultPath(first.id), { result: "yes" }),
			409,
			"conflict",
		);
		assert.equal(early.issues?.[0]?.code, "audit_not_in_fieldwork");
		audit = await expectJson<AuditView>(
			await chief.client.post(`${base()}/advance`, {
				version: audit.version,
				step: "start_fieldwork",
			}),
		);
		await expectJson(
			await put(lead, resultPath(first.id), { result: "yes", note: "任命書を確認" }),
		);
		await expectJson(
			await put(member, resultPath(item(1).id), {
				result: "no",
				note: "委員会の議事録が作成されていない",
			}),
		);
		const levelIndex = fieldwork.checklist?.items.findIndex((i) => i.scale === "level") ?? -1;
		assert.ok(levelIndex >= 0, "the standard audit checklist has a level item");
		const levelItem = item(levelIndex);
		const wrongScale = await expectProblem(
			await put(lead, resultPath(levelItem.id), { result: "yes" }),
			400,
			"validation_failed",
		);
		assert.equal(wrongScale.issues?.[0]?.code, "audit_result_scale");
		await expectJson(await put(lead, resultPath(levelItem.id), { result: "level", levelIndex: 1 }));
		const notTeam = await expectProblem(
			await put(chief, resultPath(first.id), { result: "no" }),
			403,
			"forbidden",
		);
		assert.equal(notTeam.issues?.[0]?.code, "audit_not_on_team");
		await expectProblem(
			await put(lead, `${base()}/fieldwork/${soumu}/no-such-item`, { result: "yes" }),
			404,
			"not_found",
		);

		const bytes = Buffer.from("委員会議事録（写し）", "utf8");
		const file = await expectJson<{ id: string; sha256: string; size: number }>(
			await member.client.post(`${resultPath(item(1).id)}/evidence`, {
				fileName: "議事録.txt",
				contentBase64: bytes.toString("base64"),
			}),
			201,
		);
		assert.equal(file.sha256, createHash("sha256").update(bytes).digest("hex"));
		const download = await chief.client.get(`${base()}/evidence/${file.id}`);
		assert.equal(download.status, 200);
		assert.equal(download.headers.get("x-content-sha256"), file.sha256);
		assert.deepEqual(Buffer.from(await download.arrayBuffer()), bytes);

		fieldwork = await expectJson<FieldworkView>(await chief.client.get(`${base()}/fieldwork`));
		const unit = fieldwork.units[0];
		assert.ok(unit);
		assert.deepEqual(
			{ yes: unit.counts.yes, no: unit.counts.no, level: unit.counts.level },
			{ yes: 1, no: 1, level: 1 },
		);
		assert.equal(unit.counts.open, (fieldwork.checklist?.items.length ?? 0) - 3);
		assert.equal(
			unit.results.find((r) => r.itemId === item(1).id)?.note,
			"委員会の議事録が作成されていない",
		);
		assert.deepEqual(
			unit.evidence.map((e) => [e.itemId, e.fileName]),
			[[item(1).id, "議事録.txt"]],
		);
		assert.deepEqual(
			fieldwork.allowedActions,
			["assurance_audit.choose_checklist"],
			"統括 reads, does not record",
		);
		await expectProblem(await outsider.client.get(`${base()}/fieldwork`), 404, "not_found");
		const types = (await auditEvents(runtime.db, tenant.id)).map((e) => e.type);
		assert.equal(types.filter((t) => t === "assurance_audit.result_recorded").length, 3);
		assert.ok(types.includes("assurance_audit.evidence_added"));
	});

	test("a いいえ is raised as a finding of the register, once, with the auditor's severity", async () => {
		const needsNo = await expectProblem(
			await lead.client.post(`${resultPath(item(0).id)}/finding`, { severity: "minor" }),
			409,
			"conflict",
		);
		assert.equal(needsNo.issues?.[0]?.code, "audit_finding_needs_no");
		const raised = await expectJson<{ id: string; reference: string; severity: string }>(
			await lead.client.post(`${resultPath(item(1).id)}/finding`, { severity: "major" }),
			201,
		);
		assert.match(raised.reference, /^F-\d{4}-\d{4}$/);
		const finding = await expectJson<{
			source: string;
			clause: string;
			ownerUnit: { id: string };
			severity: string;
			state: string;
			title: string;
			description: string;
		}>(await chief.client.get(`/api/findings/${raised.id}`));
		assert.equal(finding.source, "audit");
		assert.equal(finding.clause, "6(1)");
		assert.equal(finding.ownerUnit.id, soumu);
		assert.equal(finding.severity, "major");
		assert.equal(finding.state, "open");
		assert.equal(finding.title, item(1).question);
		assert.equal(finding.description, "委員会の議事録が作成されていない");
		const twice = await expectProblem(
			await member.client.post(`${resultPath(item(1).id)}/finding`, { severity: "minor" }),
			409,
			"conflict",
		);
		assert.equal(twice.issues?.[0]?.code, "finding_already_raised");
		fieldwork = await expectJson<FieldworkView>(await lead.client.get(`${base()}/fieldwork`));
		const result = fieldwork.units[0]?.results.find((r) => r.itemId === item(1).id);
		assert.equal(result?.finding?.reference, raised.reference);
		assert.deepEqual(fieldwork.allowedActions, [
			"assurance_audit.record",
			"assurance_audit.raise_finding",
			"assurance_audit.choose_checklist",
		]);
		const events = await auditEvents(runtime.db, tenant.id);
		assert.equal(
			events.find((e) => e.type === "assurance_audit.finding_raised")?.payload.reference,
			raised.reference,
		);
		assert.ok(events.some((e) => e.type === "finding.raised"));
	});

	test("once results exist the checklist stays", async () => {
		const inUse = await expectProblem(
			await put(lead, `${base()}/checklist`, { version: audit.version, checklistVersionId: null }),
			409,
			"conflict",
		);
		assert.equal(inUse.issues?.[0]?.code, "audit_checklist_in_use");
	});

	test("a result recorded again replaces the one before and keeps its finding", async () => {
		await expectJson(
			await put(lead, resultPath(item(1).id), {
				result: "no",
				note: "議事録は一部のみ作成されている",
			}),
		);
		fieldwork = await expectJson<FieldworkView>(await lead.client.get(`${base()}/fieldwork`));
		const results = fieldwork.units[0]?.results.filter((r) => r.itemId === item(1).id) ?? [];
		assert.equal(results.length, 1);
		assert.equal(results[0]?.note, "議事録は一部のみ作成されている");
		assert.ok(results[0]?.finding, "the finding stays linked");
	});

	test("an auditor who took a role in the audited unit is refused on the next write", async () => {
		await grantRole(runtime, tenant.id, member.account.id, "section_manager", soumu);
		// A change of roles ends the sessions; the auditor signs in again.
		member = await person(member.account);
		const refused = await expectProblem(
			await put(member, resultPath(item(2).id), { result: "yes" }),
			409,
			"conflict",
		);
		assert.equal(refused.issues?.[0]?.code, "audit_auditor_holds_role_in_unit");
		const evidence = await expectProblem(
			await member.client.post(`${resultPath(item(2).id)}/evidence`, {
				fileName: "a.txt",
				contentBase64: Buffer.from("x").toString("base64"),
			}),
			409,
			"conflict",
		);
		assert.equal(evidence.issues?.[0]?.code, "audit_auditor_holds_role_in_unit");
		await expectJson(await put(lead, resultPath(item(2).id), { result: "na" }));
	});

	test("the report as PDF (Japanese text, 和暦) and XLSX, for the team and those who run audits", async () => {
		const pdf = await chief.client.get(`${base()}/report.pdf`);
		assert.equal(pdf.status, 200);
		assert.equal(pdf.headers.get("content-type"), "application/pdf");
		assert.match(pdf.headers.get("content-disposition") ?? "", /filename\*=UTF-8''/);
		const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
		assert.ok(text !== null, "pdftotext is installed");
		const flat = text.replace(/\s+/g, "");
		assert.match(flat, /令和7年度情報セキュリティ監査監査報告書/);
		assert.match(flat, /令和7年10月1日〜令和7年10月31日/);
		assert.match(flat, /総務課/);
		assert.match(flat, /監査責任者/);
		assert.match(flat, /重大/);
		assert.match(flat, /未対応/);
		assert.match(flat, /F-\d{4}-\d{4}/);

		const xlsx = await lead.client.get(`${base()}/report.xlsx`);
		assert.equal(xlsx.status, 200);
		const book = await readWorkbook(new Uint8Array(await xlsx.arrayBuffer()));
		assert.deepEqual(
			book.sheets.map((s) => s.name),
			["概要", "監査結果", "所属別", "指摘事項"],
		);
		const summary = book.sheets[0]?.rows ?? [];
		assert.ok(
			summary.some((r) => r[0] === "監査期間" && r[1] === "令和7年10月1日 〜 令和7年10月31日"),
		);
		const results = book.sheets[1]?.rows ?? [];
		const no = results.find((r) => r[1] === item(1).number);
		assert.equal(no?.[0], "総務課");
		assert.equal(no?.[4], "いいえ");
		assert.equal(no?.[5], "議事録は一部のみ作成されている");
		assert.equal(String(no?.[6]), "1");
		assert.match(String(no?.[7]), /^F-/);
		assert.ok(
			results.some((r) => r[4] === "一部適合"),
			"a level in its own name",
		);
		const units = book.sheets[2]?.rows ?? [];
		assert.deepEqual(units[1]?.slice(0, 5).map(String), ["総務課", "1", "1", "1", "1"]);
		const findings = book.sheets[3]?.rows ?? [];
		assert.deepEqual(findings[1]?.slice(1).map(String), [
			"重大",
			"総務課",
			"6(1)",
			item(1).question,
			"未対応",
		]);
		const hidden = await expectProblem(
			await outsider.client.get(`${base()}/report.pdf`),
			404,
			"not_found",
		);
		assert.equal(hidden.status, 404);
		const types = (await auditEvents(runtime.db, tenant.id)).map((e) => e.type);
		assert.equal(types.filter((t) => t === "assurance_audit.report_exported").length, 2);
	});
});
