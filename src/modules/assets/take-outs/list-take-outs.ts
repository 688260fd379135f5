import type { z } from "@hono/zod-openapi";
import type { Queryable } from "../../../db/queryable.ts";
import { authorize } from "../../authz/policy.ts";
import type { AssetScope } from "../asset-scope.ts";
import { filterAssets, withUnit } from "../assets.repository.ts";
import { presentTakeOut } from "./present-take-out.ts";
import { handlingOf, japanToday, type TakeOutDesk, visibleUnits } from "./take-out-desk.ts";
import { takeOutsPolicy } from "./take-outs.policy.ts";
import { listTakeOuts } from "./take-outs.repository.ts";
import type { TakeOutQuery, TakeOutView, takeOutAssetSchema } from "./take-outs.schemas.ts";

/**
 * A page of the take-outs the caller may see (their own requests and those of the units they
 * oversee), with how many there are under the filter. `status=overdue` gives approved take-outs
 * past their `until` date (Japan time), not returned.
 */
export async function findTakeOuts(
	db: Queryable,
	desk: TakeOutDesk,
	query: TakeOutQuery,
	now: string = new Date().toISOString(),
): Promise<{ items: TakeOutView[]; total: number }> {
	const { actor } = desk.ledger;
	authorize(actor, takeOutsPolicy, "take_out.read");
	const today = japanToday(now);
	const { rows, total } = await listTakeOuts(
		db,
		actor.tenantId,
		{
			accountId: actor.accountId,
			units: visibleUnits(desk),
			decide: desk.decide,
			status: query.status === "overdue" ? undefined : query.status,
			overdueBefore: query.status === "overdue" ? today : undefined,
			mine: query.view === "mine",
			toDecide: query.view === "to_decide",
			assetId: query.assetId,
		},
		{ offset: query.offset, limit: query.limit },
	);
	return { items: rows.map((row) => presentTakeOut(desk, row, today)), total };
}

type TakeOutAsset = z.infer<typeof takeOutAssetSchema>;

/** The assets the caller may ask to take out: their own unit's and those they manage, at hand. */
export async function findTakeOutAssets(
	db: Queryable,
	desk: TakeOutDesk,
	q: string | undefined,
): Promise<TakeOutAsset[]> {
	const { actor, write } = desk.ledger;
	authorize(actor, takeOutsPolicy, "take_out.request");
	const own = desk.staffUnitId;
	const scope: AssetScope = write.all
		? write
		: { all: false, unitIds: new Set([...write.unitIds, ...(own ? [own] : [])]) };
	const rows = await withUnit(filterAssets(db.selectFrom("assets"), actor.tenantId, scope, { q }))
		.where("assets.lifecycle", "in", ["in_use", "stored"])
		.orderBy("assets.code")
		.limit(500)
		.execute();
	return rows.map((row) => {
		const handling = handlingOf(desk, row);
		return {
			id: row.id,
			code: row.code,
			name: row.name,
			kind: row.kind as TakeOutAsset["kind"],
			unitName: row.unit_name,
			zone: row.zone as TakeOutAsset["zone"],
			lifecycle: row.lifecycle as TakeOutAsset["lifecycle"],
			classKey: row.class_key,
			takeOut: handling?.takeOut ?? null,
			protectWhenCarried: handling?.protectWhenCarried ?? true,
		};
	});
}
