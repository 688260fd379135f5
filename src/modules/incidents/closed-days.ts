import { createHash } from "node:crypto";
import holidayJp from "@holiday-jp/holiday_jp";

/**
 * Which days an office counts as closed when a legal deadline falls on them. National holidays
 * come from `@holiday-jp/holiday_jp` (maintained, MIT), behind this module so it can be replaced.
 */
export interface ClosedDaysRule {
	/** 0 = Sunday … 6 = Saturday. */
	weekdays: readonly number[];
	nationalHolidays: boolean;
	/** Month-day pairs closed every year, e.g. the New Year closure `12-29` … `01-03`. */
	yearly: readonly string[];
}

/** Every national holiday the library knows, as YYYY-MM-DD (its own keys). */
const NATIONAL_HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));

/** The last year the holiday library has data for; later deadlines are refused, not guessed. */
export const HOLIDAY_DATA_THROUGH = Math.max(
	...[...NATIONAL_HOLIDAYS].map((day) => Number(day.slice(0, 4))),
);

/**
 * A digest of the holiday data: due dates computed before an update of the library that adds or
 * moves a holiday differ from those computed after it, so dates kept in the database name it.
 */
export const HOLIDAY_DATA_STAMP = createHash("sha256")
	.update([...NATIONAL_HOLIDAYS].sort().join(","))
	.digest("hex")
	.slice(0, 16);

/**
 * A calendar of closed days for one rule (a deadline computation is a handful of set look-ups).
 *
 * @example
 * const calendar = new ClosedDays({ weekdays: [0, 6], nationalHolidays: true, yearly: ["12-29"] });
 * calendar.nextOpenDay("2027-01-01"); // "2027-01-04"
 */
export class ClosedDays {
	readonly #rule: ClosedDaysRule;
	readonly #yearly: Set<string>;
	readonly #answers = new Map<string, string>();

	constructor(rule: ClosedDaysRule) {
		this.#rule = rule;
		this.#yearly = new Set(rule.yearly);
	}

	/** Whether `day` (YYYY-MM-DD) is closed under the rule. */
	isClosed(day: string): boolean {
		const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
		if (this.#rule.weekdays.includes(weekday)) return true;
		if (this.#yearly.has(day.slice(5))) return true;
		if (!this.#rule.nationalHolidays) return false;
		if (Number(day.slice(0, 4)) > HOLIDAY_DATA_THROUGH) {
			throw new RangeError(`national holidays are known through ${HOLIDAY_DATA_THROUGH} only`);
		}
		return NATIONAL_HOLIDAYS.has(day);
	}

	/** `day` itself when it is open, otherwise the first open day after it. */
	nextOpenDay(day: string): string {
		let answer = this.#answers.get(day);
		if (answer === undefined) {
			answer = day;
			for (let i = 0; i < 366 && this.isClosed(answer); i++) answer = addDays(answer, 1);
			// Some thousand days a decade: kept, so assessing many cases is look-ups.
			if (this.#answers.size >= 20_000) this.#answers.clear();
			this.#answers.set(day, answer);
		}
		return answer;
	}
}

/** YYYY-MM-DD plus `n` calendar days. */
export function addDays(day: string, n: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + n);
	return date.toISOString().slice(0, 10);
}
