import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { AuditView } from "../../src/modules/assurance/audits/audits.schemas.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { auditBody } from "../helpers/assurance-audit-world.ts";
import { auditEvents, countRows } from "../helpers/audit-db.ts";
import type { TestClient } from "../helpers/client.ts";
import { type MadeAccount, makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { grantRole } from "../helpers/mail-world.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Security audits over HTTP: 統括 and the CISO keep the plans and run audits, the CISO alone
 * orders an ad-hoc one; auditors read the audits they are on and the 管理者 of an audited unit
 * that unit's audits, nobody else; no auditor audits a unit they belong to or hold a role in.
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

async function person(account: MadeAccount): Promise<Person> {
	return { account, client: await activeClient(runtime, app, account) };
}

interface Plans {
	multiYear: { id: string; firstYear: number; lastYear: number; version: number }[];
	yearly: {
		id: string;
		fiscalYear: number;
		units: { unitId: string; quarter: number | null; month: number | null }[];
		auditCount: number;
	}[];
	allowedActions: string[];
}

interface AuditList {
	items: { id: string }[];
	total: number;
}

type Issue = { code?: string; params?: Record<string, string | number> };

const issuesOf = (problem: { issues?: Issue[] }) =>
	(problem.issues ?? []).map((issue) => [issue.code, issue.params]);

describe("audit plans, audits and who reads them", () => {
	let tenant: TenantRow;
	let chief: Person;
	let ciso: Person;
	let auditor: Person;
	let staff: Person;
	/** 総務部 holds 総務課; 情報政策課 stands apart. */
	let dept: string;
	let soumu: string;
	let joho: string;
	/** A member of staff of 総務課. */
	let soumuMember: MadeAccount;
	/** 総務課's 情報セキュリティ管理者, and 総務部's 責任者. */
	let soumuManager: Person;
	let deptOfficer: Person;
	let johoManager: Person;
	let yearlyPlanId: string;
	let audit: AuditView;

	before(async () => {
		tenant = await makeTenant(runtime);
		dept = (await makeOrgUnit(runtime, tenant, { name: "総務部", kind: "department" })).id;
		soumu = (await makeOrgUnit(runtime, tenant, { name: "総務課", parent_id: dept })).id;
		joho = (await makeOrgUnit(runtime, tenant, { name: "情報政策課" })).id;
		soumuMember = await makeStaff(runtime, tenant, soumu);
		const withRole = async (role: Role, unit: string) => {
			// Holders of security roles sign in with a second factor.
			const account = await makeAccount(runtime, tenant, { totp: true });
			await grantRole(runtime, tenant.id, account.id, role, unit);
			return person(account);
		};
		soumuManager = await withRole("section_manager", soumu);
		deptOfficer = await withRole("department_officer", dept);
		johoManager = await withRole("section_manager", joho);
		const member = await makeStaff(runtime, tenant, joho);
		auditor = await person(member);
		[chief, ciso, staff] = await Promise.all([
			makeAccount(runtime, tenant, { roles: ["chief_officer"] }).then(person),
			makeAccount(runtime, tenant, { roles: ["ciso"] }).then(person),
			makeAccount(runtime, tenant).then(person),
		]);
	});

	test("統括 makes the multi-year and the yearly plan; the year's units have their timing", async () => {
		const plan = await expectJson<{ id: string }>(
			await chief.client.post("/api/assurance/audit-plans", {
				title: "第3次中期監査計画",
				firstYear: 2025,
				lastYear: 2027,
				aims: "三層分離の運用を重点に監査する",
			}),
			201,
		);
		const yearly = await expectJson<Plans["yearly"][number]>(
			await chief.client.post("/api/assurance/yearly-audit-plans", {
				fiscalYear: 2025,
				planId: plan.id,
				aims: "総務部の課を監査する",
				units: [
					{ unitId: soumu, quarter: null, month: 11 },
					{ unitId: dept, quarter: 4, month: null },
				],
			}),
			201,
		);
		yearlyPlanId = yearly.id;
		assert.deepEqual(yearly.units, [
			{ unitId: soumu, name: "総務課", quarter: 3, month: 11 },
			{ unitId: dept, name: "総務部", quarter: 4, month: null },
		]);
		const plans = await expectJson<Plans>(await ciso.client.get("/api/assurance/audit-plans"));
		assert.deepEqual(
			plans.multiYear.map((p) => [p.firstYear, p.lastYear]),
			[[2025, 2027]],
		);
		assert.deepEqual(plans.allowedActions, ["audit_plan.manage"]);
	});

	test("plans refuse a second plan of a year, a month outside its quarter, a year outside the span", async () => {
		const again = await expectProblem(
			await chief.client.post("/api/assurance/yearly-audit-plans", {
				fiscalYear: 2025,
				aims: "重複",
			}),
			409,
			"conflict",
		);
		assert.deepEqual(issuesOf(again), [["audit_yearly_plan_exists", { fiscalYear: 2025 }]]);
		const plans = await expectJson<Plans>(await chief.client.get("/api/assurance/audit-plans"));
		const month = await expectProblem(
			await chief.client.post("/api/assurance/yearly-audit-plans", {
				fiscalYear: 2026,
				aims: "時期の誤り",
				units: [{ unitId: soumu, quarter: 1, month: 11 }],
			}),
			400,
			"validation_failed",
		);
		assert.equal(month.issues?.[0]?.code, "audit_month_outside_quarter");
		const span = await expectProblem(
			await chief.client.post("/api/assurance/yearly-audit-plans", {
				fiscalYear: 2030,
				planId: plans.multiYear[0]?.id,
				aims: "期間外",
			}),
			400,
			"validation_failed",
		);
		assert.equal(span.issues?.[0]?.code, "audit_yearly_plan_outside_span");
		const reversed = await expectProblem(
			await chief.client.post("/api/assurance/audit-plans", {
				title: "逆",
				firstYear: 2027,
				lastYear: 2025,
				aims: "逆順",
			}),
			400,
			"validation_failed",
		);
		assert.equal(reversed.issues?.[0]?.code, "audit_plan_years_reversed");
	});

	test("only 統括 and the CISO see or keep the plans", async () => {
		for (const other of [auditor, soumuManager, staff]) {
			await expectProblem(await other.client.get("/api/assurance/audit-plans"), 403, "forbidden");
			await expectProblem(
				await other.client.post("/api/assurance/audit-plans", {
					title: "無権限",
					firstYear: 2025,
					lastYear: 2025,
					aims: "無権限",
				}),
				403,
				"forbidden",
			);
		}
	});

	test("統括 enters a planned audit of 総務課 led by an auditor of another unit", async () => {
		audit = await expectJson<AuditView>(
			await chief.client.post(
				"/api/assurance/audits",
				auditBody({ yearlyPlanId, leadAuditorId: auditor.account.id, unitIds: [soumu] }),
			),
			201,
		);
		assert.equal(audit.kind, "planned");
		assert.equal(audit.state, "planned");
		assert.equal(audit.fiscalYear, 2025);
		assert.deepEqual(audit.units, [{ id: soumu, name: "総務課" }]);
		assert.equal(audit.lead?.id, auditor.account.id);
		assert.deepEqual(audit.allowedActions, [
			"assurance_audit.edit",
			"assurance_audit.start_fieldwork",
		]);
		const events = await auditEvents(runtime.db, tenant.id);
		const created = events.find((e) => e.type === "assurance_audit.created");
		assert.equal(created?.record_id, audit.id);
		assert.deepEqual(created?.payload.unitIds, [soumu]);
	});

	test("a planned audit needs its yearly plan and a period starting in the plan's year", async () => {
		const noPlan = await expectProblem(
			await chief.client.post(
				"/api/assurance/audits",
				auditBody({ leadAuditorId: auditor.account.id, unitIds: [soumu] }),
			),
			400,
			"validation_failed",
		);
		assert.equal(noPlan.issues?.[0]?.code, "audit_yearly_plan_required");
		const outside = await expectProblem(
			await chief.client.post(
				"/api/assurance/audits",
				auditBody({
					yearlyPlanId,
					leadAuditorId: auditor.account.id,
					unitIds: [soumu],
					periodStart: "2026-04-01",
					periodEnd: "2026-04-30",
				}),
			),
			400,
			"validation_failed",
		);
		assert.equal(outside.issues?.[0]?.code, "audit_period_outside_year");
	});

	test("the auditor, 総務課's 管理者 and 総務部's 責任者 read the audit; others are told it does not exist", async () => {
		for (const reader of [auditor, soumuManager, deptOfficer, ciso]) {
			const seen = await expectJson<AuditView>(
				await reader.client.get(`/api/assurance/audits/${audit.id}`),
			);
			assert.equal(seen.id, audit.id);
			const list = await expectJson<AuditList>(await reader.client.get("/api/assurance/audits"));
			assert.deepEqual(
				list.items.map((i) => i.id),
				[audit.id],
			);
		}
		for (const reader of [auditor, soumuManager]) {
			const seen = await expectJson<AuditView>(
				await reader.client.get(`/api/assurance/audits/${audit.id}`),
			);
			assert.deepEqual(seen.allowedActions, [], "readers take no step");
			await expectProblem(
				await reader.client.patch(`/api/assurance/audits/${audit.id}`, {
					version: audit.version,
					title: "読む人の変更",
				}),
				403,
				"forbidden",
			);
		}
		for (const outsider of [johoManager, staff]) {
			await expectProblem(
				await outsider.client.get(`/api/assurance/audits/${audit.id}`),
				404,
				"not_found",
			);
			const list = await expectJson<AuditList>(await outsider.client.get("/api/assurance/audits"));
			assert.equal(list.total, 0);
		}
	});

	test("a member of the audited unit is refused as auditor, naming them, the unit and why; nothing is saved", async () => {
		const before = await countRows(runtime.db, "assurance_audits", tenant.id);
		const eventsBefore = (await auditEvents(runtime.db, tenant.id)).length;
		const refused = await expectProblem(
			await chief.client.post(
				"/api/assurance/audits",
				auditBody({
					yearlyPlanId,
					leadAuditorId: auditor.account.id,
					auditorIds: [soumuMember.id],
					unitIds: [soumu, joho],
				}),
			),
			409,
			"conflict",
		);
		assert.deepEqual(issuesOf(refused), [
			// The lead belongs to 情報政策課, which this audit audits too.
			[
				"audit_auditor_member_of_unit",
				{ auditor: "テスト 職員", unit: "情報政策課", via: "情報政策課" },
			],
			["audit_auditor_member_of_unit", { auditor: "テスト 職員", unit: "総務課", via: "総務課" }],
		]);
		assert.equal(await countRows(runtime.db, "assurance_audits", tenant.id), before);
		assert.equal((await auditEvents(runtime.db, tenant.id)).length, eventsBefore);
	});

	test("a holder of a role in the unit (its 管理者, or 責任者 of the department above) is refused with the role", async () => {
		const manager = await expectProblem(
			await chief.client.patch(`/api/assurance/audits/${audit.id}`, {
				version: audit.version,
				auditorIds: [soumuManager.account.id],
			}),
			409,
			"conflict",
		);
		assert.deepEqual(issuesOf(manager), [
			[
				"audit_auditor_holds_role_in_unit",
				{ auditor: "テスト 職員", unit: "総務課", via: "総務課", role: "section_manager" },
			],
		]);
		const officer = await expectProblem(
			await chief.client.patch(`/api/assurance/audits/${audit.id}`, {
				version: audit.version,
				leadAuditorId: deptOfficer.account.id,
			}),
			409,
			"conflict",
		);
		assert.deepEqual(issuesOf(officer), [
			[
				"audit_auditor_holds_role_in_unit",
				{ auditor: "テスト 職員", unit: "総務課", via: "総務部", role: "department_officer" },
			],
		]);
		const seen = await expectJson<AuditView>(
			await chief.client.get(`/api/assurance/audits/${audit.id}`),
		);
		assert.equal(seen.version, audit.version, "the refused changes saved nothing");
	});

	test("adding a unit the team belongs to is refused too; an independent change is saved with its events", async () => {
		const units = await expectProblem(
			await chief.client.patch(`/api/assurance/audits/${audit.id}`, {
				version: audit.version,
				unitIds: [soumu, joho],
			}),
			409,
			"conflict",
		);
		assert.equal(units.issues?.[0]?.code, "audit_auditor_member_of_unit");
		const other = await makeStaff(runtime, tenant, joho);
		audit = await expectJson<AuditView>(
			await chief.client.patch(`/api/assurance/audits/${audit.id}`, {
				version: audit.version,
				scope: "文書管理システムの運用",
				auditorIds: [other.id],
				unitIds: [soumu, dept],
			}),
		);
		assert.deepEqual(
			audit.auditors.map((a) => a.id),
			[other.id],
		);
		assert.deepEqual(audit.units.map((u) => u.name).sort(), ["総務課", "総務部"].sort());
		const types = (await auditEvents(runtime.db, tenant.id)).slice(-3).map((e) => e.type);
		assert.deepEqual(types, [
			"assurance_audit.updated",
			"assurance_audit.team_changed",
			"assurance_audit.units_changed",
		]);
	});

	test("the CISO alone orders an ad-hoc audit, and only with the reason", async () => {
		const body = auditBody({
			kind: "ad_hoc",
			reason: "標的型メールの被害を受けて",
			leadAuditorId: auditor.account.id,
			unitIds: [soumu],
			periodStart: "2026-02-01",
			periodEnd: "2026-02-10",
		});
		const refused = await expectProblem(
			await chief.client.post("/api/assurance/audits", body),
			403,
			"forbidden",
		);
		assert.equal(refused.issues, undefined);
		const noReason = await expectProblem(
			await ciso.client.post("/api/assurance/audits", { ...body, reason: null }),
			400,
			"validation_failed",
		);
		assert.equal(noReason.issues?.[0]?.code, "audit_ad_hoc_reason_required");
		const adHoc = await expectJson<AuditView>(
			await ciso.client.post("/api/assurance/audits", body),
			201,
		);
		assert.equal(adHoc.kind, "ad_hoc");
		assert.equal(adHoc.fiscalYear, 2025, "February 2026 is in fiscal year 2025");
		assert.equal(adHoc.reason, "標的型メールの被害を受けて");
		assert.equal(adHoc.orderedBy?.id, ciso.account.id);
		assert.equal(adHoc.yearlyPlanId, null);
	});

	test("the audit moves planned → fieldwork → reporting → closed; it is not edited once reporting", async () => {
		const skip = await expectProblem(
			await chief.client.post(`/api/assurance/audits/${audit.id}/advance`, {
				version: audit.version,
				step: "close",
			}),
			409,
			"conflict",
		);
		assert.equal(skip.issues?.[0]?.code, "audit_step_not_allowed");
		const staleStep = await expectProblem(
			await chief.client.post(`/api/assurance/audits/${audit.id}/advance`, {
				version: audit.version - 1,
				step: "start_fieldwork",
			}),
			409,
			"conflict",
		);
		assert.equal(staleStep.issues?.[0]?.code, "stale_version");
		for (const [step, state] of [
			["start_fieldwork", "fieldwork"],
			["start_reporting", "reporting"],
		] as const) {
			audit = await expectJson<AuditView>(
				await chief.client.post(`/api/assurance/audits/${audit.id}/advance`, {
					version: audit.version,
					step,
				}),
			);
			assert.equal(audit.state, state);
		}
		assert.deepEqual(audit.allowedActions, ["assurance_audit.close"]);
		assert.ok(audit.fieldworkAt && audit.reportingAt);
		const locked = await expectProblem(
			await chief.client.patch(`/api/assurance/audits/${audit.id}`, {
				version: audit.version,
				title: "遅すぎる変更",
			}),
			409,
			"conflict",
		);
		assert.equal(locked.issues?.[0]?.code, "audit_not_editable");
		audit = await expectJson<AuditView>(
			await ciso.client.post(`/api/assurance/audits/${audit.id}/advance`, {
				version: audit.version,
				step: "close",
			}),
		);
		assert.equal(audit.state, "closed");
		const steps = (await auditEvents(runtime.db, tenant.id))
			.filter((e) => e.type === "assurance_audit.advanced" && e.record_id === audit.id)
			.map((e) => e.payload.to);
		assert.deepEqual(steps, ["fieldwork", "reporting", "closed"]);
	});

	test("starting fieldwork checks independence again: an auditor made the unit's 管理者 meanwhile is refused", async () => {
		const other = await makeStaff(runtime, tenant, joho);
		const fresh = await expectJson<AuditView>(
			await chief.client.post(
				"/api/assurance/audits",
				auditBody({ yearlyPlanId, leadAuditorId: other.id, unitIds: [soumu] }),
			),
			201,
		);
		await grantRole(runtime, tenant.id, other.id, "section_manager", soumu);
		const refused = await expectProblem(
			await chief.client.post(`/api/assurance/audits/${fresh.id}/advance`, {
				version: fresh.version,
				step: "start_fieldwork",
			}),
			409,
			"conflict",
		);
		assert.equal(refused.issues?.[0]?.code, "audit_auditor_holds_role_in_unit");
		const still = await expectJson<AuditView>(
			await chief.client.get(`/api/assurance/audits/${fresh.id}`),
		);
		assert.equal(still.state, "planned");
	});

	test("the yearly plan counts its audits", async () => {
		const plans = await expectJson<Plans>(await chief.client.get("/api/assurance/audit-plans"));
		assert.equal(plans.yearly.find((y) => y.id === yearlyPlanId)?.auditCount, 2);
	});
});
