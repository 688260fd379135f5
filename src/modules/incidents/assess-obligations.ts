import { createHash } from "node:crypto";
import type {
	IncidentReporting,
	ReportingCondition,
	ReportingObligation,
} from "../policies/pack/incident-reporting.schema.ts";
import type { LocalizedLabel } from "../policies/pack/pack.primitives.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import type { CaseFacts } from "./assessment.schema.ts";
import { addDays, ClosedDays, HOLIDAY_DATA_STAMP } from "./closed-days.ts";

/**
 * The version of how cases' due dates are derived and kept (`report-dues.ts`): raise it when that
 * changes, and every tenant's kept dates are computed again on their next read.
 */
const DUES_DERIVATION = 1;

/** Why an obligation is or is not required: a stable code, its values and the clause it rests on. */
export interface AssessmentReason {
	code:
		| "always"
		| "data_kind"
		| "people_more_than"
		| "fact"
		| "exempt"
		| "no_criterion_met"
		| "data_not_concerned"
		| "provision_not_in_force";
	params: Record<string, string | number>;
	clause?: LocalizedLabel;
}

export interface AssessedDeadline {
	label: LocalizedLabel;
	/** The day it falls on, moved past closed days: YYYY-MM-DD. */
	due: string;
	/** Day N counted from the day the organisation knew (day 1), before moving past closed days. */
	days: number;
	aim: boolean;
	clause?: LocalizedLabel;
}

export interface AssessedObligation {
	code: string;
	authority: LocalizedLabel;
	law: LocalizedLabel;
	clause: LocalizedLabel;
	required: boolean;
	reasons: AssessmentReason[];
	preliminary: AssessedDeadline | null;
	final: AssessedDeadline | null;
}

/**
 * The reporting rules a pack's tenant works under, ready to assess many cases: the pack's own, or
 * the standard pack's when it states none (the law is national; a city pack may sharpen it).
 *
 * @example
 * const rules = new ReportingRules(pack, standardPack);
 * rules.assess({ knownAt: "2027-04-28", people: 150, dataKinds: ["personal"], … });
 */
export class ReportingRules {
	readonly #reporting: IncidentReporting;
	readonly #calendar: ClosedDays;
	readonly #provisions: PolicyPack["provisions"];
	readonly #preliminaryDays: number | undefined;
	#stamp: string | undefined;

	/** `tenant.preliminaryDays`: the tenant's own aim for preliminary reports (a case's facts win). */
	constructor(
		pack: PolicyPack,
		fallback: PolicyPack,
		tenant: { preliminaryDays?: number | null } = {},
	) {
		const reporting = pack.incident.reporting ?? fallback.incident.reporting;
		if (!reporting) throw new Error(`neither ${pack.id} nor ${fallback.id} states reporting rules`);
		this.#reporting = reporting;
		this.#provisions = pack.provisions;
		this.#calendar = new ClosedDays(reporting.closedDays);
		this.#preliminaryDays = tenant.preliminaryDays ?? undefined;
	}

	/** The rules as stated (the pack's or the standard pack's), for queries that pre-select cases. */
	get reporting(): IncidentReporting {
		return this.#reporting;
	}

