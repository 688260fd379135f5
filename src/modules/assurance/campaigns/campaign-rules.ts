import { type AnyIssueCode, ruleIssue } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import type { Answerer, AnswerScale } from "../checklists/checklist-model.ts";

/** What a respondent answers for in a unit: the answerer kinds of the checklist items. */
export interface RespondentRoles {
	asStaff: boolean;
	asManager: boolean;
	asSystemAdmin: boolean;
}

/**
 * Whether an item is assigned to a respondent: all_staff items to every member of staff of the
 * unit, manager items to its 管理者, system_admin items to its システム管理者.
 *
 * @example
 * assignedTo("manager", { asStaff: true, asManager: false, asSystemAdmin: false }); // false
 */
export function assignedTo(answerer: Answerer | string, roles: RespondentRoles): boolean {
	if (answerer === "all_staff") return roles.asStaff;
	if (answerer === "manager") return roles.asManager;
	if (answerer === "system_admin") return roles.asSystemAdmin;
	return false;
}

/** The items of each answerer kind in a checklist version. */
export type ItemsByAnswerer = Record<Answerer, number>;

/** How many items a respondent answers. */
export function assignedCount(byAnswerer: ItemsByAnswerer, roles: RespondentRoles): number {
	return (
		(roles.asStaff ? byAnswerer.all_staff : 0) +
		(roles.asManager ? byAnswerer.manager : 0) +
		(roles.asSystemAdmin ? byAnswerer.system_admin : 0)
	);
}

export const ANSWER_VALUES = ["yes", "no", "na", "level"] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

export interface AnswerGiven {
	answer: AnswerValue;
	levelIndex: number | null;
}

/**
 * Whether an answer complies, for the compliance rate: はい complies, いいえ does not, 該当なし is
 * left out (null); on a level scale only the highest level complies.
 *
 * @example
 * compliance({ answer: "level", levelIndex: 2 }, 3); // 1
 */
export function compliance(given: AnswerGiven, levelCount: number): number | null {
	if (given.answer === "yes") return 1;
	if (given.answer === "no") return 0;
	if (given.answer === "na") return null;
	return given.levelIndex === levelCount - 1 ? 1 : 0;
}

/** The answer fits the item's scale: はい/いいえ/該当なし, or one of its levels. */
export function answerFits(given: AnswerGiven, scale: AnswerScale | string, levelCount: number) {
	if (scale === "level") {
		return (
			given.answer === "level" &&
			given.levelIndex !== null &&
			Number.isInteger(given.levelIndex) &&
			given.levelIndex >= 0 &&
			given.levelIndex < levelCount
		);
	}
	return given.answer !== "level" && given.levelIndex === null;
}

/** A rate in percent with one decimal, or null when nothing counts towards it. */
export function percent(part: number, whole: number): number | null {
	if (whole <= 0) return null;
	return Math.round((part / whole) * 1000) / 10;
}

/** The clause an item's answers are grouped by: the 基本方針 clause, else the 対策基準 chapter. */
export function clauseOf(item: { policy_clause: string | null; standards_chapter: string | null }) {
	return item.policy_clause ?? item.standards_chapter ?? "-";
}

/** A due date must not be before today (Japan date). */
export function dueDateFits(dueOn: string, today: string): boolean {
	return dueOn >= today;
}

/**
 * Whether closing on `today` is early, needing a reason: answers are taken up to and on the due
 * date, so only from the day after it does a campaign close on its own terms.
 *
 * @example
 * closesEarly("2026-06-30", "2026-06-30"); // true
 */
export function closesEarly(today: string, dueOn: string): boolean {
	return today <= dueOn;
}

/** Refuse a request with one coded issue, as the catalogue names it. */
export function campaignRefusal(
	problemCode: "conflict" | "validation_failed" | "forbidden",
	code: AnyIssueCode,
	message: string,
	params: Record<string, string | number> = {},
	path = "",
): Problem {
	const issue = path ? ruleIssue(path, code, message, params) : { path, code, params, message };
	return new Problem(problemCode, message, { issues: [issue] });
}
