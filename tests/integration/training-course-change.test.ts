import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import { insertTenantPack } from "../../src/modules/policies/pack/tenant-pack.repository.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { remindDue } from "../../src/modules/training/training-sweeps.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeStaff } from "../helpers/org-factories.ts";
import { makeSectionManagerStaff } from "../helpers/social-media-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";
import { makeCourse, SAMPLE_QUIZ, thisYear } from "../helpers/training-world.ts";

/**
 * A planned course changed by the training owner at the version read (its fiscal year stays,
 * completions stay, one audit event with the fields before and after), and the reminders of a
 * course that sets no days of its own following the tenant's policy pack.
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
	const slug = `course-change-${counter}-${Date.now().toString(36)}`;
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: `${slug} 市`, pack: "saga" }),
	);
}

/** A unit with its manager and a clerk, the tenant's CISO (with a session), an e-learning course. */
async function world() {
	const t = await tenant();
	counter += 1;
	const unit = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(t.id, "test"), {
			code: `c${counter}`,
			name: "総務課",
			kind: "section",
			parentId: null,
		}),
	);
	const kacho = await makeSectionManagerStaff(runtime, t, unit.id);
	const clerk = await makeStaff(runtime, t, unit.id, { title: "主事" });
	const ciso = await activeClient(runtime, app, await makeAccount(runtime, t, { roles: ["ciso"] }));
	const course = await makeCourse(runtime, t.id);
	return { t, unit, kacho, clerk, ciso, course };
}

/** The course as the list presents it. */
interface CourseView {
	id: string;
	title: string;
	remindDays: number | null;
	questionCount: number;
	version: number;
	quiz: unknown[] | null;
	rate: { owed: number; completed: number };
}

async function courseView(client: Awaited<ReturnType<typeof activeClient>>, id: string) {
	const list = await expectJson<{ items: CourseView[]; packReminderDays: number[] }>(
		await client.get("/api/training/courses"),
	);
	const found = list.items.find((item) => item.id === id);
	assert.ok(found, "the course is listed");
	return { course: found, packReminderDays: list.packReminderDays };
}

/** The body of a change: the course as planned by makeCourse, with `patch` over it. */
function changeBody(course: { audience: string; due_on: string }, patch: Record<string, unknown>) {
	return {
		title: "情報セキュリティ基礎（eラーニング）",
		description: "全職員向けの基礎研修です。",
		kind: "e_learning",
		audience: course.audience,
		dueOn: course.due_on,
		remindDays: 14,
		quiz: SAMPLE_QUIZ,
		passMark: 100,
		version: 1,
		...patch,
	};
}

/** The Japan date `days` from now. */
const inDays = (days: number, from = Date.now()) =>
	new Date(from + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);

