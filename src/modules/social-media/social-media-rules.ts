import type { Role } from "../authz/roles.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { socialMediaPolicy } from "./social-media.policy.ts";

export const SOCIAL_MEDIA_STATES = [
	"registered",
	"requested",
	"approved",
	"refused",
	"suspended",
	"closed",
] as const;
export type SocialMediaState = (typeof SOCIAL_MEDIA_STATES)[number];

export type SocialMediaStep =
	| "request"
	| "approve"
	| "refuse"
	| "review"
	| "suspend"
	| "reinstate"
	| "close";

const STEPS_FROM: Record<SocialMediaState, readonly SocialMediaStep[]> = {
	registered: ["request", "close"],
	requested: ["approve", "refuse"],
	approved: ["review", "suspend", "close"],
	refused: ["close"],
	suspended: ["review", "reinstate", "close"],
	closed: [],
};

export function stepAllowed(state: SocialMediaState, step: SocialMediaStep): boolean {
	return STEPS_FROM[state].includes(step);
}

/** Days without a review after which an account is flagged 休眠 (to be suspended). */
export const DORMANT_AFTER_DAYS = 365;

/** Whether the tenant's pack has the social-media provision in force. */
export function socialMediaInForce(pack: PolicyPack): boolean {
	return pack.provisions.socialMedia.inForce;
}

/**
 * The roles that decide an account in this tenant, read from the pack
 * (`organisation.approvals.socialMediaAccounts`): its approver and delegate, within the module's
 * ceiling; a committee approver is represented by its chair. None when the pack has no rule.
 *
 * @example
 * decidingRoles(sagaPack) // ["section_manager"]
 */
export function decidingRoles(pack: PolicyPack): Role[] {
	const rule = pack.organisation.approvals.socialMediaAccounts;
	if (!rule) return [];
	const named: Role[] = [];
	const approver =
		rule.approver === "committee" ? pack.organisation.committee?.chair : rule.approver;
	if (approver) named.push(approver);
	if (rule.delegate && !named.includes(rule.delegate)) named.push(rule.delegate);
	const ceiling = socialMediaPolicy["social_media.decide"];
	return named.filter((role) => ceiling.includes(role));
}

/** The roles told of an approval, as the pack names them. */
export function notifiedRoles(pack: PolicyPack): Role[] {
	return [...(pack.organisation.approvals.socialMediaAccounts?.notify ?? [])];
}

/** The Japan date `days` after `day` (YYYY-MM-DD); negative goes back. */
export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
