import { type IssueCode, refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";

export function invalidField(path: string, code: IssueCode, message: string): Problem {
	return new Problem("validation_failed", `${path}: ${message}`, {
		issues: [{ path, code, message, params: {} }],
	});
}

/** The tenant's pack has no 特定個人情報 provision: the register does not exist for it. */
export function notInPolicy(): Problem {
	return refusal(
		"not_found",
		"my_number_not_in_policy",
		"this tenant's policy has no rules on specific personal information (My Number)",
	);
}

/** Neither the CISO, 統括, an auditor, nor the responsible person of any affair. */
export function notInCharge(): Problem {
	return refusal(
		"forbidden",
		"my_number_not_in_charge",
		"the My Number register is kept by the affairs' responsible people, the CISO and 統括",
	);
}

export function staleAffair(): Problem {
	return new Problem("conflict", "the affair was changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }],
	});
}

export function notFound(what: string): Problem {
	return new Problem("not_found", `no such ${what}`);
}
