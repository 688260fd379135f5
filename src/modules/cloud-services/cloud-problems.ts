import { type IssueCode, refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import type { CloudServiceStep } from "./cloud-rules.ts";

/** A field of a request that is refused, with its stable code. */
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

export function staleService(): Problem {
	return new Problem("conflict", "the service was changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }],
	});
}

export function stepRefused(step: CloudServiceStep, state: string): Problem {
	return refusal(
		"conflict",
		"cloud_service_step_not_allowed",
		`a ${state} service cannot take the step ${step}`,
		{ step, state },
	);
}

export function notApprover(): Problem {
	return refusal(
		"forbidden",
		"cloud_service_not_approver",
		"the policy pack names another approver of cloud services",
	);
}

export function notUnitManager(): Problem {
	return refusal(
		"forbidden",
		"cloud_service_not_unit_manager",
		"only a manager of the unit (or the CISO, 統括) keeps its services",
	);
}

export function codeTaken(code: string): Problem {
	return refusal("conflict", "cloud_service_code_taken", `service number ${code} is taken`, {
		value: code,
	});
}