	/**
	 * A digest of everything an assessment depends on besides the case: the rules, the provisions
	 * in force, the tenant's preliminary days, the holiday data. Due dates kept in the database
	 * carry the stamp they were computed under; a different stamp means they must be computed
	 * again (a new pack version, a changed tenant setting, an updated holiday library).
	 */
	get stamp(): string {
		this.#stamp ??= createHash("sha256")
			.update(
				JSON.stringify([
					DUES_DERIVATION,
					HOLIDAY_DATA_STAMP,
					this.#preliminaryDays ?? null,
					Object.entries(this.#provisions).map(([name, provision]) => [name, provision.inForce]),
					this.#reporting,
				]),
			)
			.digest("hex");
		return this.#stamp;
	}

	/** Whether the pack's provision is in force (an obligation may depend on one). */
	inForce(provision: keyof PolicyPack["provisions"]): boolean {
		return this.#provisions[provision].inForce;
	}

	/** Every obligation of the rules, required or not, with why and (when required) by when. */
	assess(facts: CaseFacts): AssessedObligation[] {
		return this.#reporting.obligations.map((obligation) => this.#assessOne(obligation, facts));
	}

	#assessOne(obligation: ReportingObligation, facts: CaseFacts): AssessedObligation {
		const base = {
			code: obligation.code,
			authority: obligation.authority,
			law: obligation.law,
			clause: obligation.clause,
		};
		const notRequired = (reasons: AssessmentReason[]): AssessedObligation => ({
			...base,
			required: false,
			reasons,
			preliminary: null,
			final: null,
		});
		const provision = obligation.requiresProvision;
		if (provision && !this.#provisions[provision].inForce) {
			return notRequired([{ code: "provision_not_in_force", params: { provision } }]);
		}
		if (
			obligation.concerns &&
			!obligation.concerns.some((kind) => facts.dataKinds.includes(kind))
		) {
			return notRequired([
				{ code: "data_not_concerned", params: { kinds: obligation.concerns.join(",") } },
			]);
		}
		const met = obligation.when.flatMap((condition) => reasonsIfHolds(condition, facts));
		if (met.length === 0) return notRequired([{ code: "no_criterion_met", params: {} }]);
		const exemptions = obligation.unless.filter((condition) => holds(condition, facts));
		if (exemptions.length > 0) {
			return notRequired(
				exemptions.map((condition) => ({
					code: "exempt",
					params: { facts: (condition.facts ?? []).join(",") },
					...(condition.clause ? { clause: condition.clause } : {}),
				})),
			);
		}
		return {
			...base,
			required: true,
			reasons: met,
			preliminary: obligation.preliminary
				? this.#deadline(
						obligation.preliminary,
						facts,
						facts.preliminaryDays ?? this.#preliminaryDays,
					)
				: null,
			final: obligation.final ? this.#deadline(obligation.final, facts) : null,
		};
	}

	#deadline(
		deadline: NonNullable<ReportingObligation["final"]>,
		facts: CaseFacts,
		tenantAim?: number,
	): AssessedDeadline {
		let days = deadline.aim && tenantAim !== undefined ? tenantAim : deadline.days;
		for (const longer of deadline.longer) {
			if (holds(longer.when, facts)) days = Math.max(days, longer.days);
		}
		return {
			label: deadline.label,
			due: this.#calendar.nextOpenDay(addDays(facts.knownAt, days - 1)),
			days,
			aim: deadline.aim,
			...(deadline.clause ? { clause: deadline.clause } : {}),
		};
	}
}

function holds(condition: ReportingCondition, facts: CaseFacts): boolean {
	if (condition.dataKinds && !condition.dataKinds.some((kind) => facts.dataKinds.includes(kind))) {
		return false;
	}
	if (condition.peopleMoreThan !== undefined && !(facts.people > condition.peopleMoreThan)) {
		return false;
	}
	if (condition.facts && !condition.facts.every((fact) => facts[fact] === true)) return false;
	return true;
}

/** The reasons a condition gives when it holds, one per test it made; none when it does not. */
function reasonsIfHolds(condition: ReportingCondition, facts: CaseFacts): AssessmentReason[] {
	if (!holds(condition, facts)) return [];
	const clause = condition.clause ? { clause: condition.clause } : {};
	const reasons: AssessmentReason[] = [];
	if (condition.always) reasons.push({ code: "always", params: {}, ...clause });
	if (condition.dataKinds) {
		const kinds = condition.dataKinds.filter((kind) => facts.dataKinds.includes(kind));
		reasons.push({ code: "data_kind", params: { kinds: kinds.join(",") }, ...clause });
	}
	if (condition.peopleMoreThan !== undefined) {
		reasons.push({
			code: "people_more_than",
			params: { limit: condition.peopleMoreThan, people: facts.people },
			...clause,
		});
	}
	for (const fact of condition.facts ?? [])
		reasons.push({ code: "fact", params: { fact }, ...clause });
	return reasons;
}
