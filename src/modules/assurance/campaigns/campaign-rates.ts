import { sql } from "kysely";
import type { Queryable } from "../../../db/queryable.ts";
import type { Answerer } from "../checklists/checklist-model.ts";
import { percent } from "./campaign-rules.ts";
import type { CampaignRow } from "./campaigns.repository.ts";
import type { CampaignRates, Rate } from "./campaigns.schemas.ts";

/**
 * Response and compliance rates of a campaign, live, counted by the database: answers are
 * grouped by (unit, clause) with one GROUP BY over the covering index of migration 0030, and
 * the per-unit, per-clause and per-department figures add up those aggregate rows; the slots assigned come from the respondents (per unit) and from the items
 * per clause and answerer kind times the respondents of each kind, so no answer row is read
 * in JavaScript. Only submitted answers count. `unitIds` narrows to a 管理者's units.
 */

interface Counts {
	answered: number;
	yes: number;
	no: number;
}
const ZERO: Counts = { answered: 0, yes: 0, no: 0 };

function rate(assigned: number, counts: Counts): Rate {
	return {
		assigned,
		answered: counts.answered,
		yes: counts.yes,
		no: counts.no,
		responseRate: percent(counts.answered, assigned),
		complianceRate: percent(counts.yes, counts.yes + counts.no),
	};
}

function answerCounts(db: Queryable, campaignId: string, unitIds: readonly string[] | null) {
	let q = db
		.selectFrom("assurance_campaign_answers")
		.select((eb) => [
			eb.fn.countAll<number>().as("answered"),
			eb.fn.sum<number>("compliant").as("yes"),
			eb.fn.count<number>("compliant").as("judged"),
		])
		.where("campaign_id", "=", campaignId)
		.where("submitted", "=", 1);
	if (unitIds) q = q.where("org_unit_id", "in", unitIds.length > 0 ? unitIds : ["-"]);
	return q;
}

function countsOf(row: { answered: unknown; yes: unknown; judged: unknown }): Counts {
	const yes = Number(row.yes ?? 0);
	return { answered: Number(row.answered), yes, no: Number(row.judged) - yes };
}

export interface UnitInfo {
	unitId: string;
	unitName: string;
	departmentId: string;
	departmentName: string;
}

export async function campaignRates(
	db: Queryable,
	campaign: CampaignRow,
	units: readonly UnitInfo[],
): Promise<
	Omit<CampaignRates, "units"> & {
		units: (Rate & { unitId: string; respondents: number; submitted: number })[];
	}
