import { refusal } from "../../../shared/issues.ts";

export const VERSION_STATUSES = [
	"draft",
	"in_review",
	"approved",
	"published",
	"superseded",
] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const TRANSITIONS = ["submit", "return", "approve", "publish", "supersede"] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** The one path a version takes; `return` sends a version in review back to its author. */
const MOVES: Record<Transition, { from: VersionStatus; to: VersionStatus }> = {
	submit: { from: "draft", to: "in_review" },
	return: { from: "in_review", to: "draft" },
	approve: { from: "in_review", to: "approved" },
	publish: { from: "approved", to: "published" },
	supersede: { from: "published", to: "superseded" },
};

/**
 * The status a transition leads to, or a `conflict` problem when the version is not where the
 * transition starts: no step can be skipped (a draft cannot be approved or published).
 *
 * @example
 * nextStatus("draft", "submit"); // "in_review"
 */
export function nextStatus(current: string, transition: Transition): VersionStatus {
	const move = MOVES[transition];
	if (current !== move.from) {
		throw refusal(
			"conflict",
			"version_status_wrong",
			`cannot ${transition} a version that is ${current}; it must be ${move.from}`,
			{ documentStatus: current },
		);
	}
	return move.to;
}

/** The transitions a version in this status offers, for `allowedActions`. */
export function transitionsFrom(status: string): Transition[] {
	return TRANSITIONS.filter((t) => MOVES[t].from === status && t !== "supersede");
}
