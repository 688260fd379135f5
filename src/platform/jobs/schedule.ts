import { exponentialBackoff } from "../../db/claim.ts";
import { japanDate, startOfJapanDay } from "../../shared/dates.ts";

/**
 * The first instant strictly after `now` at `hourJst`:00 Japan time, and its Japan date, which
 * names the occurrence.
 *
 * @example
 * nextDailyOccurrence(new Date("2026-12-06T01:00:00Z"), 9); // { dueAt: "2026-12-07T00:00:00.000Z", date: "2026-12-07" }
 */
export function nextDailyOccurrence(now: Date, hourJst: number): { dueAt: string; date: string } {
	let due = Date.parse(startOfJapanDay(now)) + hourJst * 3600 * 1000;
	if (due <= now.getTime()) due += 24 * 3600 * 1000;
	const dueAt = new Date(due);
	return { dueAt: dueAt.toISOString(), date: japanDate(dueAt) };
}

/** The key that makes one occurrence of a recurring job unique in the table. */
export function occurrenceKey(name: string, tenantId: string | null, date: string): string {
	return `${name}|${tenantId ?? "*"}|${date}`;
}

/** Delay before a failed job runs again: 30 s, doubling, at most an hour. */
export function jobBackoffSeconds(attempts: number): number {
	return exponentialBackoff(attempts, 30, 3600);
}
