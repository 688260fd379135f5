import { sql } from "kysely";
import type { Queryable } from "../../db/queryable.ts";
import type { TrainingAssignmentTable, TrainingCourseTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { activeRoster, rosterPlacement } from "../org/staff.repository.ts";

export type CourseRow = TrainingCourseTable;
export type AssignmentRow = TrainingAssignmentTable;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters and SQLite's 32,766. */
const CHUNK = 500;

export function findCourse(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("training_courses")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function coursesOfYear(db: Queryable, tenantId: string, fiscalYear: number) {
	return db
		.selectFrom("training_courses")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "=", fiscalYear)
		.orderBy("due_on")
		.orderBy("title")
		.execute();
}

/** Courses whose due date is on or after `today`: the ones still owed. */
export function openCourses(db: Queryable, tenantId: string, today: string) {
	return db
		.selectFrom("training_courses")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("due_on", ">=", today)
		.execute();
}

export async function insertCourse(tx: Tx, row: CourseRow): Promise<void> {
	await tx.insertInto("training_courses").values(row).execute();
}

/** Update at `version`; false when someone changed the course since it was read. */
export async function updateCourse(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<Omit<CourseRow, "id" | "tenant_id" | "fiscal_year" | "version">>,
): Promise<boolean> {
	const result = await tx
		.updateTable("training_courses")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * Remove open assignments of these staff that the audience gave them (never a completion, never
 * one an attendance import added).
 */
export async function removeOpenAssignments(
	tx: Tx,
	tenantId: string,
	courseId: string,
	staffIds: readonly string[],
): Promise<number> {
	let removed = 0;
	for (let i = 0; i < staffIds.length; i += CHUNK) {
		const result = await tx
			.deleteFrom("training_assignments")
			.where("tenant_id", "=", tenantId)
			.where("course_id", "=", courseId)
			.where("staff_id", "in", staffIds.slice(i, i + CHUNK))
			.where("completed_at", "is", null)
			.where("source", "in", ["audience", "new_staff"])
			.executeTakeFirst();
		removed += Number(result.numDeletedRows);
	}
	return removed;
}

export async function insertAssignments(tx: Tx, rows: AssignmentRow[]): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK)
		await tx
			.insertInto("training_assignments")
			.values(rows.slice(i, i + CHUNK))
			.execute();
}

export function assignedStaffIds(db: Queryable, tenantId: string, courseId: string) {
	return db
		.selectFrom("training_assignments")
		.select(["staff_id", "id", "completed_at"])
		.where("tenant_id", "=", tenantId)
		.where("course_id", "=", courseId)
		.execute();
}

export function findAssignment(db: Queryable, tenantId: string, courseId: string, staffId: string) {
	return db
		.selectFrom("training_assignments")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("course_id", "=", courseId)
		.where("staff_id", "=", staffId)
		.executeTakeFirst();
}

