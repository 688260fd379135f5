import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database } from "../../db/schema.ts";
import type {
	CaseFact,
	DataKind,
	ReportingCondition,
	ReportingObligation,
} from "../policies/pack/incident-reporting.schema.ts";
import type { ReportingRules } from "./assess-obligations.ts";

/**
 * The reporting rules of the pack written as SQL conditions on the `incidents` row, so that a
 * query over many cases hands only those that may owe a report with a deadline to
 * `ReportingRules.assess`, which stays the one authority on what is owed and by when. The
 * translation follows `assess-obligations.ts` and `caseFacts` (a case with no data kinds yet that
 * may involve personal data counts as personal data); `reportable-cases.test.ts` checks both
 * agree on generated cases.
 */

type Eb = ExpressionBuilder<Database, "incidents">;
type Condition = Expression<SqlBool>;

const FACT_COLUMNS = {
	wrongfulIntent: "incidents.wrongful_intent",
	financialDamageRisk: "incidents.financial_damage_risk",
	encrypted: "incidents.encrypted",
	publishedOnline: "incidents.published_online",
	networkSystem: "incidents.network_system",
} as const satisfies Record<CaseFact, string>;

/** The case involves data of this kind (data kinds are stored as a JSON array of codes). */
function involves(eb: Eb, kind: DataKind): Condition {
	const stored = eb("incidents.data_kinds", "like", `%"${kind}"%`);
	if (kind !== "personal") return stored;
	return eb.or([
		stored,
		eb.and([
			eb("incidents.data_kinds", "=", "[]"),
			eb("incidents.personal_data_suspected", "=", true),
		]),
	]);
}

/**
 * Every test of the condition holds (`always` alone: true). Numbers and flags come before the
 * data kinds: a test on the stored JSON costs more, and most cases are settled before it.
 */
function holds(eb: Eb, condition: ReportingCondition): Condition {
	const tests: Condition[] = [];
	for (const fact of condition.facts ?? []) tests.push(eb(FACT_COLUMNS[fact], "=", true));
	if (condition.peopleMoreThan !== undefined) {
		tests.push(eb("incidents.people", ">", condition.peopleMoreThan));
	}
	if (condition.dataKinds) tests.push(eb.or(condition.dataKinds.map((k) => involves(eb, k))));
	return eb.and(tests);
}

/** Conditions that test no data kind first (see `holds`). */
function cheapFirst(conditions: readonly ReportingCondition[]): ReportingCondition[] {
	return [...conditions].sort(
		(a, b) => Number(Boolean(a.dataKinds)) - Number(Boolean(b.dataKinds)),
	);
}

/** The obligation is required by the case's facts. */
export function requiredBy(eb: Eb, rules: ReportingRules, obligation: ReportingObligation) {
	if (obligation.requiresProvision && !rules.inForce(obligation.requiresProvision)) {
		return eb.or([]);
	}
	const tests: Condition[] = [];
	// A case with no data kind at all and no personal data suspected concerns none: a cheap test
	// that settles most cases before any test on the stored JSON.
	if (obligation.concerns) {
		tests.push(
			eb.or([
				eb("incidents.data_kinds", "!=", "[]"),
				eb("incidents.personal_data_suspected", "=", true),
			]),
		);
	}
	if (obligation.unless.length > 0) {
		tests.push(eb.not(eb.or(cheapFirst(obligation.unless).map((c) => holds(eb, c)))));
	}
	tests.push(eb.or(cheapFirst(obligation.when).map((c) => holds(eb, c))));
	if (obligation.concerns) tests.push(eb.or(obligation.concerns.map((k) => involves(eb, k))));
	return eb.and(tests);
}

/** The stages of an obligation that have a due date. */
export function dueStages(obligation: ReportingObligation): ("preliminary" | "final")[] {
	return (["preliminary", "final"] as const).filter((stage) => obligation[stage] !== undefined);
}

/** The obligations of the rules that have a due date for at least one stage. */
function withDeadlines(rules: ReportingRules): ReportingObligation[] {
	return rules.reporting.obligations.filter((obligation) => dueStages(obligation).length > 0);
}

/**
 * Cases that may owe a report with a due date: not rejected, and some obligation with a deadline
 * is required by their facts.
 *
 * @example
 * db.selectFrom("incidents").where((eb) => owesDatedReport(eb, desk.rules))
 */
export function owesDatedReport(eb: Eb, rules: ReportingRules): Condition {
	return eb.and([
		eb("incidents.state", "!=", "rejected"),
		eb.or(withDeadlines(rules).map((obligation) => requiredBy(eb, rules, obligation))),
	]);
}

/** Each dated stage of each obligation that the rules could require (its provision in force). */
export function datedStages(rules: ReportingRules) {
	return withDeadlines(rules)
		.filter((o) => !o.requiresProvision || rules.inForce(o.requiresProvision))
		.flatMap((obligation) => dueStages(obligation).map((stage) => ({ obligation, stage })));
}

/**
 * Cases that may owe this stage of this obligation and have not filed it: not rejected, the
 * obligation required by their facts, no filing of the stage. One such condition per stage, each
 * a plain anti-join: PostgreSQL plans an OR of them over subplans (and compiles it, at costs that
 * switch its JIT on), so callers take the union of the stages' queries instead.
 */
export function owesUnfiledStage(
	eb: Eb,
	rules: ReportingRules,
	obligation: ReportingObligation,
	stage: "preliminary" | "final",
): Condition {
	return eb.and([
		eb("incidents.state", "!=", "rejected"),
		requiredBy(eb, rules, obligation),
		eb.not(
			eb.exists(
				eb
					.selectFrom("incident_filings")
					.select("incident_filings.id")
					.whereRef("incident_filings.incident_id", "=", "incidents.id")
					.where("incident_filings.obligation_code", "=", obligation.code)
					.where("incident_filings.stage", "=", stage),
			),
		),
	]);
}
