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

/** Every test of the condition holds (`always` alone: true). */
function holds(eb: Eb, condition: ReportingCondition): Condition {
	const tests: Condition[] = [];
	if (condition.dataKinds) tests.push(eb.or(condition.dataKinds.map((k) => involves(eb, k))));
	if (condition.peopleMoreThan !== undefined) {
		tests.push(eb("incidents.people", ">", condition.peopleMoreThan));
	}
	for (const fact of condition.facts ?? []) tests.push(eb(FACT_COLUMNS[fact], "=", true));
	return eb.and(tests);
}

/** The obligation is required by the case's facts. */
export function requiredBy(eb: Eb, rules: ReportingRules, obligation: ReportingObligation) {
	if (obligation.requiresProvision && !rules.inForce(obligation.requiresProvision)) {
		return eb.or([]);
	}
	const tests: Condition[] = [eb.or(obligation.when.map((c) => holds(eb, c)))];
	if (obligation.concerns) tests.push(eb.or(obligation.concerns.map((k) => involves(eb, k))));
	if (obligation.unless.length > 0) {
		tests.push(eb.not(eb.or(obligation.unless.map((c) => holds(eb, c)))));
	}
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

/**
 * Cases that may owe a report not yet filed: as {@link owesDatedReport}, and a stage of a
 * required obligation has no filing. A case whose reports are all filed is never read again.
 */
export function owesUnfiledReport(eb: Eb, rules: ReportingRules): Condition {
	const unfiled = (code: string, stage: string) =>
		eb.not(
			eb.exists(
				eb
					.selectFrom("incident_filings")
					.select("incident_filings.id")
					.whereRef("incident_filings.incident_id", "=", "incidents.id")
					.where("incident_filings.obligation_code", "=", code)
					.where("incident_filings.stage", "=", stage),
			),
		);
	return eb.and([
		eb("incidents.state", "!=", "rejected"),
		eb.or(
			withDeadlines(rules).map((obligation) =>
				eb.and([
					requiredBy(eb, rules, obligation),
					eb.or(dueStages(obligation).map((stage) => unfiled(obligation.code, stage))),
				]),
			),
		),
	]);
}
