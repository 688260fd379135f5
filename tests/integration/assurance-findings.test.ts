import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { exportFindings } from "../../src/modules/assurance/findings/export-findings.ts";
import { openFindingDesk } from "../../src/modules/assurance/findings/finding-desk.ts";
import type { FindingView } from "../../src/modules/assurance/findings/findings.schemas.ts";
import { raiseFinding } from "../../src/modules/assurance/findings/raise-finding.ts";
import type { Actor, Role } from "../../src/modules/authz/roles.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { Problem } from "../../src/shared/problem.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import type { TestClient } from "../helpers/client.ts";
import { type MadeAccount, makeAccount, makeTenant } from "../helpers/factories.ts";
import { auditFinding, findingActor, freshViolation } from "../helpers/finding-world.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeIncident } from "../helpers/incident-world.ts";
import { grantRole } from "../helpers/mail-world.ts";
import { makeNetworkFixtures } from "../helpers/network-world.ts";
import { unique } from "../helpers/route-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The findings register over HTTP: a finding is raised, its owner unit's 管理者 plans the
 * corrective action, keeps evidence and marks it done, an auditor verifies; who sees and does
 * what; the network check and incidents as sources; acceptance as a risk through the register.
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

interface FindingList {
	items: { id: string; reference: string; state: string; overdue: boolean; source: string }[];
	total: number;
	allowedActions: string[];
}

const PDF = Buffer.from("%PDF-1.4\n% 改訂した手順書\n");

/** A tenant with a department over two sections, and people in every part the register knows. */
async function findingsTenant() {
	const tenant: TenantRow = await makeTenant(runtime);
	const actor = systemActor(tenant.id, "test");
	const unit = (name: string, kind: "department" | "section", parentId: string | null) =>
		inTransaction(runtime.db, (tx) =>
			createOrgUnit(tx, actor, { code: unique("ou"), name, kind, parentId }),
		);
	const department = await unit("総務部", "department", null);
	const section = await unit("総務課", "section", department.id);
	const other = await unit("税務課", "section", department.id);
	const person = async (roles: [Role, string | null][]): Promise<Person> => {
		const account = await makeAccount(runtime, tenant, { totp: true });
		for (const [role, unitId] of roles)
			await grantRole(runtime, tenant.id, account.id, role, unitId);
		return { account, client: await activeClient(runtime, app, account) };
	};
	return {
		tenant,
		section,
		other,
		department,
		manager: await person([["section_manager", section.id]]),
		otherManager: await person([["section_manager", other.id]]),
		departmentOfficer: await person([["department_officer", department.id]]),
		auditor: await person([["auditor", null]]),
		ciso: await person([["ciso", null]]),
		chief: await person([["chief_officer", null]]),
		csirt: await person([["csirt", null]]),
		staff: await person([]),
	};
}

function issueCode(problem: { issues?: { code?: string }[] }) {
	return problem.issues?.[0]?.code;
}

