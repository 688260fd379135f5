import { type IssueCode, refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import type { ExceptionStep } from "./exception-rules.ts";

/** A field of a request that names something the tenant does not have. */
export function invalidField(path: string, code: IssueCode, message: string): Problem {
	return new Problem("validation_failed", `${path}: ${message}`, {
		issues: [{ path, code, message, params: {} }],
	});
}

export function staleException(): Problem {
	return new Problem(
		"conflict",
		"the exception was changed by someone else; reload and try again",
		{
			issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }],
		},
	);
}

export function stepRefused(step: ExceptionStep, state: string): Problem {
	return refusal(
		"conflict",
		"exception_step_not_allowed",
		`a ${state} exception cannot take the step ${step}`,
		{ step, state },
	);
}

export function notApprover(): Problem {
	return refusal(
		"forbidden",
		"exception_not_approver",
		"the policy pack names another approver of exceptions",
	);
}

export function notUnitManager(): Problem {
	return refusal(
		"forbidden",
		"exception_not_unit_manager",
		"only a manager of the unit (or the CISO, 統括) requests its exceptions",
	);
}
