import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";

/** The instance administrator has not allowed the host (MAMORI_WEBHOOK_ALLOWED_HOSTS). */
export function hostNotAllowed(host: string): Problem {
	return new Problem("validation_failed", `url: the instance does not allow sending to ${host}`, {
		issues: [
			{
				path: "url",
				code: "webhook_host_not_allowed",
				params: { host },
				message: `${host} is not in the instance's allow-list of webhook hosts`,
			},
		],
	});
}

export function urlRefused(code: "webhook_url_not_http" | "webhook_url_has_credentials"): Problem {
	const message =
		code === "webhook_url_not_http"
			? "a webhook URL is http:// or https://"
			: "a webhook URL carries no user name or password";
	return new Problem("validation_failed", `url: ${message}`, {
		issues: [{ path: "url", code, params: {}, message }],
	});
}

export function subscriptionNotFound(): Problem {
	return refusal("not_found", "webhook_subscription_removed", "no such webhook subscription");
}

export function staleSubscription(): Problem {
	return new Problem(
		"conflict",
		"the subscription was changed by someone else; reload and try again",
		{ issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }] },
	);
}