describe("a finding from audit to verification", () => {
	let w: Awaited<ReturnType<typeof findingsTenant>>;
	let finding: FindingView;
	before(async () => {
		w = await findingsTenant();
	});

	test("an auditor raises a finding for a section; it is open, numbered in the fiscal year", async () => {
		finding = await expectJson<FindingView>(
			await w.auditor.client.post("/api/findings", {
				title: "離席時に端末をロックしていない",
				description: "巡回で3台を確認した。",
				clause: "対策基準 4.4",
				ownerUnitId: w.section.id,
				severity: "moderate",
			}),
			201,
		);
		assert.equal(finding.state, "open");
		assert.equal(finding.source, "manual");
		assert.match(finding.reference, /^F-\d{4}-0001$/);
		assert.deepEqual(finding.ownerUnit, { id: w.section.id, name: "総務課" });
		assert.deepEqual(finding.allowedActions, [], "the auditor verifies, and there is nothing yet");
		assert.deepEqual(
			finding.timeline.map((e) => e.kind),
			["raised"],
		);
	});

	test("the section's 管理者 plans the action for a member of staff, with a due date", async () => {
		const seen = await expectJson<FindingView>(
			await w.manager.client.get(`/api/findings/${finding.id}`),
		);
		assert.deepEqual(seen.allowedActions, [
			"finding.plan",
			"finding.add_evidence",
			"finding.link_risk",
		]);
		const past = await expectProblem(
			await w.manager.client.post(`/api/findings/${finding.id}/plan`, {
				version: 1,
				plan: "自動ロックを設定する",
				ownerId: w.staff.account.id,
				dueOn: "2000-01-01",
			}),
			400,
			"validation_failed",
		);
		assert.equal(issueCode(past), "finding_due_in_past");
		finding = await expectJson<FindingView>(
			await w.manager.client.post(`/api/findings/${finding.id}/plan`, {
				version: 1,
				plan: "全端末に5分の自動ロックを設定し、課内に周知する。",
				ownerId: w.staff.account.id,
				dueOn: "2099-03-31",
			}),
		);
		assert.equal(finding.state, "action_planned");
		assert.equal(finding.dueOn, "2099-03-31");
		assert.equal(finding.plan?.owner.id, w.staff.account.id);
	});

	test("done waits for evidence; the file is kept with its SHA-256 and downloads checked", async () => {
		const early = await expectProblem(
			await w.manager.client.post(`/api/findings/${finding.id}/done`, {
				version: 2,
				note: "設定した",
			}),
			409,
			"conflict",
		);
		assert.equal(issueCode(early), "finding_evidence_required");
		const file = await expectJson<{ id: string; sha256: string; mediaType: string }>(
			await w.manager.client.post(`/api/findings/${finding.id}/evidence`, {
				fileName: "自動ロック設定手順.pdf",
				contentBase64: PDF.toString("base64"),
			}),
			201,
		);
		assert.equal(file.mediaType, "application/pdf");
		const download = await w.auditor.client.get(`/api/findings/${finding.id}/evidence/${file.id}`);
		assert.equal(download.status, 200);
		assert.equal(download.headers.get("x-content-sha256"), file.sha256);
		assert.deepEqual(Buffer.from(await download.arrayBuffer()), PDF);
	});

	test("a stale version is refused; the 管理者 marks it done and may not verify it", async () => {
		const stale = await expectProblem(
			await w.manager.client.post(`/api/findings/${finding.id}/done`, { version: 1, note: "x" }),
			409,
			"conflict",
		);
		assert.equal(issueCode(stale), "stale_version");
		finding = await expectJson<FindingView>(
			await w.manager.client.post(`/api/findings/${finding.id}/done`, {
				version: 2,
				note: "全端末に設定し、課内で周知した。",
			}),
		);
		assert.equal(finding.state, "done");
		assert.equal(finding.done?.note, "全端末に設定し、課内で周知した。");
		await expectProblem(
			await w.manager.client.post(`/api/findings/${finding.id}/verify`, {
				version: 3,
				comment: "自分で確認",
			}),
			403,
			"forbidden",
		);
	});

	test("an auditor returns it once, then it is done again and verified", async () => {
		const returned = await expectJson<FindingView>(
			await w.auditor.client.post(`/api/findings/${finding.id}/reopen`, {
				version: 3,
				comment: "周知の記録が証跡にない。",
			}),
		);
		assert.equal(returned.state, "action_planned");
		assert.equal(returned.done, null);
		finding = await expectJson<FindingView>(
			await w.manager.client.post(`/api/findings/${finding.id}/done`, {
				version: 4,
				note: "周知の記録を追加した。",
			}),
		);
		finding = await expectJson<FindingView>(
			await w.auditor.client.post(`/api/findings/${finding.id}/verify`, {
				version: 5,
				comment: "設定と周知を確認した。",
			}),
		);
		assert.equal(finding.state, "verified");
		assert.equal(finding.verification?.comment, "設定と周知を確認した。");
		assert.deepEqual(finding.allowedActions, []);
		assert.deepEqual(
			finding.timeline.map((e) => e.kind),
			["raised", "planned", "evidence_added", "done", "reopened", "done", "verified"],
		);
	});

	test("every change is an audit event of the finding, in order", async () => {
		const events = (await auditEvents(runtime.db, w.tenant.id)).filter(
			(e) => e.record_id === finding.id,
		);
		assert.deepEqual(
			events.map((e) => e.type),
			[
				"finding.raised",
				"finding.planned",
				"finding.evidence_added",
				"finding.done",
				"finding.reopened",
				"finding.done",
				"finding.verified",
			],
		);
	});
});

