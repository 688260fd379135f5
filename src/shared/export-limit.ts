import { ruleIssue } from "./issues.ts";
import { Problem } from "./problem.ts";

/**
 * Refuse an export whose filter matches more rows than one file may carry, rather than write a
 * file that silently leaves rows out: an auditor must be able to trust that an export is whole.
 *
 * @example
 * refuseOversizedExport(total, 10_000); // throws validation_failed when total > 10,000
 */
export function refuseOversizedExport(total: number, maxRows: number): void {
	if (total <= maxRows) return;
	const message = `the filter matches ${total} rows; one export holds at most ${maxRows}: narrow the filter`;
	throw new Problem("validation_failed", message, {
		issues: [
			ruleIssue("(filter)", "export_too_many_rows", message, { count: total, max: maxRows }),
		],
	});
}
