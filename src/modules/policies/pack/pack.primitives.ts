import { z } from "zod";

/** A stable machine code: `systems`, `cyber_attack`. Downstream data refers to these. */
export const codeSchema = z
	.string()
	.regex(/^[a-z][a-z0-9_]{0,59}$/, "lower-case letters, digits and _; starts with a letter");

/**
 * An agency's 所属コード as the city numbers it (`010000`), or any short code of letters, digits,
 * `_` and `-`; it becomes the code of the agency's top-level org unit.
 */
export const unitCodeSchema = z
	.string()
	.regex(/^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$/, "letters, digits, _ and -; at most 40 characters");

/** A classification level code: `I`, `C3A`, `A2`. Short and readable on a label. */
export const levelCodeSchema = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9_]{0,19}$/, "letters, digits and _; at most 20 characters");

/** `YYYY-MM`, the precision policy revisions are dated with. */
export const yearMonthSchema = z
	.string()
	.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected YYYY-MM, e.g. 2023-09");

/** A name or title: one line. */
export const labelSchema = z.string().trim().min(1).max(120);

/** A description in our own words: a sentence or two, never a pasted paragraph. */
export const shortTextSchema = z.string().trim().min(1).max(400);

/** Japanese first (what officials read), English second (the en UI and engineers). */
export const localizedLabelSchema = z.strictObject({ ja: labelSchema, en: labelSchema });
export const localizedTextSchema = z.strictObject({ ja: shortTextSchema, en: shortTextSchema });

export type LocalizedLabel = z.infer<typeof localizedLabelSchema>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;

// Cross-field checks run even when other parts of the pack are broken, so that one validation
// lists every bad field. They therefore read the (possibly malformed) input defensively.

/** An own property of a value that may not be an object (never one inherited, like `constructor`). */
export function prop(value: unknown, key: string): unknown {
	return typeof value === "object" && value !== null && Object.hasOwn(value, key)
		? (value as Record<string, unknown>)[key]
		: undefined;
}

/** The elements of a value if it is an array, else none. */
export function items(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/** The value if it is a string, else undefined. */
export function text(value: unknown): string | undefined {
	return typeof value === "string" ? value : undefined;
}

interface IssueSink {
	addIssue(issue: { code: "custom"; message: string; path: PropertyKey[] }): void;
}

/**
 * Reports every element whose `field` (a path inside the element) repeats an earlier element's.
 *
 * @example
 * z.array(threat).superRefine((list, ctx) => reportDuplicates(list, ["code"], ctx), ALWAYS)
 */
export function reportDuplicates(
	list: unknown,
	field: string[],
	ctx: IssueSink,
	basePath: PropertyKey[] = [],
): void {
	const seen = new Set<string>();
	items(list).forEach((element, index) => {
		const value = text(field.reduce<unknown>((v, key) => prop(v, key), element));
		if (value === undefined) return;
		if (seen.has(value)) {
			ctx.addIssue({
				code: "custom",
				message: `duplicate ${field.join(".")} "${value}"`,
				path: [...basePath, index, ...field],
			});
		}
		seen.add(value);
	});
}

/** Refinement option: run even when the value already has type errors (see note above). */
export const ALWAYS = { when: () => true } as const;