> {
	const unitIds = units.map((u) => u.unitId);
	const clauseExpr = sql<string>`coalesce(policy_clause, standards_chapter, '-')`;
	// One GROUP BY over the answers, by (unit, clause); the unit and clause totals add up its
	// rows (units × clauses, a few thousand at most), never the answers themselves.
	const [byCell, respondents, itemsByClause] = await Promise.all([
		answerCounts(db, campaign.id, unitIds)
			.select(["org_unit_id", "clause"])
			.groupBy(["org_unit_id", "clause"])
			.execute(),
		db
			.selectFrom("assurance_campaign_respondents")
			.select((eb) => [
				"org_unit_id",
				eb.fn.countAll<number>().as("people"),
				eb.fn.sum<number>("assigned_items").as("assigned"),
				eb.fn.count<number>("submitted_at").as("submitted"),
				eb.fn.sum<number>("as_staff").as("staff"),
				eb.fn.sum<number>("as_manager").as("managers"),
				eb.fn.sum<number>("as_system_admin").as("admins"),
			])
			.where("campaign_id", "=", campaign.id)
			.where("org_unit_id", "in", unitIds.length > 0 ? unitIds : ["-"])
			.groupBy("org_unit_id")
			.execute(),
		db
			.selectFrom("assurance_checklist_items")
			.select((eb) => [clauseExpr.as("clause"), "answerer", eb.fn.countAll<number>().as("n")])
			.where("version_id", "=", campaign.version_id)
			.groupBy([clauseExpr, "answerer"])
			.execute(),
	]);

	const people = new Map(respondents.map((r) => [r.org_unit_id, r]));
	const kindsOf = (unitId: string): Record<Answerer, number> => {
		const r = people.get(unitId);
		return {
			all_staff: Number(r?.staff ?? 0),
			manager: Number(r?.managers ?? 0),
			system_admin: Number(r?.admins ?? 0),
		};
	};
	const clauses = [...new Set(itemsByClause.map((row) => row.clause))].sort((a, b) =>
		a.localeCompare(b, "ja", { numeric: true }),
	);
	/** Slots of a clause in a unit: its items per answerer kind × the unit's people of that kind. */
	const slots = (clause: string, kinds: Record<Answerer, number>) =>
		itemsByClause
			.filter((row) => row.clause === clause)
			.reduce((sum, row) => sum + Number(row.n) * (kinds[row.answerer as Answerer] ?? 0), 0);

	const unitCounts = new Map<string, Counts>();
	const clauseCounts = new Map<string, Counts>();
	const add = (map: Map<string, Counts>, key: string, counts: Counts) => {
		const sum = map.get(key) ?? { answered: 0, yes: 0, no: 0 };
		sum.answered += counts.answered;
		sum.yes += counts.yes;
		sum.no += counts.no;
		map.set(key, sum);
	};
	for (const row of byCell) {
		const counts = countsOf(row);
		add(unitCounts, row.org_unit_id, counts);
		add(clauseCounts, row.clause, counts);
	}
	const unitRates = units.map((unit) => {
		const r = people.get(unit.unitId);
		return {
			unitId: unit.unitId,
			respondents: Number(r?.people ?? 0),
			submitted: Number(r?.submitted ?? 0),
			...rate(Number(r?.assigned ?? 0), unitCounts.get(unit.unitId) ?? ZERO),
		};
	});

	const allKinds = { all_staff: 0, manager: 0, system_admin: 0 };
	for (const unit of units) {
		const kinds = kindsOf(unit.unitId);
		allKinds.all_staff += kinds.all_staff;
		allKinds.manager += kinds.manager;
		allKinds.system_admin += kinds.system_admin;
	}
	const clauseRates = clauses.map((clause) => ({
		clause,
		...rate(slots(clause, allKinds), clauseCounts.get(clause) ?? ZERO),
	}));

	const cellCounts = new Map(
		byCell.map((row) => [`${row.org_unit_id}|${row.clause}`, countsOf(row)]),
	);
	const heat = units.flatMap((unit) => {
		const kinds = kindsOf(unit.unitId);
		return clauses.map((clause) => {
			const r = rate(slots(clause, kinds), cellCounts.get(`${unit.unitId}|${clause}`) ?? ZERO);
			return {
				unitId: unit.unitId,
				clause,
				responseRate: r.responseRate,
				complianceRate: r.complianceRate,
			};
		});
	});

	// Departments add up their units' database counts (a few hundred rows at most).
	const departments = new Map<string, { name: string; assigned: number; counts: Counts }>();
	for (const [index, unit] of units.entries()) {
		const unitRate = unitRates[index];
		if (!unitRate) continue;
		const entry = departments.get(unit.departmentId) ?? {
			name: unit.departmentName,
			assigned: 0,
			counts: { answered: 0, yes: 0, no: 0 },
		};
		entry.assigned += unitRate.assigned;
		entry.counts.answered += unitRate.answered;
		entry.counts.yes += unitRate.yes;
		entry.counts.no += unitRate.no;
		departments.set(unit.departmentId, entry);
	}
	const total = unitRates.reduce(
		(sum, r) => ({
			assigned: sum.assigned + r.assigned,
			counts: {
				answered: sum.counts.answered + r.answered,
				yes: sum.counts.yes + r.yes,
				no: sum.counts.no + r.no,
			},
		}),
		{ assigned: 0, counts: { ...ZERO } },
	);
	return {
		total: rate(total.assigned, total.counts),
		units: unitRates,
		departments: [...departments.entries()].map(([departmentId, d]) => ({
			departmentId,
			departmentName: d.name,
			...rate(d.assigned, d.counts),
		})),
		clauses: clauseRates,
		heat,
	};
}
