import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { AuditReviewInput } from "../../src/modules/assurance/audits/review-input.schemas.ts";
import type { CampaignReviewInput } from "../../src/modules/assurance/campaigns/review-input.schemas.ts";
import type { FindingReviewInput } from "../../src/modules/assurance/findings/review-input.schemas.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import type { TrainingYear } from "../../src/modules/training/training.schemas.ts";
import { AUDIT_YEAR, makeAssuranceAudit, yearlyPlanOf } from "../helpers/assurance-audit-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { addToStaff, makeCampaign, makeCampaignUnit } from "../helpers/campaign-world.ts";
import type { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { makeFinding } from "../helpers/finding-world.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeOrgUnit } from "../helpers/org-factories.ts";
import { makeReview } from "../helpers/review-fixtures.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";
import { makeCourse, putOnRoster, thisYear } from "../helpers/training-world.ts";

/**
 * The yearly review (見直し) shows, without typing, what the assurance module holds of its fiscal
 * year: the findings register counted (and against the year before), and the year's audits with
 * the yearly plan's coverage. Those who read the review read them; nobody else.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

async function client(tenant: TenantRow, roles: Role[] = []): Promise<TestClient> {
	return activeClient(runtime, app, await makeAccount(runtime, tenant, { roles }));
}

async function setYear(table: "findings" | "policy_reviews", id: string, year: number) {
	await runtime.db.updateTable(table).set({ fiscal_year: year }).where("id", "=", id).execute();
}

describe("a review's assurance inputs", () => {
	let tenant: TenantRow;
	let reviewId: string;
	let ciso: TestClient;
	before(async () => {
		tenant = await makeTenant(runtime);
		ciso = await client(tenant, ["ciso"]);
		reviewId = await makeReview(runtime, tenant.id);
		await setYear("policy_reviews", reviewId, AUDIT_YEAR);
	});

	test("findings: counted by source, severity and state, overdue, open major ones, and the year-over-year change", async () => {
		const unit = await makeOrgUnit(runtime, tenant, { name: "税務課" });
		const major = await makeFinding(runtime, tenant.id, unit.id, "open", {
			severity: "major",
			title: "住民情報の持ち出し記録がない",
		});
		const planned = await makeFinding(runtime, tenant.id, unit.id, "action_planned", {
			source: "manual",
			sourceLabel: "見直し",
		});
		const verified = await makeFinding(runtime, tenant.id, unit.id, "verified", {
			severity: "minor",
		});
		const before1 = await makeFinding(runtime, tenant.id, unit.id, "open");
		const before2 = await makeFinding(runtime, tenant.id, unit.id, "open", { severity: "major" });
		const nextYear = await makeFinding(runtime, tenant.id, unit.id, "open");
		for (const row of [major, planned, verified]) await setYear("findings", row.id, AUDIT_YEAR);
		for (const row of [before1, before2]) await setYear("findings", row.id, AUDIT_YEAR - 1);
		await setYear("findings", nextYear.id, AUDIT_YEAR + 1);
		await runtime.db
			.updateTable("findings")
			.set({ due_on: "2020-04-30" })
			.where("id", "=", major.id)
			.execute();

		const input = await expectJson<FindingReviewInput>(
			await ciso.get(`/api/policy-reviews/${reviewId}/findings`),
		);
		assert.equal(input.fiscalYear, AUDIT_YEAR);
		assert.equal(input.current.total, 3);
		assert.deepEqual(input.current.bySource, {
			audit: 2,
			self_inspection: 0,
			incident: 0,
			network_check: 0,
			manual: 1,
		});
		assert.deepEqual(input.current.bySeverity, { major: 1, moderate: 1, minor: 1 });
		assert.deepEqual(input.current.byState, {
			open: 1,
			action_planned: 1,
			done: 0,
			verified: 1,
			accepted_as_risk: 0,
		});
		assert.equal(input.current.overdue, 1);
		assert.equal(input.previous.total, 2);
		assert.deepEqual(input.previous.bySeverity, { major: 1, moderate: 1, minor: 0 });
		assert.equal(input.change.total, 1);
		assert.deepEqual(input.change.bySeverity, { major: 0, moderate: 0, minor: 1 });
		assert.equal(input.change.byState.open, -1);
		assert.equal(input.change.overdue, 1);
		assert.deepEqual(
			input.openMajor.map((f) => [f.id, f.ownerUnit, f.overdue]),
			[[major.id, "税務課", true]],
		);
	});

	test("audits: the year's audits with state and units, and the plan's coverage", async () => {
		const [a, b, c] = await Promise.all([
			makeOrgUnit(runtime, tenant, { name: "市民課" }),
			makeOrgUnit(runtime, tenant, { name: "福祉課" }),
			makeOrgUnit(runtime, tenant, { name: "会計課" }),
		]);
		await yearlyPlanOf(runtime, tenant.id, [a.id, b.id, c.id]);
		const done = await makeAssuranceAudit(runtime, tenant, { unitIds: [a.id], state: "closed" });
		const waiting = await makeAssuranceAudit(runtime, tenant, { unitIds: [b.id] });
		const input = await expectJson<AuditReviewInput>(
			await ciso.get(`/api/policy-reviews/${reviewId}/audits`),
		);
		assert.equal(input.fiscalYear, AUDIT_YEAR);
		assert.deepEqual(
			input.audits
				.map((audit) => [audit.id, audit.kind, audit.state, audit.units])
				.sort((x, y) => String(x[2]).localeCompare(String(y[2]))),
			[
				[done.id, "planned", "closed", ["市民課"]],
				[waiting.id, "planned", "planned", ["福祉課"]],
			],
		);
		assert.deepEqual(input.coverage, {
			planned: 3,
			audited: 1,
			notAudited: ["福祉課", "会計課"],
		});
	});

	test("a year without a yearly plan has no coverage", async () => {
		const other = await makeReview(runtime, tenant.id);
		const input = await expectJson<AuditReviewInput>(
			await ciso.get(`/api/policy-reviews/${other}/audits`),
		);
		assert.equal(input.fiscalYear, 2026);
		assert.deepEqual(input.audits, []);
		assert.equal(input.coverage, null);
	});

	test("read as the review itself: an auditor and 統括 may, a section manager and staff may not, another tenant finds nothing", async () => {
		for (const role of ["auditor", "chief_officer", "tenant_admin"] as const) {
			const reader = await client(tenant, [role]);
			await expectJson(await reader.get(`/api/policy-reviews/${reviewId}/findings`));
			await expectJson(await reader.get(`/api/policy-reviews/${reviewId}/audits`));
		}
		for (const roles of [["section_manager"], []] as Role[][]) {
			const outsider = await client(tenant, roles);
			for (const part of ["findings", "audits"]) {
				await expectProblem(
					await outsider.get(`/api/policy-reviews/${reviewId}/${part}`),
					403,
					"forbidden",
				);
			}
		}
		const stranger = await client(await makeTenant(runtime), ["ciso"]);
		await expectProblem(
			await stranger.get(`/api/policy-reviews/${reviewId}/findings`),
			404,
			"not_found",
		);
	});

	test("the decision opens a corrective action: the CISO raises a finding in the review's name; 統括 may not", async () => {
		const unit = await makeOrgUnit(runtime, tenant, { name: "情報政策課" });
		const body = {
			title: "例外措置の申請手続が運用されていない",
			clause: "対策基準 9.2",
			ownerUnitId: unit.id,
			severity: "major",
			dueOn: "2099-03-31",
		};
		const raised = await expectJson<{ id: string; reference: string }>(
			await ciso.post(`/api/policy-reviews/${reviewId}/findings`, body),
			201,
		);
		assert.match(raised.reference, /^F-\d{4}-\d{4}$/);
		const finding = await expectJson<{
			source: string;
			sourceRef: string;
			sourceLabel: string;
			state: string;
		}>(await ciso.get(`/api/findings/${raised.id}`));
		assert.equal(finding.source, "manual");
		assert.equal(finding.sourceRef, `policy_review:${reviewId}`);
		assert.equal(finding.sourceLabel, `情報セキュリティポリシーの見直し（${AUDIT_YEAR}年度）`);
		assert.equal(finding.state, "open");
		const events = await auditEvents(runtime.db, tenant.id);
		assert.ok(
			events.some(
				(event) => event.type === "finding.raised" && JSON.stringify(event).includes(raised.id),
			),
			"raising is audited",
		);
		const chief = await client(tenant, ["chief_officer"]);
		await expectProblem(
			await chief.post(`/api/policy-reviews/${reviewId}/findings`, body),
			403,
			"forbidden",
		);
	});

	test("self-inspection: the year's campaigns with their rates, and the change from the year before", async () => {
		const review2026 = await makeReview(runtime, tenant.id);
		const unit = await makeCampaignUnit(runtime, tenant.id, "点検課");
		const respondent = await makeAccount(runtime, tenant);
		await addToStaff(runtime, tenant.id, respondent.id, unit.id);
		const thisYear = await makeCampaign(runtime, tenant.id, [unit.id]);
		const lastYear = await makeCampaign(runtime, tenant.id, [unit.id]);
		await runtime.db
			.updateTable("assurance_campaigns")
			.set({ fiscal_year: 2025 })
			.where("id", "=", lastYear.id)
			.execute();
		const input = await expectJson<CampaignReviewInput>(
			await ciso.get(`/api/policy-reviews/${review2026}/self-inspection`),
		);
		assert.equal(input.fiscalYear, 2026);
		assert.deepEqual(
			input.campaigns.map((c) => [c.id, c.state, c.responseRate, c.complianceRate]),
			[[thisYear.id, "open", 0, null]],
			"nothing submitted yet: no answer counts, no compliance to rate",
		);
		assert.deepEqual(input.current, { campaigns: 1, responseRate: 0, complianceRate: null });
		assert.deepEqual(input.previous, { campaigns: 1, responseRate: 0, complianceRate: null });
		assert.deepEqual(input.change, { responseRate: 0, complianceRate: null });
		const auditor = await client(tenant, ["auditor"]);
		await expectJson(await auditor.get(`/api/policy-reviews/${review2026}/self-inspection`));
		const manager = await client(tenant, ["section_manager"]);
		await expectProblem(
			await manager.get(`/api/policy-reviews/${review2026}/self-inspection`),
			403,
			"forbidden",
		);
	});

	test("training: the year's courses with their completion over every unit, as the training module counts it", async () => {
		// A tenant of its own: the other tests put people on the roster, who would owe the courses.
		const tenant = await makeTenant(runtime);
		const ciso = await client(tenant, ["ciso"]);
		const { year } = thisYear();
		const review = await makeReview(runtime, tenant.id);
		await setYear("policy_reviews", review, year);
		const unit = await makeOrgUnit(runtime, tenant, { name: "研修課" });
		for (let i = 0; i < 2; i++)
			await putOnRoster(runtime, tenant.id, (await makeAccount(runtime, tenant)).id, unit.id);
		await makeCourse(runtime, tenant.id, { title: "情報セキュリティ基礎" });
		await makeCourse(runtime, tenant.id, {
			title: "標的型メール訓練（秋）",
			kind: "phishing_drill",
			quiz: null,
			passMark: null,
		});
		const input = await expectJson<TrainingYear>(
			await ciso.get(`/api/policy-reviews/${review}/training`),
		);
		assert.equal(input.fiscalYear, year);
		assert.deepEqual(input.courses.map((c) => [c.title, c.kind, c.owed, c.completed]).sort(), [
			["情報セキュリティ基礎", "e_learning", 2, 0],
			["標的型メール訓練（秋）", "phishing_drill", 2, 0],
		]);
		assert.deepEqual(input.total, { owed: 2, completed: 0 }, "a drill is not a course taken");
		// tenant_admin reads reviews but not training itself: the review input is theirs all the same.
		const admin = await client(tenant, ["tenant_admin"]);
		await expectJson(await admin.get(`/api/policy-reviews/${review}/training`));
		const manager = await client(tenant, ["section_manager"]);
		await expectProblem(
			await manager.get(`/api/policy-reviews/${review}/training`),
			403,
			"forbidden",
		);
		const other = await makeTenant(runtime);
		await expectProblem(
			await (await client(other, ["ciso"])).get(`/api/policy-reviews/${review}/training`),
			404,
			"not_found",
		);
	});
});
