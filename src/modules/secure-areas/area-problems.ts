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

export function areaNotFound(): Problem {
	return new Problem("not_found", "no such secure area");
}

export function entryNotFound(): Problem {
	return new Problem("not_found", "no such entry");
}

export function notAreaManager(): Problem {
	return refusal(
		"forbidden",
		"secure_area_not_manager",
		"only the area's manager (or the CISO, 統括) keeps its permits and entry log",
	);
}

export function staleArea(): Problem {
	return new Problem("conflict", "the area was changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }],
	});
}

/** The same person's entry into the area within a minute of this one is already logged. */
export function entryRepeated(at: string): Problem {
	return refusal(
		"conflict",
		"secure_area_entry_repeated",
		"an entry of this person into the area within a minute of this time is already logged",
		{ at },
	);
}

export function alreadyExited(): Problem {
	return refusal("conflict", "secure_area_already_exited", "the exit is already recorded");
}
