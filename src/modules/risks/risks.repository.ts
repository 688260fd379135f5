import type { SelectQueryBuilder } from "kysely";
import { containsText } from "../../db/like.ts";
import type { Queryable } from "../../db/queryable.ts";
import type { Database, RiskTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import type { AssetScope } from "../assets/asset-scope.ts";
import { bandScores, type MatrixSize } from "./matrix.ts";
import type { RiskFilter, RiskQuery } from "./risks.schemas.ts";

/** A risk row with its owner unit and the treatment owner's name. */
export interface RiskRow extends RiskTable {
	unit_code: string;
	unit_name: string;
	owner_name: string | null;
}

/** A linked asset as the register shows it. */
export interface LinkedAsset {
	risk_id: string;
	id: string;
	code: string;
	name: string;
	kind: string;
	owner_unit_id: string;
}

type RiskQueryBuilder<O> = SelectQueryBuilder<Database, "risks" | "org_units" | "accounts", O>;

function joined(db: Queryable) {
	return db
		.selectFrom("risks")
		.innerJoin("org_units", "org_units.id", "risks.owner_unit_id")
		.leftJoin("accounts", "accounts.id", "risks.treatment_owner_id");
}

function withNames(db: Queryable) {
	return joined(db)
		.selectAll("risks")
		.select([
			"org_units.code as unit_code",
			"org_units.name as unit_name",
			"accounts.display_name as owner_name",
		]);
}

export function findRisk(
	db: Queryable,
	tenantId: string,
	id: string,
): Promise<RiskRow | undefined> {
	return withNames(db)
		.where("risks.tenant_id", "=", tenantId)
		.where("risks.id", "=", id)
		.executeTakeFirst();
}

/** Where the filter and the caller's scope narrow the register; `today` is a Japan date. */
export interface FilterContext {
	tenantId: string;
	scope: AssetScope;
	size: MatrixSize;
	today: string;
}

/** Narrow a query on `risks` to the tenant, the caller's scope and the filter. */
export function filterRisks<O>(
	query: RiskQueryBuilder<O>,
	context: FilterContext,
	filter: Omit<RiskFilter, "likelihood" | "impact"> & Partial<RiskFilter>,
): RiskQueryBuilder<O> {
	let q = query.where("risks.tenant_id", "=", context.tenantId);
	const { scope } = context;
	if (!scope.all) {
		const ids = [...scope.unitIds];
		// No units: an impossible condition keeps the query valid on both engines.
		q = ids.length > 0 ? q.where("risks.owner_unit_id", "in", ids) : q.where("risks.id", "=", "");
	}
	if (filter.status === "active") q = q.where("risks.status", "!=", "closed");
	else if (filter.status) q = q.where("risks.status", "=", filter.status);
	if (filter.treatment === "none") q = q.where("risks.treatment", "is", null);
	else if (filter.treatment) q = q.where("risks.treatment", "=", filter.treatment);
	if (filter.threat) q = q.where("risks.threat_code", "=", filter.threat);
	if (filter.unitId) q = q.where("risks.owner_unit_id", "=", filter.unitId);
	if (filter.assetId) {
		const assetId = filter.assetId;
		q = q.where("risks.id", "in", (eb) =>
			eb
				.selectFrom("risk_assets")
				.select("risk_assets.risk_id")
				.where("risk_assets.tenant_id", "=", context.tenantId)
				.where("risk_assets.asset_id", "=", assetId),
		);
	}
	if (filter.overdue === "true") {
		q = q
			.where("risks.status", "!=", "closed")
			.where("risks.treatment_due", "is not", null)
			.where("risks.treatment_due", "<", context.today);
	} else if (filter.overdue === "false") {
		q = q.where((eb) =>
			eb.or([
				eb("risks.status", "=", "closed"),
				eb("risks.treatment_due", "is", null),
				eb("risks.treatment_due", ">=", context.today),
			]),
		);
	}
	const basis = filter.basis === "inherent" ? "inherent" : "residual";
	if (filter.band) {
		const { min, max } = bandScores(filter.band, context.size);
		// The top band also takes scores a later, smaller matrix no longer reaches.
		q = q.where(`risks.${basis}_score`, ">=", min);
		if (filter.band !== "high") q = q.where(`risks.${basis}_score`, "<=", max);
	}
	if (filter.likelihood) q = q.where(`risks.${basis}_likelihood`, "=", filter.likelihood);
	if (filter.impact) q = q.where(`risks.${basis}_impact`, "=", filter.impact);
	const text = filter.q;
	if (text) {
		q = q.where((eb) =>
			eb.or([
				containsText("risks.title", text),
				containsText("risks.description", text),
				containsText("risks.system_name", text),
			]),
		);
	}
	return q;
}

/** A page of the register (or all of it up to `limit`), sorted, with the total under the filter. */
export async function listRisks(
	db: Queryable,
	context: FilterContext,
	query: RiskFilter & Pick<RiskQuery, "sort" | "order" | "offset" | "limit">,
): Promise<{ rows: RiskRow[]; total: number }> {
	const rows = await filterRisks(withNames(db), context, query)
		.orderBy(`risks.${query.sort}`, query.order)
		.orderBy("risks.updated_at", "desc")
		.orderBy("risks.id")
		.offset(query.offset)
		.limit(query.limit)
		.execute();
	const counted = await filterRisks(
		joined(db).select((eb) => eb.fn.countAll<number>().as("n")),
		context,
		query,
	).executeTakeFirstOrThrow();
	return { rows, total: Number(counted.n) };
}

/** Counts per likelihood × impact on one basis, under the filter. */
export async function countCells(
	db: Queryable,
	context: FilterContext,
	filter: RiskFilter,
): Promise<{ likelihood: number; impact: number; n: number }[]> {
	const basis = filter.basis;
	const rows = await filterRisks(
		joined(db).select((eb) => [
			`risks.${basis}_likelihood as likelihood`,
			`risks.${basis}_impact as impact`,
			eb.fn.countAll<number>().as("n"),
		]),
		context,
		filter,
	)
		.groupBy([`risks.${basis}_likelihood`, `risks.${basis}_impact`])
		.execute();
	return rows.map((row) => ({
		likelihood: Number(row.likelihood),
		impact: Number(row.impact),
		n: Number(row.n),
	}));
}

/** The assets linked to these risks, in code order. */
export async function linkedAssets(
	db: Queryable,
	tenantId: string,
	riskIds: readonly string[],
): Promise<LinkedAsset[]> {
	if (riskIds.length === 0) return [];
	return db
		.selectFrom("risk_assets")
		.innerJoin("assets", "assets.id", "risk_assets.asset_id")
		.select([
			"risk_assets.risk_id",
			"assets.id",
			"assets.code",
			"assets.name",
			"assets.kind",
			"assets.owner_unit_id",
		])
		.where("risk_assets.tenant_id", "=", tenantId)
		.where("risk_assets.risk_id", "in", [...riskIds])
		.orderBy("assets.code")
		.execute();
}

export async function insertRisk(tx: Tx, row: RiskTable): Promise<void> {
	await tx.insertInto("risks").values(row).execute();
}

/** Replace a risk's asset links with exactly `assetIds`. */
export async function replaceRiskAssets(
	tx: Tx,
	tenantId: string,
	riskId: string,
	assetIds: readonly string[],
): Promise<void> {
	await tx
		.deleteFrom("risk_assets")
		.where("tenant_id", "=", tenantId)
		.where("risk_id", "=", riskId)
		.execute();
	if (assetIds.length === 0) return;
	await tx
		.insertInto("risk_assets")
		.values(
			assetIds.map((assetId) => ({ tenant_id: tenantId, risk_id: riskId, asset_id: assetId })),
		)
		.execute();
}

/** Apply a change if the row is still at `version`; false when someone changed it first. */
export async function updateRiskRow(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<RiskTable>,
): Promise<boolean> {
	const result = await tx
		.updateTable("risks")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Active accounts of the tenant, for choosing a treatment owner. */
export function listAccountNames(db: Queryable, tenantId: string) {
	return db
		.selectFrom("accounts")
		.select(["id", "display_name"])
		.where("tenant_id", "=", tenantId)
		.where("disabled_at", "is", null)
		.orderBy("display_name")
		.orderBy("id")
		.limit(2000)
		.execute();
}
