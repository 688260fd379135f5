import { type IssueCode, refusal } from "../../shared/issues.ts";
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

/** Drill figures asked of a course that is not a phishing drill. */
export function notADrill(): Problem {
	return refusal("conflict", "training_not_a_drill", "the course is not a phishing drill");
}

/** The course was changed by someone else since the caller read it. */
export function staleCourse(): Problem {
	return new Problem("conflict", "the course was changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }],
	});
}
