import { z } from "zod";

/** Reminder days when the pack says none (two weeks, then three days, before the due date). */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [14, 3];

/**
 * The training rules of a pack (研修). Every field is optional; absent, the defaults apply, so a
 * pack that says nothing still works:
 *
 * - `reminderDays`: days before a course's due date when those who still owe it are reminded,
 *   once each (e.g. `[14, 3]`: two weeks before, then three days before). A course that sets its
 *   own reminder days uses those instead. Default `[14, 3]`.
 */
export const trainingRulesSchema = z.strictObject({
	reminderDays: z
		.array(z.number().int().min(0).max(90))
		.min(1)
		.max(5)
		.refine((days) => new Set(days).size === days.length, "each day once")
		.optional(),
});
export type TrainingRules = z.infer<typeof trainingRulesSchema>;

/**
 * The reminder days of a pack, largest first; a stored pack from before the field existed has
 * none, so this reads the parsed pack loosely.
 *
 * @example
 * packReminderDays(pack); // [14, 3]
 */
export function packReminderDays(pack: { training?: TrainingRules | undefined }): number[] {
	return [...(pack.training?.reminderDays ?? DEFAULT_REMINDER_DAYS)].sort((a, b) => b - a);
}
