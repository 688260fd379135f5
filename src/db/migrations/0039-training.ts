import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Training (研修・訓練): the fiscal year's courses (in person, e-learning with a quiz, 標的型メール
 * 訓練), who owes each (one row per member of staff, kept by the course's audience and the daily
 * new-staff job), completion however recorded, quiz attempts and phishing-drill results.
 * Completion rates are counted from these rows by query; nothing is cached.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema
		.createTable("training_courses")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("description", "text", (c) => c.notNull())
		// in_person | e_learning | phishing_drill
		.addColumn("kind", "text", (c) => c.notNull())
		// all_staff | new_staff | managers | system_admins | contractors
		.addColumn("audience", "text", (c) => c.notNull())
		// Japan dates, YYYY-MM-DD: when it must be done by, and when an in-person session is held.
		.addColumn("due_on", "text", (c) => c.notNull())
		.addColumn("held_on", "text")
		// Days before the due date when those who still owe it are reminded (once).
		.addColumn("remind_days", "integer", (c) => c.notNull())
		// e-learning: the quiz as JSON (questions, choices, the right choice) and the pass mark (%).
		.addColumn("quiz", "text")
		.addColumn("pass_mark", "integer")
		// The training owner (研修担当): records attendance for every unit.
		.addColumn("owner_account_id", "text", (c) => c.notNull())
		.addColumn("owner_label", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("training_courses_tenant_year")
		.on("training_courses")
		.columns(["tenant_id", "fiscal_year", "due_on"])
		.execute();

	await db.schema
		.createTable("training_assignments")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("course_id", "text", (c) => c.notNull().references("training_courses.id"))
		.addColumn("staff_id", "text", (c) => c.notNull().references("staff.id"))
		// audience (when the course was planned) | new_staff (the daily job) | import
		.addColumn("source", "text", (c) => c.notNull())
		.addColumn("assigned_at", instant, (c) => c.notNull())
		.addColumn("completed_at", instant)
		// manual | import | quiz | drill
		.addColumn("completed_via", "text")
		.addColumn("recorded_by", "text")
		.addColumn("recorded_by_label", "text")
		// The due date a reminder was sent for; a moved due date reminds again.
		.addColumn("reminded_for", "text")
		.execute();
	await db.schema
		.createIndex("training_assignments_course_staff")
		.on("training_assignments")
		.columns(["course_id", "staff_id"])
		.unique()
		.execute();
	await db.schema
		.createIndex("training_assignments_tenant_staff")
		.on("training_assignments")
		.columns(["tenant_id", "staff_id"])
		.execute();
	// Covering for the completion counts: per course, whose and whether completed.
	await db.schema
		.createIndex("training_assignments_course_counts")
		.on("training_assignments")
		.columns(["course_id", "staff_id", "completed_at"])
		.execute();

	await db.schema
		.createTable("training_quiz_attempts")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("course_id", "text", (c) => c.notNull().references("training_courses.id"))
		.addColumn("staff_id", "text", (c) => c.notNull().references("staff.id"))
		.addColumn("score", "integer", (c) => c.notNull())
		.addColumn("passed", flag, (c) => c.notNull())
		// JSON array of the chosen choice per question.
		.addColumn("answers", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("training_quiz_attempts_staff")
		.on("training_quiz_attempts")
		.columns(["tenant_id", "staff_id", "course_id"])
		.execute();

	await db.schema
		.createTable("training_drill_results")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("course_id", "text", (c) => c.notNull().references("training_courses.id"))
		.addColumn("staff_id", "text", (c) => c.notNull().references("staff.id"))
		.addColumn("opened", flag, (c) => c.notNull())
		.addColumn("clicked", flag, (c) => c.notNull())
		.addColumn("reported", flag, (c) => c.notNull())
		.addColumn("imported_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("training_drill_results_course_staff")
		.on("training_drill_results")
		.columns(["course_id", "staff_id"])
		.unique()
		.execute();
}
