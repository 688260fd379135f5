import { Problem } from "../../shared/problem.ts";
import type { Actor, Role } from "./roles.ts";

/** A module's permissions: each action names the roles that may take it. */
export type Policy<A extends string> = Readonly<Record<A, readonly Role[]>>;

/**
 * Declare a module's policy in one place.
 *
 * @example
 * export const auditLogPolicy = definePolicy({ "audit-log.read": ["auditor", "ciso"] });
 */
export function definePolicy<A extends string>(policy: Policy<A>): Policy<A> {
	return policy;
}

export function can<A extends string>(actor: Actor, policy: Policy<A>, action: A): boolean {
	const allowed = policy[action];
	if (allowed.includes("staff")) return true;
	return actor.roles.some((held) => allowed.includes(held.role));
}

/** First line of every use case: throw `forbidden` unless the actor may take the action. */
export function authorize<A extends string>(actor: Actor, policy: Policy<A>, action: A): void {
	if (!can(actor, policy, action)) {
		throw forbiddenFor(action, policy[action]);
	}
}

/**
 * The `forbidden` problem for an action, naming the roles that may take it (`params.roles`,
 * comma-separated) so the refusal can say who to ask.
 *
 * @example
 * throw forbiddenFor("policy_version.draft", ["ciso", "chief_officer"]);
 */
export function forbiddenFor(action: string, roles: readonly Role[]): Problem {
	return new Problem("forbidden", `your roles do not allow ${action}`, {
		params: { action, roles: roles.join(",") },
	});
}

/** The actions of `policy` the actor may take, returned with each resource for the UI. */
export function allowedActions<A extends string>(
	actor: Actor,
	policy: Policy<A>,
	actions: readonly A[] = Object.keys(policy) as A[],
): A[] {
	return actions.filter((action) => can(actor, policy, action));
}