describe("changing a training course", () => {
	test("the owner changes the quiz after someone passed: their completion stays, one audit event", async () => {
		const { t, clerk, ciso, course } = await world();
		const me = await activeClient(runtime, app, clerk);
		await expectJson(await me.post(`/api/training/courses/${course.id}/quiz`, { answers: [1, 0] }));
		const planned = await courseView(ciso, course.id);
		assert.equal(planned.course.version, 1);
		assert.equal(planned.course.quiz?.length, 2, "the owner reads the quiz to change it");
		assert.deepEqual(planned.packReminderDays, [14, 3], "Saga's pack reminds 14 and 3 days before");

		const newQuiz = [
			...(SAMPLE_QUIZ ?? []),
			{
				question: "パスワードを付箋に書いて貼ってよいか",
				choices: ["よい", "よくない"],
				answer: 1,
			},
		];
		const saved = await expectJson<{ id: string; version: number }>(
			await ciso.request(
				"PUT",
				`/api/training/courses/${course.id}`,
				changeBody(course, {
					title: "情報セキュリティ基礎（令和版）",
					remindDays: null,
					quiz: newQuiz,
					passMark: 80,
					fiscalYear: course.fiscal_year,
				}),
			),
		);
		assert.deepEqual(saved, { id: course.id, version: 2 });
		const changed = await courseView(ciso, course.id);
		assert.equal(changed.course.title, "情報セキュリティ基礎（令和版）");
		assert.equal(changed.course.questionCount, 3);
		assert.equal(changed.course.remindDays, null, "the pack's days from now on");
		assert.deepEqual(changed.course.rate, { owed: 2, completed: 1 }, "the pass still counts");
		const mine = await expectJson<{ items: { courseId: string; completedAt: string | null }[] }>(
			await me.get("/api/training/mine"),
		);
		assert.ok(mine.items.find((i) => i.courseId === course.id)?.completedAt, "still completed");

		const events = (await auditEvents(runtime.db, t.id)).filter(
			(e) => e.type === "training.course_updated",
		);
		assert.equal(events.length, 1);
		assert.deepEqual(events[0]?.payload, {
			courseId: course.id,
			title: "情報セキュリティ基礎（令和版）",
			changed: ["title", "remindDays", "passMark", "quiz"],
			before: { title: course.title, remindDays: 14, passMark: 100, questionCount: 2 },
			after: {
				title: "情報セキュリティ基礎（令和版）",
				remindDays: null,
				passMark: 80,
				questionCount: 3,
			},
			assigned: 0,
			unassigned: 0,
		});
		assert.equal(events[0]?.record_id, course.id);
	});

	test("a stale version is 409 and changes nothing; the fiscal year and a drill's kind stay", async () => {
		const { t, ciso, course } = await world();
		await expectJson(
			await ciso.request(
				"PUT",
				`/api/training/courses/${course.id}`,
				changeBody(course, { title: "一回目の変更" }),
			),
		);
		const stale = await expectProblem(
			await ciso.request(
				"PUT",
				`/api/training/courses/${course.id}`,
				changeBody(course, { title: "古い版からの変更" }),
			),
			409,
			"conflict",
		);
		assert.equal(stale.issues?.[0]?.code, "stale_version");
		assert.equal((await courseView(ciso, course.id)).course.title, "一回目の変更");

		const year = await expectProblem(
			await ciso.request(
				"PUT",
				`/api/training/courses/${course.id}`,
				changeBody(course, { fiscalYear: course.fiscal_year + 1, version: 2 }),
			),
			400,
			"validation_failed",
		);
		assert.equal(year.issues?.[0]?.code, "training_year_fixed");
		const drill = await expectProblem(
			await ciso.request(
				"PUT",
				`/api/training/courses/${course.id}`,
				changeBody(course, { kind: "phishing_drill", quiz: null, passMark: null, version: 2 }),
			),
			400,
			"validation_failed",
		);
		assert.equal(drill.issues?.[0]?.code, "training_kind_fixed");
		const outside = await expectProblem(
			await ciso.request(
				"PUT",
				`/api/training/courses/${course.id}`,
				changeBody(course, { dueOn: `${course.fiscal_year + 1}-04-01`, version: 2 }),
			),
			400,
			"validation_failed",
		);
		assert.equal(outside.issues?.[0]?.code, "training_due_outside_year");
		const updates = (await auditEvents(runtime.db, t.id)).filter(
			(e) => e.type === "training.course_updated",
		);
		assert.equal(updates.length, 1, "refused changes leave no event");
	});

	test("a unit's manager may not change a course (403); another tenant's course is 404", async () => {
		const a = await world();
		const b = await world();
		const kacho = await activeClient(runtime, app, a.kacho);
		await expectProblem(
			await kacho.request(
				"PUT",
				`/api/training/courses/${a.course.id}`,
				changeBody(a.course, { title: "課長の変更" }),
			),
			403,
			"forbidden",
		);
		await expectProblem(
			await b.ciso.request(
				"PUT",
				`/api/training/courses/${a.course.id}`,
				changeBody(a.course, { title: "他団体からの変更" }),
			),
			404,
			"not_found",
		);
		assert.equal((await courseView(a.ciso, a.course.id)).course.title, a.course.title);
	});

	test("a narrower audience keeps completions and drops the others' open assignments", async () => {
		const { t, kacho, clerk, ciso } = await world();
		const course = await makeCourse(runtime, t.id, {
			kind: "in_person",
			quiz: null,
			passMark: null,
		});
		await expectJson(
			await ciso.post(`/api/training/courses/${course.id}/attendance`, {
				staffIds: [clerk.staffId],
			}),
		);
		await expectJson(
			await ciso.request(
				"PUT",
				`/api/training/courses/${course.id}`,
				changeBody(course, { kind: "in_person", quiz: null, passMark: null, audience: "managers" }),
			),
		);
		const owing = await runtime.db
			.selectFrom("training_assignments")
			.select(["staff_id", "completed_at"])
			.where("course_id", "=", course.id)
			.execute();
		const byStaff = new Map(owing.map((row) => [row.staff_id, row.completed_at]));
		assert.ok(byStaff.get(clerk.staffId), "the clerk's attendance stays");
		assert.ok(byStaff.has(kacho.staffId), "the manager still owes it");
		assert.equal(byStaff.size, 2);
		const event = (await auditEvents(runtime.db, t.id)).find(
			(e) => e.type === "training.course_updated",
		);
		assert.deepEqual(event?.payload.changed, ["audience"]);
	});
});

