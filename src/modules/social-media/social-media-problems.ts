import { type IssueCode, refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import type { SocialMediaStep } from "./social-media-rules.ts";

/** A field of a request that names something the tenant does not have, or is missing. */
export function invalidField(path: string, code: IssueCode, message: string): Problem {
	return new Problem("validation_failed", `${path}: ${message}`, {
		issues: [{ path, code, message, params: {} }],
	});
}

/** The tenant's pack has no social-media provision: the feature does not exist for it. */
export function notInPolicy(): Problem {
	return refusal(
		"not_found",
		"social_media_not_in_policy",
		"this tenant's policy has no rules on official social-media accounts",
	);
}

export function staleAccount(): Problem {
	return new Problem("conflict", "the account was changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }],
	});
}

export function stepRefused(step: SocialMediaStep, state: string): Problem {
	return refusal(
		"conflict",
		"social_media_step_not_allowed",
		`a ${state} account cannot take the step ${step}`,
		{ step, state },
	);
}

export function notApprover(): Problem {
	return refusal(
		"forbidden",
		"social_media_not_approver",
		"the policy pack names another approver of social-media accounts",
	);
}

export function notUnitManager(): Problem {
	return refusal(
		"forbidden",
		"social_media_not_unit_manager",
		"only a manager of the unit (or the CISO, 統括) registers and keeps its accounts",
	);
}
