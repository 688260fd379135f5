import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import type {
	DrillReviewInput,
	DrillView,
} from "../../src/modules/incidents/drills/drills.schemas.ts";
import { holdDrill } from "../../src/modules/incidents/drills/hold-drill.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { openReview } from "../../src/modules/policies/reviews/open-review.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import type { TestClient } from "../helpers/client.ts";
import { drillActor, heldBy, mailDrill, makeDrill } from "../helpers/drill-world.ts";
import { type MadeAccount, makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Drills (訓練) of the emergency response plan over HTTP: the CSIRT plans one, records it as held
 * with its participants, then its lessons and follow-ups; the CISO cancels another; 統括 follows;
 * nobody else sees them. The yearly review shows its fiscal year's drills.
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

async function person(tenant: TenantRow, roles: Role[] = []): Promise<Person> {
	const account = await makeAccount(runtime, tenant, { roles });
	return { account, client: await activeClient(runtime, app, account) };
}

interface DrillList {
	items: { id: string; state: string; fiscalYear: number; participantCount: number }[];
	total: number;
	allowedActions: string[];
}

async function issueOf(response: Response, status: number, code: string) {
	const problem = await expectProblem(
		response,
		status,
		status === 409 ? "conflict" : "validation_failed",
	);
	return problem.issues?.find((issue) => issue.code === code);
}

describe("a drill from plan to lessons", () => {
	let tenant: TenantRow;
	let csirt: Person;
	let ciso: Person;
	let chief: Person;
	let staff: Person;
	let unitId: string;
	let drill: DrillView;
	before(async () => {
		tenant = await makeTenant(runtime);
		[csirt, ciso, chief, staff] = await Promise.all([
			person(tenant, ["csirt"]),
			person(tenant, ["ciso"]),
			person(tenant, ["chief_officer"]),
			person(tenant),
		]);
		unitId = (
			await inTransaction(runtime.db, (tx) =>
				createOrgUnit(tx, systemActor(tenant.id, "test"), {
					code: "0101",
					name: "情報政策課",
					kind: "section",
					parentId: null,
				}),
			)
		).id;
	});

	test("the CSIRT plans a drill for a unit; it shows planned, in the planned day's fiscal year", async () => {
		drill = await expectJson<DrillView>(
			await csirt.client.post(
				"/api/drills",
				mailDrill({ plannedOn: "2026-03-25", unitIds: [unitId] }),
			),
			201,
		);
		assert.equal(drill.state, "planned");
		assert.equal(drill.fiscalYear, 2025, "March belongs to the fiscal year begun the April before");
		assert.deepEqual(drill.units, [{ id: unitId, name: "情報政策課" }]);
		assert.deepEqual(drill.allowedActions, ["drill.hold", "drill.cancel"]);
		assert.equal(drill.version, 1);
	});

	test("統括 reads drills but may not run them; plain staff see nothing", async () => {
		const list = await expectJson<DrillList>(await chief.client.get("/api/drills"));
		assert.deepEqual(
			list.items.map((i) => i.id),
			[drill.id],
		);
		assert.ok(list.allowedActions.includes("drill.read"));
		assert.ok(!list.allowedActions.includes("drill.manage"));
		const seen = await expectJson<DrillView>(await chief.client.get(`/api/drills/${drill.id}`));
		assert.deepEqual(seen.allowedActions, [], "no steps for a reader");
		await expectProblem(await chief.client.post("/api/drills", mailDrill()), 403, "forbidden");
		await expectProblem(
			await chief.client.post(`/api/drills/${drill.id}/hold`, heldBy()),
			403,
			"forbidden",
		);
		await expectProblem(await staff.client.get("/api/drills"), 403, "forbidden");
		await expectProblem(await staff.client.get(`/api/drills/${drill.id}`), 403, "forbidden");
		await expectProblem(await csirt.client.get("/api/drills/no-such-drill"), 404, "not_found");
	});

	test("lessons wait until the drill is held", async () => {
		const issue = await issueOf(
			await csirt.client.post(`/api/drills/${drill.id}/record`, {
				version: 1,
				lessons: "早すぎる",
			}),
			409,
			"drill_step_not_allowed",
		);
		assert.deepEqual(issue?.params, { step: "record", state: "planned" });
	});

	test("holding checks the day and every participant, all refusals at once", async () => {
		const future = await issueOf(
			await csirt.client.post(`/api/drills/${drill.id}/hold`, heldBy({ heldOn: "2999-01-01" })),
			400,
			"drill_held_in_future",
		);
		assert.ok(future?.params?.today);
		const other = await makeTenant(runtime);
		const stranger = await makeAccount(runtime, other);
		const refused = await expectProblem(
			await csirt.client.post(
				`/api/drills/${drill.id}/hold`,
				heldBy({
					participants: [
						{ account: staff.account.id, name: "二重指定", headcount: 1 },
						{ account: stranger.id, headcount: 1 },
						{ account: chief.account.id, headcount: 1 },
						{ account: chief.account.id, headcount: 1 },
						{ account: ciso.account.id, headcount: 3 },
					],
				}),
			),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			refused.issues?.map((i) => [i.path, i.code]),
			[
				["participants.0", "drill_participant_account_or_name"],
				["participants.1.account", "drill_participant_unknown"],
				["participants.3.account", "drill_participant_twice"],
				["participants.4.headcount", "drill_participant_account_headcount"],
			],
		);
		const unchanged = await expectJson<DrillView>(
			await csirt.client.get(`/api/drills/${drill.id}`),
		);
		assert.equal(unchanged.state, "planned", "nothing was written");
		assert.deepEqual(unchanged.participants, []);
	});

	test("held with staff and an outside group: counted by head, the fiscal year follows the held day", async () => {
		const held = await expectJson<DrillView>(
			await csirt.client.post(`/api/drills/${drill.id}/hold`, {
				version: 1,
				heldOn: "2026-04-02",
				participants: [
					{ account: staff.account.id },
					{ account: chief.account.id },
					{ name: "保守委託事業者", headcount: 3 },
				],
				summary: "報告から切り離しまで25分。",
			}),
		);
		assert.equal(held.state, "held");
		assert.equal(held.heldOn, "2026-04-02");
		assert.equal(held.fiscalYear, 2026, "held in April: the next fiscal year");
		assert.equal(held.participantCount, 5);
		assert.deepEqual(
			held.participants.map((p) => [p.accountId, p.name, p.headcount]),
			[
				[staff.account.id, "テスト 職員", 1],
				[chief.account.id, "テスト 職員", 1],
				[null, "保守委託事業者", 3],
			],
		);
		assert.equal(held.summary, "報告から切り離しまで25分。");
		assert.deepEqual(held.allowedActions, ["drill.record"]);
		// A second holding (or one from the stale version) is refused.
		await issueOf(
			await csirt.client.post(`/api/drills/${drill.id}/hold`, heldBy({ version: 2 })),
			409,
			"drill_step_not_allowed",
		);
		await issueOf(
			await csirt.client.post(`/api/drills/${drill.id}/cancel`, { version: 2, reason: "遅い" }),
			409,
			"drill_step_not_allowed",
		);
		drill = held;
	});

	test("lessons and follow-ups complete it; a stale version is refused", async () => {
		await issueOf(
			await ciso.client.post(`/api/drills/${drill.id}/record`, { version: 1, lessons: "古い" }),
			409,
			"stale_version",
		);
		const recorded = await expectJson<DrillView>(
			await ciso.client.post(`/api/drills/${drill.id}/record`, {
				version: drill.version,
				lessons: "夜間の連絡先が古く、CISOへの報告が遅れた。",
				followUps: [
					{
						measure: "連絡先一覧を四半期ごとに更新する",
						responsible: "情報政策課",
						targetDate: "2026-06-30",
					},
					{ measure: "夜間の代行者を決める" },
				],
			}),
		);
		assert.equal(recorded.state, "recorded");
		assert.equal(recorded.lessons, "夜間の連絡先が古く、CISOへの報告が遅れた。");
		assert.deepEqual(
			recorded.followUps.map((f) => [f.measure, f.responsible, f.targetDate]),
			[
				["連絡先一覧を四半期ごとに更新する", "情報政策課", "2026-06-30"],
				["夜間の代行者を決める", null, null],
			],
		);
		assert.deepEqual(recorded.allowedActions, []);
		assert.ok(recorded.recordedAt);
	});

	test("every step is an audit event of the drill, by whoever took it", async () => {
		const events = (await auditEvents(runtime.db, tenant.id)).filter(
			(e) => e.record_type === "drill" && e.record_id === drill.id,
		);
		assert.deepEqual(
			events.map((e) => [e.type, e.actor_id]),
			[
				["drill.scheduled", csirt.account.id],
				["drill.held", csirt.account.id],
				["drill.recorded", ciso.account.id],
			],
		);
		assert.deepEqual(events[1]?.payload, {
			title: "標的型メール訓練",
			heldOn: "2026-04-02",
			accounts: 2,
			headcount: 5,
		});
		assert.deepEqual(events[2]?.payload, { title: "標的型メール訓練", followUps: 2 });
	});

	test("the CISO cancels a planned drill with its reason; the list filters by state and year", async () => {
		const planned = await expectJson<DrillView>(
			await csirt.client.post(
				"/api/drills",
				mailDrill({ title: "ランサムウェア訓練", plannedOn: "2026-10-01" }),
			),
			201,
		);
		const reasonless = await expectProblem(
			await ciso.client.post(`/api/drills/${planned.id}/cancel`, { version: 1, reason: " " }),
			400,
			"validation_failed",
		);
		assert.equal(reasonless.issues?.[0]?.path, "reason");
		const cancelled = await expectJson<DrillView>(
			await ciso.client.post(`/api/drills/${planned.id}/cancel`, {
				version: 1,
				reason: "システム更新と重なった",
			}),
		);
		assert.equal(cancelled.state, "cancelled");
		assert.equal(cancelled.cancelReason, "システム更新と重なった");
		assert.deepEqual(cancelled.allowedActions, []);

		const byState = await expectJson<DrillList>(
			await chief.client.get("/api/drills?state=cancelled"),
		);
		assert.deepEqual(
			byState.items.map((i) => i.id),
			[planned.id],
		);
		const byYear = await expectJson<DrillList>(
			await chief.client.get("/api/drills?fiscalYear=2026"),
		);
		assert.deepEqual(byYear.items.map((i) => i.id).sort(), [drill.id, planned.id].sort());
		const earlier = await expectJson<DrillList>(
			await chief.client.get("/api/drills?fiscalYear=2025"),
		);
		assert.equal(earlier.total, 0);
	});

	test("another tenant's CSIRT neither lists nor reaches these drills, nor names their units", async () => {
		const other = await makeTenant(runtime);
		const theirs = await person(other, ["csirt"]);
		const list = await expectJson<DrillList>(await theirs.client.get("/api/drills"));
		assert.equal(list.total, 0);
		await expectProblem(await theirs.client.get(`/api/drills/${drill.id}`), 404, "not_found");
		const unit = await issueOf(
			await theirs.client.post("/api/drills", mailDrill({ unitIds: [unitId] })),
			400,
			"drill_unit_unknown",
		);
		assert.equal(unit?.path, "unitIds.0");
	});
});

describe("the yearly review's drills input", () => {
	let tenant: TenantRow;
	let reviewId: string;
	before(async () => {
		tenant = await makeTenant(runtime);
		// Fiscal year 2025 (April 2025 – March 2026).
		await makeDrill(runtime, tenant.id, "recorded"); // held 2025-06-03, with lessons
		const late = await makeDrill(runtime, tenant.id, "planned", {
			title: "年度末の訓練",
			plannedOn: "2026-03-25",
		});
		await inTransaction(runtime.db, (tx) =>
			holdDrill(
				tx,
				drillActor(tenant.id),
				late.id,
				heldBy({ heldOn: "2025-09-10", participants: [{ name: "全課の庶務担当", headcount: 12 }] }),
			),
		);
		await makeDrill(runtime, tenant.id, "cancelled", { plannedOn: "2025-11-01" });
		await makeDrill(runtime, tenant.id, "planned", { plannedOn: "2026-02-01" });
		// Not of the year: held in fiscal 2024, and planned in 2026.
		await makeDrill(runtime, tenant.id, "planned", { plannedOn: "2026-04-01" });
		await makeDrill(runtime, tenant.id, "cancelled", { plannedOn: "2025-03-31" });
		// Another tenant's drill of the same year.
		await makeDrill(runtime, (await makeTenant(runtime)).id, "recorded");
		const review = await inTransaction(runtime.db, (tx) =>
			openReview(
				tx,
				{
					tenantId: tenant.id,
					accountId: "review-test",
					label: "review test",
					ip: null,
					roles: [{ role: "ciso", orgUnitId: null }],
				},
				"as_needed",
				"2025-10-01T00:00:00.000Z",
			),
		);
		reviewId = review.id;
	});

	test("counts the year's drills and lists those held, earliest first, with lessons and follow-ups", async () => {
		const ciso = await person(tenant, ["ciso"]);
		const input = await expectJson<DrillReviewInput>(
			await ciso.client.get(`/api/policy-reviews/${reviewId}/drills`),
		);
		assert.equal(input.fiscalYear, 2025);
		assert.deepEqual(input.counts, { planned: 1, held: 1, recorded: 1, cancelled: 1 });
		assert.deepEqual(
			input.held.map((d) => [d.title, d.heldOn, d.participantCount, d.lessons, d.followUps]),
			[
				["標的型メール訓練", "2025-06-03", 2, "夜間の連絡先が古かった。", ["連絡先一覧を更新する"]],
				["年度末の訓練", "2025-09-10", 12, null, []],
			],
		);
	});

	test("those who read reviews read it (the auditor too); the CSIRT alone and staff do not", async () => {
		const auditor = await person(tenant, ["auditor"]);
		const seen = await expectJson<DrillReviewInput>(
			await auditor.client.get(`/api/policy-reviews/${reviewId}/drills`),
		);
		assert.equal(seen.held.length, 2);
		for (const roles of [["csirt"], []] as Role[][]) {
			await expectProblem(
				await (await person(tenant, roles)).client.get(`/api/policy-reviews/${reviewId}/drills`),
				403,
				"forbidden",
			);
		}
		const elsewhere = await person(await makeTenant(runtime), ["ciso"]);
		await expectProblem(
			await elsewhere.client.get(`/api/policy-reviews/${reviewId}/drills`),
			404,
			"not_found",
		);
	});
});
