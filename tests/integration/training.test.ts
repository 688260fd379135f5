import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { openTrainingDesk } from "../../src/modules/training/training-desk.ts";
import { importAttendance } from "../../src/modules/training/training-io.ts";
import {
	ASSIGN_JOB,
	assignNewStaff,
	REMINDER_JOB,
	REMINDER_MAIL_JOB,
	remindDue,
} from "../../src/modules/training/training-sweeps.ts";
import { trainingYear } from "../../src/modules/training/training-year.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { toCsv } from "../../src/shared/csv.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeStaff } from "../helpers/org-factories.ts";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { makeSectionManagerStaff } from "../helpers/social-media-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";
import { makeCourse, thisYear, trainingOwner } from "../helpers/training-world.ts";

/**
 * Training over HTTP and through its use cases: a member of staff fails then passes an
 * e-learning quiz and their unit's completion moves; a unit's manager records their own unit
 * only; roster and drill imports check every row; the daily jobs give new staff the new-staff
 * course and remind who still owes a course once.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

let counter = 0;
async function tenant(): Promise<TenantRow> {
	counter += 1;
	const slug = `training-${counter}-${Date.now().toString(36)}`;
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: `${slug} 市`, pack: "saga" }),
	);
}

async function unitIn(t: TenantRow, name: string) {
	counter += 1;
	return inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(t.id, "test"), {
			code: `t${counter}`,
			name,
			kind: "section",
			parentId: null,
		}),
	);
}

interface Completion {
	units: { unitId: string; owed: number; completed: number }[];
	categories: { category: string; owed: number; completed: number }[];
	total: { owed: number; completed: number };
}

/** Two units with staff, the tenant's CISO (with a session), and an e-learning course. */
async function world() {
	const t = await tenant();
	const soumu = await unitIn(t, "総務課");
	const zeimu = await unitIn(t, "税務課");
	const kacho = await makeSectionManagerStaff(runtime, t, soumu.id);
	const clerk = await makeStaff(runtime, t, soumu.id, { title: "主事" });
	const other = await makeStaff(runtime, t, zeimu.id, { category: "fiscal_year_appointed" });
	const cisoAccount = await makeAccount(runtime, t, { roles: ["ciso"] });
	const ciso = await activeClient(runtime, app, cisoAccount);
	const course = await makeCourse(runtime, t.id);
	return { t, soumu, zeimu, kacho, clerk, other, ciso, course };
}

