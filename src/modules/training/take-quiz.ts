import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { refusal } from "../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { rosterEntryOf } from "./record-attendance.ts";
import { trainingPolicy } from "./training.policy.ts";
import { completeAssignment, findAssignment, findCourse } from "./training.repository.ts";
import { type Quiz, quizSchema } from "./training.schemas.ts";
import { invalidField } from "./training-problems.ts";

/** Per cent of right answers, rounded down: a pass mark of 80 needs 4 of 5, not 3.9. */
export function scoreOf(quiz: Quiz, answers: readonly number[]): number {
	const right = quiz.filter((question, i) => answers[i] === question.answer).length;
	return Math.floor((right * 100) / quiz.length);
}

/**
 * A member of staff answers an e-learning course's quiz they owe. Every attempt is kept; a score
 * under the pass mark completes nothing (they may try again); a pass completes the course.
 *
 * @throws Problem `not_found` (a course they do not owe, or of another tenant); `conflict`
 * (`training_no_quiz`, `training_already_completed`); `validation_failed` (`training_answers_mismatch`)
 */
export async function takeQuiz(
	tx: Tx,
	actor: Actor,
	courseId: string,
	answers: readonly number[],
	now: Date = new Date(),
): Promise<{ score: number; passMark: number; passed: boolean }> {
	authorize(actor, trainingPolicy, "training.take");
	const me = await rosterEntryOf(tx, actor);
	const course = await findCourse(tx, actor.tenantId, courseId);
	const owed =
		me && course ? await findAssignment(tx, actor.tenantId, course.id, me.staff_id) : undefined;
	if (!me || !course || !owed)
		throw refusal("not_found", "training_not_owed", "you do not owe this course");
	if (!course.quiz || course.pass_mark === null)
		throw refusal("conflict", "training_no_quiz", "this course has no quiz");
	if (owed.completed_at)
		throw refusal("conflict", "training_already_completed", "you have completed this course");
	const quiz = quizSchema.parse(JSON.parse(course.quiz));
	if (answers.length !== quiz.length)
		throw invalidField("answers", "training_answers_mismatch", "one answer per question", {
			expected: quiz.length,
			given: answers.length,
		});
	const score = scoreOf(quiz, answers);
	const passed = score >= course.pass_mark;
	const at = now.toISOString();
	await tx
		.insertInto("training_quiz_attempts")
		.values({
			id: randomUUID(),
			tenant_id: actor.tenantId,
			course_id: course.id,
			staff_id: me.staff_id,
			score,
			passed,
			answers: JSON.stringify(answers),
			created_at: at,
		})
		.execute();
	if (passed)
		await completeAssignment(tx, owed.id, {
			completed_at: at,
			completed_via: "quiz",
			recorded_by: actor.accountId,
			recorded_by_label: actor.label,
		});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"training.quiz_attempted",
		{
			courseId: course.id,
			title: course.title,
			staffId: me.staff_id,
			score,
			passMark: course.pass_mark,
			passed,
		},
		{ recordType: "training_course", recordId: course.id },
	);
	return { score, passMark: course.pass_mark, passed };
}
