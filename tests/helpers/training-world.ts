import { randomUUID } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { planCourse } from "../../src/modules/training/plan-course.ts";
import type { CourseRow } from "../../src/modules/training/training.repository.ts";
import type { CreateCourseInput } from "../../src/modules/training/training.schemas.ts";
import { openTrainingDesk } from "../../src/modules/training/training-desk.ts";
import { fiscalYear, japanDate } from "../../src/shared/dates.ts";

/** The current fiscal year in Japan and its last day, a due date always in the future or today. */
export function thisYear(now: Date = new Date()): { year: number; lastDay: string } {
	const year = fiscalYear(now.toISOString());
	return { year, lastDay: `${year + 1}-03-31` };
}

/** Today in Japan. */
export const today = (): string => japanDate(new Date());

/** A two-question quiz: the right answers are 1 then 0. */
export const SAMPLE_QUIZ: CreateCourseInput["quiz"] = [
	{
		question: "不審なメールの添付ファイルを開いてしまったとき、まずすべきことは",
		choices: ["そのまま業務を続ける", "LANケーブルを抜き、情報セキュリティ管理者に報告する"],
		answer: 1,
	},
	{
		question: "機密性2以上の情報を庁外に持ち出すには",
		choices: ["管理者の許可が必要", "許可は不要"],
		answer: 0,
	},
];

/** A CISO actor of the tenant, without an account of its own: the training owner in tests. */
export function trainingOwner(tenantId: string): Actor {
	return {
		...systemActor(tenantId, "研修担当（テスト）"),
		roles: [{ role: "ciso", orgUnitId: null }],
	};
}

/**
 * A course planned through the use case by the tenant's CISO (an e-learning course with the
 * sample quiz and a pass mark of 100 unless overridden).
 *
 * @example
 * const course = await makeCourse(deps, tenant.id, { audience: "new_staff" });
 */
export async function makeCourse(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	overrides: Partial<CreateCourseInput> = {},
	actor: Actor = trainingOwner(tenantId),
): Promise<CourseRow> {
	const { year, lastDay } = thisYear();
	const desk = await openTrainingDesk(deps.db, actor);
	return inTransaction(deps.db, (tx) =>
		planCourse(tx, desk, {
			fiscalYear: year,
			title: "情報セキュリティ基礎（eラーニング）",
			description: "全職員向けの基礎研修です。",
			kind: "e_learning",
			audience: "all_staff",
			dueOn: lastDay,
			heldOn: null,
			remindDays: 14,
			quiz: SAMPLE_QUIZ,
			passMark: 100,
			...overrides,
		}),
	);
}

/** Put an account on the roster of `unitId` unless it is on it already. */
export async function putOnRoster(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	accountId: string,
	unitId: string,
): Promise<void> {
	const existing = await deps.db
		.selectFrom("staff")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.executeTakeFirst();
	if (existing) return;
	const now = new Date().toISOString();
	await inTransaction(deps.db, (tx) =>
		insertStaff(tx, {
			id: randomUUID(),
			tenant_id: tenantId,
			account_id: accountId,
			staff_number: `R${randomUUID().slice(0, 8)}`,
			category: "regular",
			org_unit_id: unitId,
			title: null,
			active: true,
			left_at: null,
			created_at: now,
			updated_at: now,
		}),
	);
}
