import type { IssueCode } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import type { DataKind } from "../policies/pack/incident-reporting.schema.ts";
import type { CaseFacts } from "./assessment.schema.ts";
import type { IncidentRow } from "./incidents.repository.ts";
import {
	type IncidentAction,
	type IncidentState,
	PRIORITIES,
	type Priority,
} from "./incidents.schemas.ts";

/** Where each CSIRT action may be taken from, and where it leads. */
export const TRANSITIONS: Record<
	IncidentAction,
	{ from: readonly IncidentState[]; to: IncidentState }
> = {
	contain: { from: ["triaged"], to: "contained" },
	recover: { from: ["triaged", "contained"], to: "recovered" },
	close: { from: ["triaged", "contained", "recovered"], to: "closed" },
	reject: { from: ["reported", "triaged"], to: "rejected" },
};

/** States in which a case is still worked on (and may be triaged again). */
export const OPEN_STATES: readonly IncidentState[] = [
	"reported",
	"triaged",
	"contained",
	"recovered",
];

export function isOpen(state: string): boolean {
	return (OPEN_STATES as readonly string[]).includes(state);
}

/** The actions that may be taken on a case in this state. */
export function actionsFrom(state: string): IncidentAction[] {
	return (Object.keys(TRANSITIONS) as IncidentAction[]).filter((action) =>
		(TRANSITIONS[action].from as readonly string[]).includes(state),
	);
}

/** Priority as stored (1 low … 3 high) and as shown. */
export function priorityLevel(priority: Priority): number {
	return PRIORITIES.indexOf(priority) + 1;
}
export function priorityOf(level: number | null): Priority | null {
	return level === null ? null : (PRIORITIES[Number(level) - 1] ?? null);
}

/** The data kinds stored on a case. */
export function dataKindsOf(row: Pick<IncidentRow, "data_kinds">): DataKind[] {
	return JSON.parse(row.data_kinds) as DataKind[];
}

/** The columns of a case that its facts are read from. */
export const FACT_COLUMNS = [
	"known_on",
	"people",
	"data_kinds",
	"personal_data_suspected",
	"wrongful_intent",
	"financial_damage_risk",
	"encrypted",
	"published_online",
	"network_system",
] as const satisfies readonly (keyof IncidentRow)[];
export type FactColumn = (typeof FACT_COLUMNS)[number];

/**
 * The facts the legal reporting rules are assessed on. Before triage a report only says whether
 * personal data may be involved: then the case counts as concerning personal data, of no one yet.
 */
export function caseFacts(row: Pick<IncidentRow, FactColumn>): CaseFacts {
	const kinds = dataKindsOf(row);
	return {
		knownAt: row.known_on,
		people: Number(row.people),
		dataKinds: kinds.length === 0 && row.personal_data_suspected ? ["personal"] : kinds,
		wrongfulIntent: Boolean(row.wrongful_intent),
		financialDamageRisk: Boolean(row.financial_damage_risk),
		encrypted: Boolean(row.encrypted),
		publishedOnline: Boolean(row.published_online),
		networkSystem: Boolean(row.network_system),
	};
}

/**
 * Refuse bad input with one issue per field: a stable `code` and its `params` for the catalogue
 * text, and developer-facing English.
 *
 * @example
 * throw invalid([{ path: "prevention", code: "prevention_required", params: {}, message: "…" }]);
 */
export function invalid(
	issues: {
		path: string;
		code: IssueCode;
		params?: Record<string, string | number>;
		message: string;
	}[],
): Problem {
	return new Problem(
		"validation_failed",
		issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "),
		{ issues: issues.map((issue) => ({ ...issue, params: issue.params ?? {} })) },
	);
}

/** The case was changed by someone else since the caller read it. */
export function staleVersion(): Problem {
	return new Problem("conflict", "the case was changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload the case" }],
	});
}
