import type { PolicyPack } from "../policies/pack/pack.schema.ts";

export const AFFAIR_KINDS = ["use", "related"] as const;
export type AffairKind = (typeof AFFAIR_KINDS)[number];

/** 特定個人情報保護評価: none (under 1,000 people), 基礎項目, 重点項目, 全項目. */
export const PIA_LEVELS = ["none", "basic", "focused", "full"] as const;
export type PiaLevel = (typeof PIA_LEVELS)[number];

export const PIA_STATUSES = ["not_required", "not_started", "in_progress", "done"] as const;
export type PiaStatus = (typeof PIA_STATUSES)[number];

export const HANDLER_END_REASONS = ["removed", "transferred", "left"] as const;
export type HandlerEndReason = (typeof HANDLER_END_REASONS)[number];

/** A PIA is evaluated again at least every five years (特定個人情報保護評価指針). */
export const PIA_REEVALUATE_YEARS = 5;

/** Whether the tenant's pack has the 特定個人情報 provision in force. */
export function myNumberInForce(pack: PolicyPack): boolean {
	return pack.provisions.specificPersonalInformation.inForce;
}

/**
 * The PIA's due date when none is given: five years after it was done; none before it is.
 *
 * @example
 * piaDueOn("done", "2024-06-01", null) // → "2029-06-01"
 */
export function piaDueOn(status: PiaStatus, doneOn: string | null, given: string | null) {
	if (given) return given;
	if (status !== "done" || !doneOn) return null;
	return `${Number(doneOn.slice(0, 4)) + PIA_REEVALUATE_YEARS}${doneOn.slice(4)}`;
}

/** Whether a PIA needs attention on `today`: due and not done again, or never started. */
export function piaOverdue(
	affair: { pia_level: string; pia_due_on: string | null },
	today: string,
): boolean {
	return affair.pia_level !== "none" && affair.pia_due_on !== null && affair.pia_due_on <= today;
}

/** Whether a handler entry holds on `day` (Japan dates; `ends_on` is the first day it does not). */
export function handlerHolds(
	entry: { starts_on: string; ends_on: string | null },
	day: string,
): boolean {
	return entry.starts_on <= day && (entry.ends_on === null || day < entry.ends_on);
}

/**
 * The first day a handler's entry no longer holds after a transfer or leaving: the 発令日 (or
 * leaving day) in Japan, never before the entry started.
 *
 * @example
 * lapseDay("2027-03-31T15:00:00.000Z", "2026-04-01") // → "2027-04-01"
 */
export function lapseDay(instant: string, startsOn: string): string {
	const day = new Date(Date.parse(instant) + 9 * 3600_000).toISOString().slice(0, 10);
	return day < startsOn ? startsOn : day;
}
