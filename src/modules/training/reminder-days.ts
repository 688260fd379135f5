/**
 * When the reminders of a course go out: the course's own reminder days, or the policy pack's
 * (`training.reminderDays`, e.g. 14 and 3 days before the due date). Pure, so the daily job and
 * its tests share it.
 */

/** The Japan date `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The days a course reminds at, largest first: its own, else the pack's. */
export function reminderDaysOf(ownDays: number | null, packDays: readonly number[]): number[] {
	return ownDays === null ? [...packDays].sort((a, b) => b - a) : [ownDays];
}

/**
 * The reminder due today for a course, if any: the smallest reminder day already reached (a job
 * that did not run on the 14th day before still reminds once, not twice). `key` is what an
 * assignment keeps once reminded (`reminded_for`): the due date for the first reminder (the form
 * kept before there were several) and `due/Nd` for the later ones, so a moved due date, or the
 * next reminder day, reminds again and a rerun does not.
 *
 * @example
 * reminderDue("2026-07-29", "2026-07-31", [14, 3]); // { daysBefore: 3, key: "2026-07-31/3d" }
 */
export function reminderDue(
	today: string,
	dueOn: string,
	days: readonly number[],
): { daysBefore: number; key: string } | null {
	const reached = days.filter((d) => addDays(today, d) >= dueOn);
	if (reached.length === 0) return null;
	const daysBefore = Math.min(...reached);
	const first = Math.max(...days);
	return { daysBefore, key: daysBefore === first ? dueOn : `${dueOn}/${daysBefore}d` };
}
