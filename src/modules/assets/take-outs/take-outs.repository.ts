import type { SelectQueryBuilder } from "kysely";
import type { Queryable } from "../../../db/queryable.ts";
import type { AssetTakeOutTable, Database } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import type { AssetScope } from "../asset-scope.ts";

/** A take-out with what lists show of its asset. */
export interface TakeOutRow extends AssetTakeOutTable {
	asset_code: string;
	asset_name: string;
	asset_zone: string;
	owner_unit_id: string;
	unit_name: string;
}

/** Take-outs of one tenant joined to their assets and units, selecting nothing yet. */
function joined(db: Queryable, tenantId: string) {
	return db
		.selectFrom("asset_take_outs")
		.innerJoin("assets", "assets.id", "asset_take_outs.asset_id")
		.innerJoin("org_units", "org_units.id", "assets.owner_unit_id")
		.where("asset_take_outs.tenant_id", "=", tenantId);
}

function withAsset(db: Queryable, tenantId: string) {
	return joined(db, tenantId)
		.selectAll("asset_take_outs")
		.select([
			"assets.code as asset_code",
			"assets.name as asset_name",
			"assets.zone as asset_zone",
			"assets.owner_unit_id as owner_unit_id",
			"org_units.name as unit_name",
		]);
}

export function findTakeOut(
	db: Queryable,
	tenantId: string,
	id: string,
): Promise<TakeOutRow | undefined> {
	return withAsset(db, tenantId).where("asset_take_outs.id", "=", id).executeTakeFirst();
}

/** A request still waiting or an asset still out: an asset has at most one at a time. */
export function findOpenTakeOut(db: Queryable, tenantId: string, assetId: string) {
	return db
		.selectFrom("asset_take_outs")
		.select(["id", "status"])
		.where("tenant_id", "=", tenantId)
		.where("asset_id", "=", assetId)
		.where("status", "in", ["requested", "approved"])
		.executeTakeFirst();
}

export interface TakeOutFilter {
	accountId: string;
	/** Units whose take-outs the caller sees beyond their own requests. */
	units: AssetScope;
	/** Units whose requests the caller decides. */
	decide: AssetScope;
	status?: string | undefined;
	overdueBefore?: string | undefined;
	mine?: boolean;
	toDecide?: boolean;
	assetId?: string | undefined;
}

function unitCondition(scope: AssetScope) {
	return scope.all ? null : [...scope.unitIds];
}

/** Narrow a take-out query (rows or a count) to what the caller may see under the filter. */
type Joined<O> = SelectQueryBuilder<Database, "asset_take_outs" | "assets" | "org_units", O>;

function filterTakeOuts<O>(q: Joined<O>, f: TakeOutFilter): Joined<O> {
	let out = q;
	const units = unitCondition(f.units);
	if (units !== null) {
		out = out.where((eb) =>
			eb.or([
				eb("asset_take_outs.requested_by", "=", f.accountId),
				...(units.length > 0 ? [eb("assets.owner_unit_id", "in", units)] : []),
			]),
		);
	}
	if (f.mine) out = out.where("asset_take_outs.requested_by", "=", f.accountId);
	if (f.toDecide) {
		const decide = unitCondition(f.decide);
		out = out
			.where("asset_take_outs.status", "=", "requested")
			.where("asset_take_outs.requested_by", "!=", f.accountId);
		if (decide !== null) {
			out =
				decide.length > 0
					? out.where("assets.owner_unit_id", "in", decide)
					: out.where("asset_take_outs.id", "=", "");
		}
	}
	if (f.status) out = out.where("asset_take_outs.status", "=", f.status);
	if (f.overdueBefore) {
		out = out
			.where("asset_take_outs.status", "=", "approved")
			.where("asset_take_outs.until_date", "<", f.overdueBefore);
	}
	if (f.assetId) out = out.where("asset_take_outs.asset_id", "=", f.assetId);
	return out;
}

/**
 * A page of the take-outs the caller may see under the filter, newest request first, with the
 * number of them in all.
 */
export async function listTakeOuts(
	db: Queryable,
	tenantId: string,
	f: TakeOutFilter,
	page: { offset: number; limit: number },
): Promise<{ rows: TakeOutRow[]; total: number }> {
	const [rows, counted] = await Promise.all([
		filterTakeOuts(withAsset(db, tenantId), f)
			.orderBy("asset_take_outs.requested_at", "desc")
			.orderBy("asset_take_outs.id")
			.offset(page.offset)
			.limit(page.limit)
			.execute(),
		filterTakeOuts(joined(db, tenantId), f)
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(counted.n) };
}

export async function insertTakeOut(tx: Tx, row: AssetTakeOutTable): Promise<void> {
	await tx.insertInto("asset_take_outs").values(row).execute();
}

/** Move a take-out on from `from`; false when someone else moved it first. */
export async function updateTakeOut(
	tx: Tx,
	tenantId: string,
	id: string,
	from: string,
	patch: Partial<AssetTakeOutTable>,
): Promise<boolean> {
	const result = await tx
		.updateTable("asset_take_outs")
		.set(patch)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("status", "=", from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Take-outs requested from `from` up to, not including, `to` (UTC instants), counted by status. */
export function countTakeOutsByStatus(
	db: Queryable,
	tenantId: string,
	scope: AssetScope,
	range: { from: string; to: string },
) {
	let q = joined(db, tenantId)
		.where("asset_take_outs.requested_at", ">=", range.from)
		.where("asset_take_outs.requested_at", "<", range.to);
	const units = unitCondition(scope);
	if (units !== null) {
		q =
			units.length > 0
				? q.where("assets.owner_unit_id", "in", units)
				: q.where("assets.id", "=", "");
	}
	return q
		.select(["asset_take_outs.status", (eb) => eb.fn.countAll<number>().as("n")])
		.groupBy("asset_take_outs.status")
		.execute();
}

/** Approved take-outs of a tenant whose return date lies before `today`, oldest first. */
export function overdueTakeOuts(db: Queryable, tenantId: string, today: string) {
	return db
		.selectFrom("asset_take_outs")
		.select(["id", "asset_id", "until_date"])
		.where("tenant_id", "=", tenantId)
		.where("status", "=", "approved")
		.where("until_date", "<", today)
		.orderBy("until_date")
		.orderBy("id")
		.execute();
}