describe("who sees and does what", () => {
	let w: Awaited<ReturnType<typeof findingsTenant>>;
	let audit: string;
	let incident: string;
	let other: string;
	before(async () => {
		w = await findingsTenant();
		const ciso = findingActor(w.tenant.id);
		const raise = (input: Parameters<typeof raiseFinding>[2]) =>
			inTransaction(runtime.db, (tx) => raiseFinding(tx, ciso, input)).then((r) => r.finding.id);
		audit = await raise(auditFinding(w.section.id));
		incident = await raise(auditFinding(w.section.id, { source: "incident", sourceRef: "x" }));
		other = await raise(auditFinding(w.other.id, { source: "manual" }));
	});

	const idsOf = async (client: TestClient) =>
		(await expectJson<FindingList>(await client.get("/api/findings"))).items
			.map((i) => i.id)
			.sort();

	test("the section's 管理者 sees its findings, the department officer those of every section", async () => {
		assert.deepEqual(await idsOf(w.manager.client), [audit, incident].sort());
		assert.deepEqual(await idsOf(w.otherManager.client), [other]);
		assert.deepEqual(await idsOf(w.departmentOfficer.client), [audit, incident, other].sort());
		await expectProblem(
			await w.otherManager.client.get(`/api/findings/${audit}`),
			404,
			"not_found",
		);
	});

	test("an auditor sees the audits' findings and what they raised; the CISO and 統括 see all", async () => {
		assert.deepEqual(await idsOf(w.auditor.client), [audit]);
		await expectProblem(await w.auditor.client.get(`/api/findings/${incident}`), 404, "not_found");
		assert.deepEqual(await idsOf(w.ciso.client), [audit, incident, other].sort());
		assert.deepEqual(await idsOf(w.chief.client), [audit, incident, other].sort());
	});

	test("plain staff and the CSIRT are refused the register", async () => {
		await expectProblem(await w.staff.client.get("/api/findings"), 403, "forbidden");
		await expectProblem(await w.csirt.client.get(`/api/findings/${audit}`), 403, "forbidden");
		await expectProblem(
			await w.manager.client.post("/api/findings", {
				title: "x",
				clause: "y",
				ownerUnitId: w.section.id,
				severity: "minor",
			}),
			403,
			"forbidden",
		);
	});

	test("an auditor may not act on a finding; 統括 may act but not verify", async () => {
		const refused = await expectProblem(
			await w.auditor.client.post(`/api/findings/${audit}/plan`, {
				version: 1,
				plan: "x",
				ownerId: w.staff.account.id,
				dueOn: "2099-01-01",
			}),
			403,
			"forbidden",
		);
		assert.equal(refused.issues, undefined, "refused by the policy before any finding is read");
		const view = await expectJson<FindingView>(await w.chief.client.get(`/api/findings/${audit}`));
		assert.ok(view.allowedActions.includes("finding.plan"));
		assert.ok(!view.allowedActions.includes("finding.verify"));
	});

	test("the list filters by state, severity, source, unit and overdue", async () => {
		const count = async (query: string) =>
			(await expectJson<FindingList>(await w.ciso.client.get(`/api/findings?${query}`))).total;
		assert.equal(await count("source=incident"), 1);
		assert.equal(await count(`unitId=${w.other.id}`), 1);
		assert.equal(await count("severity=moderate"), 3);
		assert.equal(await count("severity=major"), 0);
		assert.equal(await count("state=open"), 3);
		assert.equal(await count("overdue=true"), 0);
		assert.equal(await count("overdue=false"), 3);
	});

	test("the export is the filtered register as XLSX, named in Japanese with the date", async () => {
		const response = await w.ciso.client.get("/api/findings/export?source=audit");
		assert.equal(response.status, 200);
		const disposition = response.headers.get("content-disposition") ?? "";
		const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "");
		assert.match(name, /^指摘事項管理簿_\d{8}\.xlsx$/);
		const table = await readTable(new Uint8Array(await response.arrayBuffer()));
		const [header = [], ...rows] = table.rows;
		assert.equal(rows.length, 1);
		const cell = (column: string) => rows[0]?.[header.indexOf(column)];
		assert.equal(cell("発生源"), "監査");
		assert.equal(cell("重大度"), "中");
		assert.equal(cell("状態"), "未対応");
		assert.equal(cell("所管"), "総務課");
	});
});