describe("reminders follow the policy pack", () => {
	test("a course without its own days reminds at the pack's days, each once", async () => {
		const { t } = await world();
		const now = Date.now();
		const dueOn = inDays(10, now);
		const fiscalYear = thisYear(new Date(`${dueOn}T03:00:00Z`)).year;
		const packDays = await makeCourse(runtime, t.id, {
			title: "パックの日数で通知",
			kind: "in_person",
			quiz: null,
			passMark: null,
			dueOn,
			fiscalYear,
			remindDays: null,
		});
		const ownDays = await makeCourse(runtime, t.id, {
			title: "自分の日数で通知",
			kind: "in_person",
			quiz: null,
			passMark: null,
			dueOn,
			fiscalYear,
			remindDays: 5,
		});
		const of = (told: Awaited<ReturnType<typeof remindDue>>, id: string) =>
			told.find((r) => r.courseId === id);
		// Ten days before: Saga's pack says 14 and 3, so the first reminder; the course's own 5 waits.
		const first = await remindDue(runtime, t.id, new Date(now));
		assert.equal(of(first, packDays.id)?.daysBefore, 14);
		assert.equal(of(first, packDays.id)?.staffIds.length, 2);
		assert.equal(of(first, ownDays.id), undefined);
		assert.equal(of(await remindDue(runtime, t.id, new Date(now)), packDays.id), undefined);
		// Two days before: the pack's second reminder, and the course's own (5 days) once.
		const later = new Date(now + 8 * 86_400_000);
		const second = await remindDue(runtime, t.id, later);
		assert.equal(of(second, packDays.id)?.daysBefore, 3);
		assert.equal(of(second, ownDays.id)?.daysBefore, 5);
		const rerun = await remindDue(runtime, t.id, later);
		assert.equal(of(rerun, packDays.id), undefined, "a rerun reminds nobody");
		assert.equal(of(rerun, ownDays.id), undefined, "a rerun reminds nobody");
		const reminded = (await auditEvents(runtime.db, t.id)).filter(
			(e) => e.type === "training.reminded" && e.payload.courseId === packDays.id,
		);
		assert.deepEqual(
			reminded.map((e) => e.payload.daysBefore),
			[14, 3],
		);
	});

	test("a pack version with other days is followed; a pack without the field reminds at 14 and 3", async () => {
		const { t } = await world();
		const now = Date.now();
		const dueOn = inDays(20, now);
		const course = await makeCourse(runtime, t.id, {
			kind: "in_person",
			quiz: null,
			passMark: null,
			dueOn,
			fiscalYear: thisYear(new Date(`${dueOn}T03:00:00Z`)).year,
			remindDays: null,
		});
		const saga = loadBundledPack("saga");
		const { training: _days, ...withoutTraining } = saga;
		// An older pack that says nothing of training: the defaults (20 days is before 14).
		await inTransaction(runtime.db, (tx) =>
			insertTenantPack(tx, t.id, withoutTraining, "test: no training section"),
		);
		assert.equal(
			(await remindDue(runtime, t.id, new Date(now))).find((r) => r.courseId === course.id),
			undefined,
		);
		await inTransaction(runtime.db, (tx) =>
			insertTenantPack(tx, t.id, { ...saga, training: { reminderDays: [30, 7] } }, "test: 30/7"),
		);
		const told = await remindDue(runtime, t.id, new Date(now));
		assert.equal(told.find((r) => r.courseId === course.id)?.daysBefore, 30);
	});
});
