import { issuesOfZod } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { type ColumnMapping, columnMappingSchema } from "./mapping.schemas.ts";

/**
 * An import's stored options carry its column mapping under `mapping`, beside the module's own
 * options: take it out (checked against the mapping format) and hand the rest to the module.
 *
 * @example
 * const { mapping, options } = splitMapping({ skipInvalid: true, mapping: { version: 1, … } });
 */
export function splitMapping(stored: unknown): { mapping: ColumnMapping | null; options: unknown } {
	if (typeof stored !== "object" || stored === null || !("mapping" in stored)) {
		return { mapping: null, options: stored };
	}
	const { mapping, ...options } = stored as { mapping: unknown };
	if (mapping === null || mapping === undefined) return { mapping: null, options };
	const parsed = columnMappingSchema.safeParse(mapping);
	if (!parsed.success) {
		throw new Problem("validation_failed", "the column mapping is not a valid mapping document", {
			issues: issuesOfZod(parsed.error, mapping).map((issue) => ({
				...issue,
				path: `mapping.${issue.path}`,
			})),
		});
	}
	return { mapping: parsed.data, options };
}