describe("sources: the network check and incidents", () => {
	let w: Awaited<ReturnType<typeof findingsTenant>>;
	before(async () => {
		w = await findingsTenant();
		await makeNetworkFixtures(runtime, w.tenant);
	});

	test("a failed rule becomes a finding with the rule's clause; once per violation", async () => {
		const violation = await freshViolation(runtime, w.tenant.id);
		const body = {
			rule: violation.rule,
			flow: violation.flow,
			node: violation.node,
			ownerUnitId: w.section.id,
			severity: "major",
		};
		const finding = await expectJson<FindingView>(
			await w.chief.client.post("/api/findings/from-network-check", body),
			201,
		);
		assert.equal(finding.source, "network_check");
		assert.equal(
			finding.sourceRef,
			`${violation.rule}|${violation.flow ?? ""}|${violation.node ?? ""}`,
		);
		assert.ok(
			violation.clause.includes(finding.clause),
			`${finding.clause} from ${violation.clause}`,
		);
		assert.match(finding.sourceLabel ?? "", new RegExp(`^r\\d+ .+（${violation.flow}）$`));
		const twice = await expectProblem(
			await w.chief.client.post("/api/findings/from-network-check", body),
			409,
			"conflict",
		);
		assert.equal(issueCode(twice), "finding_already_raised");
		assert.deepEqual(twice.issues?.[0]?.params, { reference: finding.reference });
		const gone = await expectProblem(
			await w.chief.client.post("/api/findings/from-network-check", { ...body, flow: "no-such" }),
			409,
			"conflict",
		);
		assert.equal(issueCode(gone), "finding_violation_not_found");
		await expectProblem(
			await w.auditor.client.post("/api/findings/from-network-check", body),
			403,
			"forbidden",
		);
	});

	test("an incident case becomes a finding naming the case", async () => {
		const incident = await makeIncident(runtime, w.tenant.id);
		const finding = await expectJson<FindingView>(
			await w.ciso.client.post("/api/findings/from-incident", {
				incidentId: incident.id,
				clause: "対策基準 5.3",
				ownerUnitId: w.section.id,
				severity: "major",
			}),
			201,
		);
		assert.equal(finding.source, "incident");
		assert.equal(finding.sourceRef, incident.id);
		assert.equal(finding.title, incident.title);
		assert.ok(finding.sourceLabel?.startsWith(incident.reference));
		const ofCase = await expectJson<FindingList>(
			await w.ciso.client.get(`/api/findings?source=incident&sourceRef=${incident.id}`),
		);
		assert.deepEqual(
			ofCase.items.map((i) => i.id),
			[finding.id],
		);
		await expectProblem(
			await w.ciso.client.post("/api/findings/from-incident", {
				incidentId: "no-such-case",
				clause: "対策基準 5.3",
				ownerUnitId: w.section.id,
				severity: "major",
			}),
			404,
			"not_found",
		);
	});
});

describe("accepted as a risk", () => {
	let w: Awaited<ReturnType<typeof findingsTenant>>;
	let id: string;
	before(async () => {
		w = await findingsTenant();
		const { finding } = await inTransaction(runtime.db, (tx) =>
			raiseFinding(tx, findingActor(w.tenant.id), auditFinding(w.section.id)),
		);
		id = finding.id;
	});

	test("acceptance needs a linked risk, and is the CISO's", async () => {
		const unlinked = await expectProblem(
			await w.ciso.client.post(`/api/findings/${id}/accept-risk`, { version: 1, reason: "r" }),
			409,
			"conflict",
		);
		assert.equal(issueCode(unlinked), "finding_risk_required");
		await expectProblem(
			await w.manager.client.post(`/api/findings/${id}/accept-risk`, { version: 1, reason: "r" }),
			403,
			"forbidden",
		);
	});

	test("the 管理者 enters a risk from the finding through the register", async () => {
		const both = await expectProblem(
			await w.manager.client.post(`/api/findings/${id}/risk-link`, { version: 1 }),
			400,
			"validation_failed",
		);
		assert.equal(issueCode(both), "finding_risk_one_of");
		const linked = await expectJson<FindingView>(
			await w.manager.client.post(`/api/findings/${id}/risk-link`, {
				version: 1,
				newRisk: {
					threatCode: "intentional",
					inherent: { likelihood: 2, impact: 3 },
					residual: { likelihood: 2, impact: 2 },
				},
			}),
		);
		assert.equal(linked.state, "open", "linking keeps the finding's state");
		const riskId = linked.risk?.id ?? "";
		const risk = await expectJson<{ title: string; ownerUnit: { id: string }; treatment: null }>(
			await w.manager.client.get(`/api/risks/${riskId}`),
		);
		assert.equal(risk.title, linked.title);
		assert.equal(risk.ownerUnit.id, w.section.id);
	});

	test("the CISO accepts it: the risk is accepted in the register and the finding closed", async () => {
		const accepted = await expectJson<FindingView>(
			await w.ciso.client.post(`/api/findings/${id}/accept-risk`, {
				version: 2,
				reason: "システム更改まで代替の運用で対応する。",
			}),
		);
		assert.equal(accepted.state, "accepted_as_risk");
		assert.equal(accepted.risk?.acceptance?.reason, "システム更改まで代替の運用で対応する。");
		assert.deepEqual(accepted.allowedActions, []);
		const risk = await expectJson<{ treatment: string; acceptance: { reason: string } | null }>(
			await w.ciso.client.get(`/api/risks/${accepted.risk?.id}`),
		);
		assert.equal(risk.treatment, "accept");
		assert.equal(risk.acceptance?.reason, "システム更改まで代替の運用で対応する。");
		const types = (await auditEvents(runtime.db, w.tenant.id)).map((e) => e.type);
		for (const type of [
			"risk.created",
			"finding.risk_linked",
			"risk.accepted",
			"finding.accepted_as_risk",
		]) {
			assert.ok(types.includes(type), type);
		}
	});
});

