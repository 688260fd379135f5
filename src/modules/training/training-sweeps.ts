import { randomUUID } from "node:crypto";
import { systemActor } from "../../bootstrap.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { enqueueJob } from "../../platform/jobs/enqueue-job.ts";
import { japanDate } from "../../shared/dates.ts";
import { sendMail } from "../../shared/mail.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { DEFAULT_REMINDER_DAYS, packReminderDays } from "../policies/pack/training.schema.ts";
import { audienceOf } from "./audience.ts";
import { reminderDaysOf, reminderDue } from "./reminder-days.ts";
import {
	type AssignmentRow,
	assignedStaffIds,
	findCourse,
	insertAssignments,
	markReminded,
	openCourses,
	unremindedOpen,
} from "./training.repository.ts";
import type { TrainingAudience } from "./training.schemas.ts";

/** The daily job: who joined an open course's audience (new staff of the April roster) owes it. */
export const ASSIGN_JOB = "training.assign-new-staff";
/** The daily job: remind who still owes a course due within its (or the pack's) reminder days. */
export const REMINDER_JOB = "training.reminders";
/** One reminder mail, queued with the reminder. */
export const REMINDER_MAIL_JOB = "training.reminder-mail";

/**
 * Give every open course of the tenant to the members of its audience who do not owe it yet:
 * staff who joined the roster in the course's fiscal year now owe the new-staff course, and
 * someone made a manager owes the managers' course. One transaction per course, with its audit
 * event; a rerun finds nothing left to do.
 */
export async function assignNewStaff(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	now: Date = new Date(),
): Promise<{ courseId: string; staffIds: string[] }[]> {
	const at = now.toISOString();
	const out: { courseId: string; staffIds: string[] }[] = [];
	for (const course of await openCourses(deps.db, tenantId, japanDate(now))) {
		if (course.kind === "phishing_drill") continue;
		const added = await inTransaction(deps.db, async (tx) => {
			const members = await audienceOf(
				tx,
				tenantId,
				course.audience as TrainingAudience,
				course.fiscal_year,
				at,
			);
			const owing = new Set(
				(await assignedStaffIds(tx, tenantId, course.id)).map((row) => row.staff_id),
			);
			const rows: AssignmentRow[] = members
				.filter((m) => !owing.has(m.staff_id))
				.map((m) => ({
					id: randomUUID(),
					tenant_id: tenantId,
					course_id: course.id,
					staff_id: m.staff_id,
					source: course.audience === "new_staff" ? "new_staff" : "audience",
					assigned_at: at,
					completed_at: null,
					completed_via: null,
					recorded_by: null,
					recorded_by_label: null,
					reminded_for: null,
				}));
			if (rows.length === 0) return [];
			await insertAssignments(tx, rows);
			await recordAudit(
				tx,
				auditContextOf(systemActor(tenantId, `scheduler (${ASSIGN_JOB})`)),
				"training.assigned",
				{
					courseId: course.id,
					title: course.title,
					staffIds: rows.map((r) => r.staff_id),
					reason: course.audience,
				},
				{ recordType: "training_course", recordId: course.id },
			);
			return rows.map((r) => r.staff_id);
		});
		if (added.length > 0) out.push({ courseId: course.id, staffIds: added });
	}
	return out;
}

/**
 * Remind who still owes a course whose due date is within its reminder days: the course's own,
 * else the policy pack's (`training.reminderDays`, e.g. 14 and 3 days before). Once per due date
 * and reminder day (a moved due date, or the next reminder day, reminds again), in the app (My
 * training shows the due date) and by a mail job per person. One transaction per course with its
 * audit event.
 */
export async function remindDue(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	now: Date = new Date(),
): Promise<{ courseId: string; staffIds: string[]; daysBefore: number }[]> {
	const today = japanDate(now);
	const tenantPack = await currentTenantPack(deps.db, tenantId);
	const packDays = tenantPack ? packReminderDays(tenantPack.pack) : [...DEFAULT_REMINDER_DAYS];
	const out: { courseId: string; staffIds: string[]; daysBefore: number }[] = [];
	for (const course of await openCourses(deps.db, tenantId, today)) {
		if (course.kind === "phishing_drill") continue;
		const due = reminderDue(today, course.due_on, reminderDaysOf(course.remind_days, packDays));
		if (!due) continue;
		const told = await inTransaction(deps.db, async (tx) => {
			const open = await unremindedOpen(tx, tenantId, course.id, due.key);
			if (open.length === 0) return [];
			await markReminded(
				tx,
				open.map((row) => row.id),
				due.key,
			);
			for (const row of open)
				if (row.email)
					await enqueueJob(tx, {
						name: REMINDER_MAIL_JOB,
						tenantId,
						payload: {
							courseId: course.id,
							staffId: row.staff_id,
							to: row.email,
							name: row.display_name,
						},
						dueAt: now,
						maxAttempts: 8,
					});
			await recordAudit(
				tx,
				auditContextOf(systemActor(tenantId, `scheduler (${REMINDER_JOB})`)),
				"training.reminded",
				{
					courseId: course.id,
					title: course.title,
					dueOn: course.due_on,
					daysBefore: due.daysBefore,
					staffIds: open.map((row) => row.staff_id),
				},
				{ recordType: "training_course", recordId: course.id },
			);
			return open.map((row) => row.staff_id);
		});
		if (told.length > 0)
			out.push({ courseId: course.id, staffIds: told, daysBefore: due.daysBefore });
	}
	return out;
}

/** The reminder mail, in Japanese: the course, its due date and where to take it. */
export async function mailReminder(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	payload: unknown,
): Promise<"sent" | "no_smtp" | "gone"> {
	const p = payload as { courseId?: unknown; to?: unknown; name?: unknown } | null;
	if (typeof p?.courseId !== "string" || typeof p.to !== "string")
		throw new Error(`${REMINDER_MAIL_JOB}: bad payload`);
	if (!deps.config.smtpUrl) return "no_smtp";
	const course = await findCourse(deps.db, tenantId, p.courseId);
	if (!course) return "gone";
	await sendMail(deps.config.smtpUrl, {
		to: p.to,
		subject: `【研修の受講期限】${course.title}（${course.due_on}まで）`,
		text: [
			`${String(p.name ?? "")} 様`,
			"",
			`研修「${course.title}」の受講期限は ${course.due_on} です。まだ受講が記録されていません。`,
			"",
			"/training/mine",
			"",
		].join("\n"),
	});
	return "sent";
}
