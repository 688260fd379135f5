import type { Queryable } from "../../db/queryable.ts";
import { fiscalYearInstants } from "../../shared/dates.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { assetScope } from "./asset-scope.ts";
import { assetsPolicy } from "./assets.policy.ts";
import { DISPOSAL_METHODS } from "./disposals/disposal-rules.ts";
import { countDisposals } from "./disposals/disposals.repository.ts";
import { DISPOSAL_STATUSES } from "./disposals/disposals.schemas.ts";
import { countTakeOutsByStatus } from "./take-outs/take-outs.repository.ts";
import { TAKE_OUT_STATUSES } from "./take-outs/take-outs.schemas.ts";

type Counts<K extends string> = Record<K, number>;

/** A fiscal year's take-outs (持ち出し) and disposals (廃棄・返却) counted. */
export interface CustodyCounts {
	fiscalYear: number;
	/** Requested in the year, by their status now. */
	takeOuts: { total: number; byStatus: Counts<(typeof TAKE_OUT_STATUSES)[number]> };
	/** Performed in the year, by method and by status. */
	disposals: {
		total: number;
		byMethod: Counts<(typeof DISPOSAL_METHODS)[number]>;
		byStatus: Counts<(typeof DISPOSAL_STATUSES)[number]>;
	};
}

const zeros = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((key) => [key, 0])) as Counts<K>;

const has = <K extends string>(keys: readonly K[], value: string): value is K =>
	(keys as readonly string[]).includes(value);

/**
 * How many take-outs were requested and how many assets disposed of or returned in a fiscal year
 * (from 1 April in Japan), over the assets of the caller's units (every unit for the CISO and the
 * IT-policy section). The yearly status report calls this; it never reads the ledger's tables.
 *
 * @example
 * const counts = await custodyCountsOfYear(db, actor, 2026);
 */
export async function custodyCountsOfYear(
	db: Queryable,
	actor: Actor,
	fiscalYear: number,
): Promise<CustodyCounts> {
	authorize(actor, assetsPolicy, "asset.read");
	const scope = await assetScope(db, actor, "read");
	const [takeOutRows, disposalRows] = await Promise.all([
		countTakeOutsByStatus(db, actor.tenantId, scope, fiscalYearInstants(fiscalYear)),
		countDisposals(db, actor.tenantId, scope, {
			from: `${fiscalYear}-04-01`,
			to: `${fiscalYear + 1}-03-31`,
		}),
	]);
	const counts: CustodyCounts = {
		fiscalYear,
		takeOuts: { total: 0, byStatus: zeros(TAKE_OUT_STATUSES) },
		disposals: { total: 0, byMethod: zeros(DISPOSAL_METHODS), byStatus: zeros(DISPOSAL_STATUSES) },
	};
	for (const row of takeOutRows) {
		const n = Number(row.n);
		counts.takeOuts.total += n;
		if (has(TAKE_OUT_STATUSES, row.status)) counts.takeOuts.byStatus[row.status] += n;
	}
	for (const row of disposalRows) {
		const n = Number(row.n);
		counts.disposals.total += n;
		if (has(DISPOSAL_METHODS, row.method)) counts.disposals.byMethod[row.method] += n;
		if (has(DISPOSAL_STATUSES, row.status)) counts.disposals.byStatus[row.status] += n;
	}
	return counts;
}
