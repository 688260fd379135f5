import type { Queryable } from "../../db/queryable.ts";
import { Problem } from "../../shared/problem.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { severeLevel } from "./incident-desk.ts";
import { incidentFeedsPolicy } from "./incident-feeds.policy.ts";
import { ofTenant } from "./incident-stats.repository.ts";
import type { ReviewIncidentInput } from "./review-input.schemas.ts";

/** The most cases a review lists; the counts cover them all. */
export const REVIEW_CASES_SHOWN = 100;

/** Cases closed from `from` up to, not including, `to` (instants, UTC ISO strings). */
export interface ClosedPeriod {
	from: string;
	to: string;
}

function closedIn(db: Queryable, tenantId: string, period: ClosedPeriod) {
	return db
		.selectFrom("incidents")
		.where("tenant_id", "=", tenantId)
		.where("state", "=", "closed")
		.where("closed_at", ">=", period.from)
		.where("closed_at", "<", period.to);
}

/**
 * The incident input of a policy review (見直し): the cases closed in its period, with their
 * category, severity, units and 再発防止, and their count by category. For the people who read
 * reviews, whether or not they may open the cases themselves: a review is the committee's record.
 *
 * @example
 * const input = await closedCasesForReview(db, actor, { from: "2025-03-31T15:00:00.000Z", to });
 */
export async function closedCasesForReview(
	db: Queryable,
	actor: Actor,
	period: ClosedPeriod,
): Promise<ReviewIncidentInput> {
	authorize(actor, incidentFeedsPolicy, "incident.review_input");
	const tenantId = actor.tenantId;
	const current = await currentTenantPack(db, tenantId);
	if (!current) throw new Problem("not_found", "this tenant has no policy pack yet");
	const { pack } = current;
	const [rows, counts, totals, units] = await Promise.all([
		closedIn(db, tenantId, period)
			.select(["id", "reference", "title", "category", "severity", "closed_at", "prevention"])
			.orderBy("severity", (ob) => ob.desc().nullsLast())
			.orderBy("closed_at", "desc")
			.orderBy("id")
			.limit(REVIEW_CASES_SHOWN)
			.execute(),
		closedIn(db, tenantId, period)
			.select(["category", (eb) => eb.fn.countAll<number>().as("n")])
			.groupBy("category")
			.execute(),
		closedIn(db, tenantId, period)
			.select([
				(eb) => eb.fn.countAll<number>().as("closed"),
				(eb) => eb.fn.count<number>("prevention").as("prevention"),
			])
			.executeTakeFirstOrThrow(),
		listOrgUnits(db, tenantId),
	]);
	const unitRows =
		rows.length === 0
			? []
			: await db
					.selectFrom("incident_units")
					.select(["incident_id", "org_unit_id"])
					.where(ofTenant("tenant_id", tenantId))
					.where(
						"incident_id",
						"in",
						rows.map((row) => row.id),
					)
					.execute();
	const unitById = new Map(units.map((unit) => [unit.id, unit]));
	const threatLabel = (code: string | null) =>
		pack.threats.find((threat) => threat.code === code)?.label ?? null;
	return {
		period,
		closed: Number(totals.closed),
		withPrevention: Number(totals.prevention),
		byCategory: counts
			.map((row) => ({
				code: row.category,
				label: threatLabel(row.category),
				count: Number(row.n),
			}))
			.sort((a, b) => b.count - a.count || (a.code ?? "~").localeCompare(b.code ?? "~")),
		cases: rows.map((row) => ({
			id: row.id,
			reference: row.reference,
			title: row.title,
			category: row.category ? { code: row.category, label: threatLabel(row.category) } : null,
			severity:
				row.severity === null
					? null
					: {
							level: Number(row.severity),
							label: pack.riskMatrix.impact[Number(row.severity) - 1] ?? null,
							severe: Number(row.severity) >= severeLevel({ pack }),
						},
			units: unitRows
				.filter((link) => link.incident_id === row.id)
				.flatMap((link) => {
					const unit = unitById.get(link.org_unit_id);
					return unit ? [{ id: unit.id, code: unit.code, name: unit.name }] : [];
				})
				.sort((a, b) => a.code.localeCompare(b.code)),
			closedAt: row.closed_at ?? "",
			prevention: row.prevention,
		})),
	};
}
