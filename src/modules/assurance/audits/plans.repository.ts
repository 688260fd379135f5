import type { Queryable } from "../../../db/queryable.ts";
import type {
	AssuranceAuditPlanTable,
	AssuranceAuditYearlyPlanTable,
	AssuranceAuditYearlyPlanUnitTable,
} from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";

export type MultiYearPlanRow = AssuranceAuditPlanTable;
export type YearlyPlanRow = AssuranceAuditYearlyPlanTable;
export type PlannedUnitRow = AssuranceAuditYearlyPlanUnitTable;

export async function insertMultiYearPlan(tx: Tx, row: MultiYearPlanRow): Promise<void> {
	await tx.insertInto("assurance_audit_plans").values(row).execute();
}

export function findMultiYearPlan(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("assurance_audit_plans")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** The tenant's multi-year plans, latest span first. */
export function listMultiYearPlans(db: Queryable, tenantId: string) {
	return db
		.selectFrom("assurance_audit_plans")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.orderBy("first_year", "desc")
		.orderBy("created_at", "desc")
		.execute();
}

/** Change a plan if nobody changed it since `version`; returns whether it was changed. */
export async function updateMultiYearPlan(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<MultiYearPlanRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("assurance_audit_plans")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function insertYearlyPlan(tx: Tx, row: YearlyPlanRow): Promise<void> {
	await tx.insertInto("assurance_audit_yearly_plans").values(row).execute();
}

export function findYearlyPlan(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("assurance_audit_yearly_plans")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function findYearlyPlanOfYear(db: Queryable, tenantId: string, fiscalYear: number) {
	return db
		.selectFrom("assurance_audit_yearly_plans")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "=", fiscalYear)
		.executeTakeFirst();
}

/** The tenant's yearly plans, latest fiscal year first. */
export function listYearlyPlans(db: Queryable, tenantId: string) {
	return db
		.selectFrom("assurance_audit_yearly_plans")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.orderBy("fiscal_year", "desc")
		.execute();
}

export async function updateYearlyPlan(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<YearlyPlanRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("assurance_audit_yearly_plans")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Replace the units a yearly plan audits, in the order given. */
export async function replacePlannedUnits(
	tx: Tx,
	tenantId: string,
	yearlyPlanId: string,
	rows: readonly Omit<PlannedUnitRow, "tenant_id" | "yearly_plan_id" | "position">[],
): Promise<void> {
	await tx
		.deleteFrom("assurance_audit_yearly_plan_units")
		.where("tenant_id", "=", tenantId)
		.where("yearly_plan_id", "=", yearlyPlanId)
		.execute();
	if (rows.length === 0) return;
	await tx
		.insertInto("assurance_audit_yearly_plan_units")
		.values(
			rows.map((row, position) => ({
				...row,
				tenant_id: tenantId,
				yearly_plan_id: yearlyPlanId,
				position,
			})),
		)
		.execute();
}

export function plannedUnits(db: Queryable, tenantId: string, yearlyPlanIds: readonly string[]) {
	if (yearlyPlanIds.length === 0) return Promise.resolve([] as PlannedUnitRow[]);
	return db
		.selectFrom("assurance_audit_yearly_plan_units")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("yearly_plan_id", "in", [...yearlyPlanIds])
		.orderBy("yearly_plan_id")
		.orderBy("position")
		.execute();
}