describe("training", () => {
	test("a member of staff fails the quiz, then passes it: the unit's completion moves", async () => {
		const { t, soumu, clerk, ciso, course } = await world();
		const rateOf = async () =>
			(
				await expectJson<Completion>(
					await ciso.get(`/api/training/completion?courseId=${course.id}`),
				)
			).units.find((u) => u.unitId === soumu.id);
		const start = await rateOf();
		assert.deepEqual([start?.owed, start?.completed], [2, 0]);

		const me = await activeClient(runtime, app, clerk);
		const mine = await expectJson<{
			items: { courseId: string; quiz: { questions: Record<string, unknown>[] } | null }[];
		}>(await me.get("/api/training/mine"));
		const owed = mine.items.find((i) => i.courseId === course.id);
		assert.equal(owed?.quiz?.questions.length, 2);
		assert.ok(
			!("answer" in (owed?.quiz?.questions[0] ?? {})),
			"the answers never leave the server",
		);

		const failed = await expectJson<{ score: number; passed: boolean }>(
			await me.post(`/api/training/courses/${course.id}/quiz`, { answers: [1, 1] }),
		);
		assert.deepEqual(failed, { score: 50, passMark: 100, passed: false });
		assert.equal((await rateOf())?.completed, 0, "a failed attempt completes nothing");

		const wrongCount = await expectProblem(
			await me.post(`/api/training/courses/${course.id}/quiz`, { answers: [1] }),
			400,
			"validation_failed",
		);
		assert.equal(wrongCount.issues?.[0]?.code, "training_answers_mismatch");

		const passed = await expectJson<{ passed: boolean }>(
			await me.post(`/api/training/courses/${course.id}/quiz`, { answers: [1, 0] }),
		);
		assert.equal(passed.passed, true);
		assert.equal((await rateOf())?.completed, 1);
		const again = await expectProblem(
			await me.post(`/api/training/courses/${course.id}/quiz`, { answers: [1, 0] }),
			409,
			"conflict",
		);
		assert.equal(again.issues?.[0]?.code, "training_already_completed");

		const attempts = (await auditEvents(runtime.db, t.id)).filter(
			(e) => e.type === "training.quiz_attempted",
		);
		assert.deepEqual(
			attempts.map((e) => e.payload.passed),
			[false, true],
		);
		// Plain staff do not read the plan or anyone's rates.
		await expectProblem(await me.get("/api/training/completion"), 403, "forbidden");
	});

	test("rates per unit and per staff category are counted from the current roster", async () => {
		const { soumu, zeimu, other, ciso, course } = await world();
		await inTransaction(runtime.db, (tx) =>
			tx
				.updateTable("training_assignments")
				.set({ completed_at: new Date().toISOString(), completed_via: "manual" })
				.where("course_id", "=", course.id)
				.where("staff_id", "=", other.staffId)
				.execute(),
		);
		const figures = await expectJson<Completion>(await ciso.get("/api/training/completion"));
		const byUnit = new Map(figures.units.map((u) => [u.unitId, [u.owed, u.completed]]));
		assert.deepEqual(byUnit.get(soumu.id), [2, 0]);
		assert.deepEqual(byUnit.get(zeimu.id), [1, 1]);
		const byCategory = new Map(figures.categories.map((c) => [c.category, [c.owed, c.completed]]));
		assert.deepEqual(byCategory.get("fiscal_year_appointed"), [1, 1]);
		assert.deepEqual(byCategory.get("regular"), [2, 0]);

		// The member transferred to 総務課 counts there at once: nothing cached drifts.
		await inTransaction(runtime.db, (tx) =>
			tx
				.updateTable("staff")
				.set({ org_unit_id: soumu.id })
				.where("id", "=", other.staffId)
				.execute(),
		);
		const moved = await expectJson<Completion>(await ciso.get("/api/training/completion"));
		assert.deepEqual(
			moved.units.map((u) => [u.unitId, u.owed, u.completed]),
			[[soumu.id, 3, 1]],
		);
	});

	test("a unit's manager records attendance of their own unit only", async () => {
		const { soumu, kacho, clerk, other } = await world();
		const t = await runtime.db
			.selectFrom("org_units")
			.select("tenant_id")
			.where("id", "=", soumu.id)
			.executeTakeFirstOrThrow();
		const session = await activeClient(runtime, app, kacho);
		const inPerson = await makeCourse(runtime, t.tenant_id, {
			kind: "in_person",
			quiz: null,
			passMark: null,
			title: "管理職研修",
		});
		const future = await expectProblem(
			await session.post(`/api/training/courses/${inPerson.id}/attendance`, {
				staffIds: [clerk.staffId],
				attendedOn: "2999-04-01",
			}),
			400,
			"validation_failed",
		);
		assert.equal(future.issues?.[0]?.code, "training_attended_in_future");
		const attendedOn = `${thisYear().year}-04-01`;
		const done = await expectJson<{ recorded: number }>(
			await session.post(`/api/training/courses/${inPerson.id}/attendance`, {
				staffIds: [clerk.staffId],
				attendedOn,
			}),
		);
		assert.equal(done.recorded, 1);
		const refused = await expectProblem(
			await session.post(`/api/training/courses/${inPerson.id}/attendance`, {
				staffIds: [other.staffId],
			}),
			403,
			"forbidden",
		);
		assert.equal(refused.issues?.[0]?.code, "training_not_unit_manager");
		const attendees = await expectJson<{
			items: { staffId: string; completedVia: string | null; completedAt: string | null }[];
		}>(await session.get(`/api/training/courses/${inPerson.id}/attendees`));
		assert.ok(
			!attendees.items.some((a) => a.staffId === other.staffId),
			"another unit's staff unseen",
		);
		const recorded = attendees.items.find((a) => a.staffId === clerk.staffId);
		assert.equal(recorded?.completedVia, "manual");
		assert.equal(recorded?.completedAt, new Date(`${attendedOn}T00:00:00+09:00`).toISOString());
	});

	test("a roster import checks every row with its column, in Shift_JIS too; apply is all or nothing", async () => {
		const { t, clerk, other, ciso, course } = await world();
		const bad = encodeShiftJis(
			toCsv(
				["職員番号", "受講日"],
				[
					[clerk.staffNumber, "2026-13-01"],
					["NOBODY", ""],
					[other.staffNumber, ""],
				],
			).replace(/^\uFEFF/, ""),
		);
		const report = await expectJson<{
			encoding: string;
			errorCount: number;
			errors: { row: number; column: string; code: string }[];
		}>(
			await ciso.post("/api/training/import", {
				courseId: course.id,
				filename: "attendance.csv",
				contentBase64: Buffer.from(bad).toString("base64"),
				mode: "dry_run",
			}),
		);
		assert.equal(report.encoding, "shift_jis");
		assert.deepEqual(
			report.errors.map((e) => [e.row, e.column, e.code]),
			[
				[2, "受講日", "date_invalid"],
				[3, "職員番号", "training_staff_number_unknown"],
			],
		);
		const refused = await importAttendance(runtime.db, trainingOwner(t.id), bad, {
			courseId: course.id,
			mode: "apply",
		});
		assert.equal(refused.applied, false);
		const good = new TextEncoder().encode(
			toCsv(
				["職員番号", "受講日"],
				[
					[clerk.staffNumber, ""],
					[other.staffNumber, "2026-06-01"],
				],
			),
		);
		const applied = await importAttendance(runtime.db, trainingOwner(t.id), good, {
			courseId: course.id,
			mode: "apply",
		});
		assert.equal(applied.applied, true);
		assert.equal(applied.created, 2);
		const rows = await runtime.db
			.selectFrom("training_assignments")
			.select(["staff_id", "completed_via"])
			.where("course_id", "=", course.id)
			.where("completed_at", "is not", null)
			.execute();
		assert.equal(rows.length, 2);
		assert.ok(rows.every((r) => r.completed_via === "import"));
		assert.ok(
			(await auditEvents(runtime.db, t.id)).some((e) => e.type === "training.attendance_imported"),
		);
	});

	test("a phishing drill's CSV gives opened / clicked / reported per unit and the year's figures", async () => {
		const { t, soumu, zeimu, clerk, kacho, other, ciso } = await world();
		const drill = await makeCourse(runtime, t.id, {
			kind: "phishing_drill",
			quiz: null,
			passMark: null,
			title: "標的型メール訓練",
		});
		const file = new TextEncoder().encode(
			toCsv(
				["職員番号", "開封", "クリック", "報告"],
				[
					[clerk.staffNumber, "1", "1", "0"],
					[kacho.staffNumber, "はい", "いいえ", "はい"],
					[other.staffNumber, "0", "0", "maybe"],
				],
			),
		);
		const bad = await importAttendance(runtime.db, trainingOwner(t.id), file, {
			courseId: drill.id,
			mode: "apply",
		});
		assert.deepEqual(
			bad.errors.map((e) => [e.row, e.column, e.code]),
			[[4, "報告", "yes_no_invalid"]],
		);
		const fixed = new TextEncoder().encode(
			toCsv(
				["職員番号", "開封", "クリック", "報告"],
				[
					[clerk.staffNumber, "1", "1", "0"],
					[kacho.staffNumber, "はい", "いいえ", "はい"],
					[other.staffNumber, "0", "0", "0"],
				],
			),
		);
		assert.equal(
			(
				await importAttendance(runtime.db, trainingOwner(t.id), fixed, {
					courseId: drill.id,
					mode: "apply",
				})
			).applied,
			true,
		);
		const results = await expectJson<{
			units: {
				unitId: string;
				targeted: number;
				opened: number;
				clicked: number;
				reported: number;
			}[];
		}>(await ciso.get(`/api/training/courses/${drill.id}/drill`));
		const byUnit = new Map(results.units.map((u) => [u.unitId, u]));
		assert.deepEqual(byUnit.get(soumu.id), {
			unitId: soumu.id,
			unitName: "総務課",
			targeted: 2,
			opened: 2,
			clicked: 1,
			reported: 1,
		});
		assert.equal(byUnit.get(zeimu.id)?.opened, 0);
		const year = await trainingYear(
			runtime.db,
			await openTrainingDesk(runtime.db, trainingOwner(t.id)),
			undefined,
		);
		assert.deepEqual(year.drills, { targeted: 3, opened: 2, clicked: 1, reported: 1 });
		assert.equal(year.courses.length, 2);
		assert.deepEqual(year.total, { owed: 3, completed: 0 }, "a drill is not a course's completion");

		const xlsx = await ciso.get("/api/training/export");
		assert.equal(xlsx.status, 200);
		assert.match(xlsx.headers.get("content-disposition") ?? "", /%E7%A0%94%E4%BF%AE/);
	});

	test("the daily jobs: new staff owe the new-staff course; reminders go once per due date", async () => {
		assert.ok(JOBS.some((j) => j.name === ASSIGN_JOB && j.recurring?.perTenant));
		assert.ok(JOBS.some((j) => j.name === REMINDER_JOB && j.recurring?.perTenant));
		const t = await tenant();
		const unit = await unitIn(t, "企画課");
		const veteran = await makeStaff(runtime, t, unit.id);
		const { year } = thisYear();
		// Joined in an earlier fiscal year: not new staff.
		await inTransaction(runtime.db, (tx) =>
			tx
				.updateTable("staff")
				.set({ created_at: `${year - 2}-04-01T00:00:00.000Z` })
				.where("id", "=", veteran.staffId)
				.execute(),
		);
		const newStaffCourse = await makeCourse(runtime, t.id, {
			title: "新規採用職員研修",
			audience: "new_staff",
		});
		const owing = async () =>
			(
				await runtime.db
					.selectFrom("training_assignments")
					.select("staff_id")
					.where("course_id", "=", newStaffCourse.id)
					.execute()
			).map((r) => r.staff_id);
		assert.deepEqual(await owing(), []);
		const joiner = await makeStaff(runtime, t, unit.id);
		const assigned = await assignNewStaff(runtime, t.id);
		assert.deepEqual(assigned, [{ courseId: newStaffCourse.id, staffIds: [joiner.staffId] }]);
		assert.deepEqual(await owing(), [joiner.staffId]);
		assert.deepEqual(await assignNewStaff(runtime, t.id), [], "a rerun finds nothing to do");

		// Reminders: due in 10 days with 14 reminder days → reminded, once.
		const dueOn = new Date(Date.now() + 10 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
		const soon = await makeCourse(runtime, t.id, {
			title: "個人情報保護研修",
			kind: "in_person",
			quiz: null,
			passMark: null,
			dueOn,
			fiscalYear: thisYear(new Date(`${dueOn}T03:00:00Z`)).year,
		});
		const far = await makeCourse(runtime, t.id, { title: "年度末研修", remindDays: 0 });
		const told = await remindDue(runtime, t.id);
		const soonTold = told.find((r) => r.courseId === soon.id);
		assert.deepEqual(new Set(soonTold?.staffIds), new Set([veteran.staffId, joiner.staffId]));
		if (far.due_on > dueOn)
			assert.ok(!told.some((r) => r.courseId === far.id), "not yet within its reminder days");
		assert.deepEqual(
			(await remindDue(runtime, t.id)).filter((r) => r.courseId === soon.id),
			[],
			"a rerun reminds nobody again",
		);
		const events = (await auditEvents(runtime.db, t.id)).map((e) => e.type);
		assert.ok(events.includes("training.assigned"));
		assert.ok(events.includes("training.reminded"));
		assert.equal(typeof REMINDER_MAIL_JOB, "string");
	});

	test("another tenant's course is 404; a plain member of staff cannot plan", async () => {
		const a = await world();
		const b = await world();
		await expectProblem(
			await b.ciso.get(`/api/training/courses/${a.course.id}/attendees`),
			404,
			"not_found",
		);
		const notDrill = await expectProblem(
			await a.ciso.get(`/api/training/courses/${a.course.id}/drill`),
			409,
			"conflict",
		);
		assert.equal(notDrill.issues?.[0]?.code, "training_not_a_drill");
		const me = await activeClient(runtime, app, a.clerk);
		await expectProblem(
			await me.post("/api/training/courses", {
				fiscalYear: thisYear().year,
				title: "x",
				kind: "in_person",
				audience: "all_staff",
				dueOn: thisYear().lastDay,
			}),
			403,
			"forbidden",
		);
	});
});
