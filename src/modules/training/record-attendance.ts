import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { refusal } from "../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { activeRoster } from "../org/staff.repository.ts";
import { trainingPolicy } from "./training.policy.ts";
import { completeAssignment, findAssignment } from "./training.repository.ts";
import { courseOf, mayRecord, notUnitManager, type TrainingDesk } from "./training-desk.ts";
import { invalidField } from "./training-problems.ts";

/** The caller's own entry on the active roster, if they have one. */
export function rosterEntryOf(db: Queryable, actor: Actor) {
	return activeRoster(db, actor.tenantId)
		.where("staff.account_id", "=", actor.accountId)
		.executeTakeFirst();
}

/**
 * The course's owner, or a unit's manager for the unit's staff, records that people attended
 * (an in-person session, a course done elsewhere). All or nothing: someone not on the roster or
 * not owing the course refuses the whole request. Who had already completed it is left alone.
 *
 * `attendedOn` (a Japan day, not after today) dates the attendance; now when left out.
 *
 * @throws Problem `forbidden` (`training_not_unit_manager`); `validation_failed`
 * (`training_staff_unknown`, `training_not_owed`, `training_attended_in_future`); `conflict` (`training_is_a_drill`)
 */
export async function recordAttendance(
	tx: Tx,
	desk: TrainingDesk,
	courseId: string,
	staffIds: readonly string[],
	attendedOn?: string,
	now: Date = new Date(),
): Promise<{ recorded: number; alreadyCompleted: number }> {
	const { actor } = desk;
	authorize(actor, trainingPolicy, "training.record");
	if (attendedOn !== undefined && attendedOn > desk.today)
		throw invalidField("attendedOn", "training_attended_in_future", "the day is after today");
	// A day's attendance counts from the start of that day in Japan, as the roster import's.
	const at =
		attendedOn === undefined
			? now.toISOString()
			: new Date(`${attendedOn}T00:00:00+09:00`).toISOString();
	const course = await courseOf(tx, desk, courseId);
	if (course.kind === "phishing_drill")
		throw refusal(
			"conflict",
			"training_is_a_drill",
			"a drill's results come from the drill tool's CSV",
		);
	const roster = new Map(
		(
			await activeRoster(tx, actor.tenantId)
				.where("staff.id", "in", [...staffIds])
				.execute()
		).map((row) => [row.staff_id, row]),
	);
	const recorded: string[] = [];
	let alreadyCompleted = 0;
	for (const [i, staffId] of [...new Set(staffIds)].entries()) {
		const member = roster.get(staffId);
		if (!member)
			throw invalidField(
				`staffIds.${i}`,
				"training_staff_unknown",
				"no such active member of staff",
			);
		if (!mayRecord(desk, course, member.org_unit_id)) throw notUnitManager();
		const owed = await findAssignment(tx, actor.tenantId, course.id, staffId);
		if (!owed)
			throw invalidField(`staffIds.${i}`, "training_not_owed", "they do not owe this course");
		const done = await completeAssignment(tx, owed.id, {
			completed_at: at,
			completed_via: "manual",
			recorded_by: actor.accountId,
			recorded_by_label: actor.label,
		});
		if (done) recorded.push(staffId);
		else alreadyCompleted++;
	}
	if (recorded.length > 0)
		await recordAudit(
			tx,
			auditContextOf(actor),
			"training.attendance_recorded",
			{ courseId: course.id, title: course.title, staffIds: recorded },
			{ recordType: "training_course", recordId: course.id },
		);
	return { recorded: recorded.length, alreadyCompleted };
}