export async function completeAssignment(
	tx: Tx,
	id: string,
	patch: Pick<
		AssignmentRow,
		"completed_at" | "completed_via" | "recorded_by" | "recorded_by_label"
	>,
): Promise<boolean> {
	const result = await tx
		.updateTable("training_assignments")
		.set(patch)
		.where("id", "=", id)
		.where("completed_at", "is", null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Who owes a course, with their unit and name from the active roster. */
export function attendeesOf(db: Queryable, tenantId: string, courseId: string) {
	return db
		.selectFrom("training_assignments as a")
		.innerJoin(activeRoster(db, tenantId).as("r"), "r.staff_id", "a.staff_id")
		.select([
			"a.staff_id",
			"a.completed_at",
			"a.completed_via",
			"r.staff_number",
			"r.display_name",
			"r.org_unit_id",
		])
		.where("a.tenant_id", "=", tenantId)
		.where("a.course_id", "=", courseId)
		.orderBy("r.staff_number")
		.execute();
}

/**
 * Owed and completed assignments of the year's courses (or one course) per unit and staff
 * category of the active roster, in one pass: counted by the database at each call over the
 * current roster (a transferred member counts in their new unit, one who left counts nowhere).
 * Drills are not courses one completes, so they are left out.
 */
export function completionByPlacement(
	db: Queryable,
	tenantId: string,
	fiscalYear: number,
	courseId: string | undefined,
) {
	// Counted per member of staff first (the covering index, no row read), then placed: 3,000
	// roster look-ups instead of one per assignment.
	let perStaff = db
		.selectFrom("training_courses as c")
		.innerJoin("training_assignments as a", "a.course_id", "c.id")
		.select([
			"a.staff_id",
			(eb) => eb.fn.countAll<number | string>().as("owed"),
			(eb) => eb.fn.count<number | string>("a.completed_at").as("completed"),
		])
		.where("c.tenant_id", "=", tenantId)
		.where("c.fiscal_year", "=", fiscalYear)
		.where("c.kind", "!=", "phishing_drill")
		// The course is the tenant's, so its assignments are: the covering index needs no row.
		.groupBy("a.staff_id");
	if (courseId) perStaff = perStaff.where("c.id", "=", courseId);
	return db
		.selectFrom(perStaff.as("x"))
		.innerJoin(rosterPlacement(db, tenantId).as("r"), "r.staff_id", "x.staff_id")
		.select([
			"r.org_unit_id",
			"r.category",
			(eb) => eb.fn.sum<number | string>("x.owed").as("owed"),
			(eb) => eb.fn.sum<number | string>("x.completed").as("completed"),
		])
		.groupBy(["r.org_unit_id", "r.category"])
		.execute();
}

/** Owed and completed per course of the year, over the active roster. */
export function completionByCourse(db: Queryable, tenantId: string, fiscalYear: number) {
	return db
		.selectFrom("training_assignments as a")
		.innerJoin("training_courses as c", "c.id", "a.course_id")
		.innerJoin(rosterPlacement(db, tenantId).as("r"), "r.staff_id", "a.staff_id")
		.select([
			"a.course_id",
			"r.org_unit_id",
			(eb) => eb.fn.countAll<number | string>().as("owed"),
			(eb) => eb.fn.count<number | string>("a.completed_at").as("completed"),
		])
		.where("a.tenant_id", "=", tenantId)
		.where("c.fiscal_year", "=", fiscalYear)
		.groupBy(["a.course_id", "r.org_unit_id"])
		.execute();
}

/** A phishing drill's opened / clicked / reported per unit of the active roster. */
export function drillCounts(db: Queryable, tenantId: string, courseIds: readonly string[]) {
	if (courseIds.length === 0) return Promise.resolve([]);
	const flagSum = (column: "d.opened" | "d.clicked" | "d.reported") =>
		sql<number | string>`sum(case when ${sql.ref(column)} then 1 else 0 end)`;
	return db
		.selectFrom("training_drill_results as d")
		.innerJoin(rosterPlacement(db, tenantId).as("r"), "r.staff_id", "d.staff_id")
		.select([
			"r.org_unit_id",
			(eb) => eb.fn.countAll<number | string>().as("targeted"),
			flagSum("d.opened").as("opened"),
			flagSum("d.clicked").as("clicked"),
			flagSum("d.reported").as("reported"),
		])
		.where("d.tenant_id", "=", tenantId)
		.where("d.course_id", "in", courseIds)
		.groupBy("r.org_unit_id")
		.execute();
}

/** The courses a member of staff owes or did, with their latest quiz score. */
export function assignmentsOfStaff(db: Queryable, tenantId: string, staffId: string) {
	return db
		.selectFrom("training_assignments as a")
		.innerJoin("training_courses as c", "c.id", "a.course_id")
		.select([
			"c.id",
			"c.title",
			"c.description",
			"c.kind",
			"c.due_on",
			"c.held_on",
			"c.quiz",
			"c.pass_mark",
			"a.completed_at",
		])
		.where("a.tenant_id", "=", tenantId)
		.where("a.staff_id", "=", staffId)
		.orderBy("c.due_on")
		.execute();
}

export function attemptsOfStaff(db: Queryable, tenantId: string, staffId: string) {
	return db
		.selectFrom("training_quiz_attempts")
		.select(["course_id", "score", "created_at"])
		.where("tenant_id", "=", tenantId)
		.where("staff_id", "=", staffId)
		.orderBy("created_at")
		.execute();
}

/** Open assignments of a course not yet given the reminder `key` (its due date and reminder day). */
export function unremindedOpen(db: Queryable, tenantId: string, courseId: string, key: string) {
	return db
		.selectFrom("training_assignments as a")
		.innerJoin(activeRoster(db, tenantId).as("r"), "r.staff_id", "a.staff_id")
		.select(["a.id", "a.staff_id", "r.account_id", "r.email", "r.display_name"])
		.where("a.tenant_id", "=", tenantId)
		.where("a.course_id", "=", courseId)
		.where("a.completed_at", "is", null)
		.where((eb) => eb.or([eb("a.reminded_for", "is", null), eb("a.reminded_for", "!=", key)]))
		.execute();
}

export async function markReminded(tx: Tx, ids: readonly string[], key: string): Promise<void> {
	for (let i = 0; i < ids.length; i += CHUNK)
		await tx
			.updateTable("training_assignments")
			.set({ reminded_for: key })
			.where("id", "in", ids.slice(i, i + CHUNK))
			.execute();
}
