import type { Queryable } from "../../../db/queryable.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { campaignRates } from "./campaign-rates.ts";
import { percent } from "./campaign-rules.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import { type CampaignRow, campaignsOfYears, campaignUnits } from "./campaigns.repository.ts";
import type { Rate } from "./campaigns.schemas.ts";
import type { CampaignReviewInput } from "./review-input.schemas.ts";

/** A campaign's rates over all its units. */
async function totalOf(db: Queryable, row: CampaignRow): Promise<Rate> {
	const units = await campaignUnits(db, row.tenant_id, row.id);
	const infos = units.map((unit) => ({
		unitId: unit.org_unit_id,
		unitName: unit.unit_name,
		departmentId: unit.department_id,
		departmentName: unit.department_id,
	}));
	return (await campaignRates(db, row, infos)).total;
}

/** A year's rates: the campaigns' slots and answers added up. */
function yearOf(totals: readonly Rate[]) {
	const sum = totals.reduce(
		(acc, r) => ({
			assigned: acc.assigned + r.assigned,
			answered: acc.answered + r.answered,
			yes: acc.yes + r.yes,
			no: acc.no + r.no,
		}),
		{ assigned: 0, answered: 0, yes: 0, no: 0 },
	);
	return {
		campaigns: totals.length,
		responseRate: percent(sum.answered, sum.assigned),
		complianceRate: percent(sum.yes, sum.yes + sum.no),
	};
}

const points = (a: number | null, b: number | null) =>
	a === null || b === null ? null : Math.round((a - b) * 10) / 10;

/**
 * A fiscal year's self-inspection campaigns (自己点検) as an input of the yearly review (見直し):
 * each campaign's response and compliance rate over all its units, the year's rates (answers
 * added up over its campaigns) against the year before's, in percentage points. The reviews
 * module calls this; it never reads the campaigns' tables.
 *
 * @example
 * const selfInspection = await campaignsForReview(db, actor, 2026);
 */
export async function campaignsForReview(
	db: Queryable,
	actor: Actor,
	fiscalYear: number,
): Promise<CampaignReviewInput> {
	authorize(actor, campaignsPolicy, "assurance_campaign.review_input");
	const rows = await campaignsOfYears(db, actor.tenantId, [fiscalYear - 1, fiscalYear]);
	const totals = await Promise.all(rows.map((row) => totalOf(db, row)));
	const ofYear = (year: number) =>
		rows.flatMap((row, index) => {
			const total = totals[index];
			return Number(row.fiscal_year) === year && total ? [{ row, total }] : [];
		});
	const current = yearOf(ofYear(fiscalYear).map((entry) => entry.total));
	const previous = yearOf(ofYear(fiscalYear - 1).map((entry) => entry.total));
	return {
		fiscalYear,
		campaigns: ofYear(fiscalYear).map(({ row, total }) => ({
			id: row.id,
			title: row.title,
			state: row.state as "open" | "closed",
			dueOn: row.due_on,
			responseRate: total.responseRate,
			complianceRate: total.complianceRate,
		})),
		current,
		previous,
		change: {
			responseRate: points(current.responseRate, previous.responseRate),
			complianceRate: points(current.complianceRate, previous.complianceRate),
		},
	};
}