describe("raiseFinding, as other modules call it", () => {
	let w: Awaited<ReturnType<typeof findingsTenant>>;
	const staffActor = (tenantId: string, accountId: string): Actor => ({
		tenantId,
		accountId,
		label: "職員（回答者）",
		roles: [],
		ip: null,
	});
	before(async () => {
		w = await findingsTenant();
	});

	test("a self-inspection's いいえ is raised by whoever answered; once per answer when asked", async () => {
		const respondent = staffActor(w.tenant.id, w.staff.account.id);
		const input = auditFinding(w.section.id, {
			source: "self_inspection",
			sourceRef: "answer-1",
			sourceLabel: "令和8年度 自己点検 4-2",
		});
		const first = await inTransaction(runtime.db, (tx) =>
			raiseFinding(tx, respondent, input, { onDuplicate: "return" }),
		);
		assert.equal(first.created, true);
		assert.equal(first.finding.source, "self_inspection");
		const again = await inTransaction(runtime.db, (tx) =>
			raiseFinding(tx, respondent, input, { onDuplicate: "return" }),
		);
		assert.deepEqual([again.created, again.finding.id], [false, first.finding.id]);
		await assert.rejects(
			inTransaction(runtime.db, (tx) =>
				raiseFinding(tx, respondent, input, { onDuplicate: "refuse" }),
			),
			(error: unknown) =>
				error instanceof Problem &&
				error.code === "conflict" &&
				error.issues[0]?.code === "finding_already_raised",
		);
		// The respondent raised it but does not see the register.
		await expectProblem(
			await w.staff.client.get(`/api/findings/${first.finding.id}`),
			403,
			"forbidden",
		);
		const seen = await expectJson<FindingView>(
			await w.manager.client.get(`/api/findings/${first.finding.id}`),
		);
		assert.equal(seen.sourceLabel, "令和8年度 自己点検 4-2");
	});

	test("other sources need their own permission; a bad input names its field", async () => {
		const respondent = staffActor(w.tenant.id, w.staff.account.id);
		await assert.rejects(
			inTransaction(runtime.db, (tx) =>
				raiseFinding(tx, respondent, auditFinding(w.section.id, { source: "manual" })),
			),
			(error: unknown) => error instanceof Problem && error.code === "forbidden",
		);
		await assert.rejects(
			inTransaction(runtime.db, (tx) =>
				raiseFinding(tx, findingActor(w.tenant.id), auditFinding(w.section.id, { clause: "" })),
			),
			(error: unknown) =>
				error instanceof Problem &&
				error.code === "validation_failed" &&
				error.issues.some((issue) => issue.path === "clause"),
		);
	});

	test("an export over its limit is refused, not cut short", async () => {
		const ciso = findingActor(w.tenant.id);
		await inTransaction(runtime.db, (tx) => raiseFinding(tx, ciso, auditFinding(w.section.id)));
		const desk = await openFindingDesk(runtime.db, ciso);
		await assert.rejects(
			exportFindings(runtime.db, desk, {}, 1),
			(error: unknown) =>
				error instanceof Problem && error.issues[0]?.code === "export_too_many_rows",
		);
	});
});
