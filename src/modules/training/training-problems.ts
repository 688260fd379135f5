import type { IssueCode } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";

/** A field of a request that names something the tenant does not have, or breaks a rule. */
export function invalidField(
	path: string,
	code: IssueCode,
	message: string,
	params: Record<string, string | number> = {},
): Problem {
	return new Problem("validation_failed", `${path}: ${message}`, {
		issues: [{ path, code, message, params }],
	});
}
