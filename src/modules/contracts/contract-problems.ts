import { type IssueCode, refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";

/** A field of a request that names something the tenant does not have, or is not allowed. */
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

export function staleRecord(): Problem {
	return new Problem("conflict", "the record was changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }],
	});
}

export function notUnitManager(): Problem {
	return refusal(
		"forbidden",
		"contract_not_unit_manager",
		"only a manager of the unit (or the CISO, 統括) registers its contracts",
	);
}

export function notApprover(): Problem {
	return refusal(
		"forbidden",
		"contract_not_approver",
		"the policy pack names another approver of subcontracting",
	);
}

export function contractEnded(): Problem {
	return refusal("conflict", "contract_ended", "the contract has ended; its record is closed");
}

export function codeTaken(path: string): Problem {
	return new Problem("conflict", "that code is in use already", {
		issues: [{ path, code: "contract_code_taken", params: {}, message: "in use" }],
	});
}

export function subcontractDecided(): Problem {
	return refusal("conflict", "contract_subcontract_decided", "the request is decided already");
}
