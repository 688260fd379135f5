import { z } from "zod";
import {
	ALWAYS,
	items,
	labelSchema,
	localizedTextSchema,
	prop,
	text,
	yearMonthSchema,
} from "./pack.primitives.ts";

export const revisionSchema = z.strictObject({
	date: yearMonthSchema,
	/** The date as the policy writes it, in 和暦: `平成16年3月`, `令和元年7月`. */
	era: labelSchema,
	kind: z.enum(["initial", "full", "partial"]),
	summary: localizedTextSchema,
});

const ERA_START: Record<string, number> = { 昭和: 1925, 平成: 1988, 令和: 2018 };

/** `令和5年9月` → `2023-09`; undefined when the text is not a 和暦 year and month. */
export function warekiToYearMonth(era: string): string | undefined {
	const match = /^(昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月$/.exec(era);
	if (!match) return undefined;
	const [, name = "", year = "", month = ""] = match;
	const gregorian = (ERA_START[name] ?? 0) + (year === "元" ? 1 : Number(year));
	const m = Number(month);
	return m >= 1 && m <= 12 ? `${gregorian}-${String(m).padStart(2, "0")}` : undefined;
}

export const revisionsSchema = z.array(revisionSchema).superRefine((list, ctx) => {
	let previous: string | undefined;
	items(list).forEach((revision, index) => {
		const date = text(prop(revision, "date"));
		const era = text(prop(revision, "era"));
		if (era !== undefined) {
			const converted = warekiToYearMonth(era);
			if (converted === undefined) {
				ctx.addIssue({ code: "custom", message: "expected e.g. 令和5年9月", path: [index, "era"] });
			} else if (date !== undefined && converted !== date) {
				ctx.addIssue({
					code: "custom",
					message: `${era} is ${converted}, not ${date}`,
					path: [index, "era"],
				});
			}
		}
		if (date === undefined) return;
		if (previous !== undefined && date < previous) {
			ctx.addIssue({
				code: "custom",
				message: "revisions must be in date order",
				path: [index, "date"],
			});
		}
		previous = date;
	});
}, ALWAYS);
