import type { Queryable } from "../../../db/queryable.ts";
import type {
	AssuranceAuditTable,
	AssuranceAuditTeamTable,
	AssuranceAuditUnitTable,
} from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import type { AuditQuery } from "./audits.schemas.ts";

export type AuditRow = AssuranceAuditTable;
export type TeamRow = AssuranceAuditTeamTable;
export type AuditUnitRow = AssuranceAuditUnitTable;

/** Which audits a caller sees: all, or those they are on and those of the units they manage. */
export interface AuditReach {
	all: boolean;
	accountId: string;
	/** Units whose audits the caller reads as their 管理者 (with the units below them). */
	unitIds: readonly string[];
}

export async function insertAudit(tx: Tx, row: AuditRow): Promise<void> {
	await tx.insertInto("assurance_audits").values(row).execute();
}

export function findAudit(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("assurance_audits")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** Change an audit if nobody changed it since `version`; returns whether it was changed. */
export async function updateAudit(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<AuditRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("assurance_audits")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A page of the audits the caller reaches, latest period first, and how many in all. */
export async function listAudits(
	db: Queryable,
	tenantId: string,
	reach: AuditReach,
	query: AuditQuery,
) {
	let base = db.selectFrom("assurance_audits").where("tenant_id", "=", tenantId);
	if (!reach.all) {
		base = base.where((eb) => {
			const onTeam = eb(
				"id",
				"in",
				eb
					.selectFrom("assurance_audit_team")
					.select("audit_id")
					.where("tenant_id", "=", tenantId)
					.where("account_id", "=", reach.accountId),
			);
			if (reach.unitIds.length === 0) return onTeam;
			return eb.or([
				onTeam,
				eb(
					"id",
					"in",
					eb
						.selectFrom("assurance_audit_units")
						.select("audit_id")
						.where("tenant_id", "=", tenantId)
						.where("org_unit_id", "in", [...reach.unitIds]),
				),
			]);
		});
	}
	if (query.state) base = base.where("state", "=", query.state);
	if (query.kind) base = base.where("kind", "=", query.kind);
	if (query.fiscalYear !== undefined) base = base.where("fiscal_year", "=", query.fiscalYear);
	if (query.yearlyPlanId) base = base.where("yearly_plan_id", "=", query.yearlyPlanId);
	const [rows, counted] = await Promise.all([
		base
			.selectAll()
			.orderBy("period_start", "desc")
			.orderBy("created_at", "desc")
			.orderBy("id")
			.offset(query.offset)
			.limit(query.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(counted.n) };
}

/** How many audits each yearly plan has. */
export async function auditCountsByPlan(
	db: Queryable,
	tenantId: string,
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom("assurance_audits")
		.select(["yearly_plan_id", (eb) => eb.fn.countAll<number>().as("n")])
		.where("tenant_id", "=", tenantId)
		.where("yearly_plan_id", "is not", null)
		.groupBy("yearly_plan_id")
		.execute();
	return new Map(rows.map((r) => [r.yearly_plan_id ?? "", Number(r.n)]));
}

/** Replace an audit's team: the lead first, then the members in the order given. */
export async function replaceTeam(
	tx: Tx,
	tenantId: string,
	auditId: string,
	leadId: string,
	memberIds: readonly string[],
): Promise<void> {
	await tx
		.deleteFrom("assurance_audit_team")
		.where("tenant_id", "=", tenantId)
		.where("audit_id", "=", auditId)
		.execute();
	const rows: TeamRow[] = [leadId, ...memberIds].map((account_id, position) => ({
		tenant_id: tenantId,
		audit_id: auditId,
		account_id,
		role: position === 0 ? "lead" : "member",
		position,
	}));
	await tx.insertInto("assurance_audit_team").values(rows).execute();
}

export function auditTeams(db: Queryable, tenantId: string, auditIds: readonly string[]) {
	if (auditIds.length === 0) return Promise.resolve([] as TeamRow[]);
	return db
		.selectFrom("assurance_audit_team")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("audit_id", "in", [...auditIds])
		.orderBy("audit_id")
		.orderBy("position")
		.execute();
}

/** Replace the units an audit audits. */
export async function replaceAuditUnits(
	tx: Tx,
	tenantId: string,
	auditId: string,
	unitIds: readonly string[],
): Promise<void> {
	await tx
		.deleteFrom("assurance_audit_units")
		.where("tenant_id", "=", tenantId)
		.where("audit_id", "=", auditId)
		.execute();
	if (unitIds.length === 0) return;
	await tx
		.insertInto("assurance_audit_units")
		.values(unitIds.map((org_unit_id) => ({ tenant_id: tenantId, audit_id: auditId, org_unit_id })))
		.execute();
}

export function auditUnits(db: Queryable, tenantId: string, auditIds: readonly string[]) {
	if (auditIds.length === 0) return Promise.resolve([] as AuditUnitRow[]);
	return db
		.selectFrom("assurance_audit_units")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("audit_id", "in", [...auditIds])
		.execute();
}

/** Every audit of the tenant in a fiscal year, by start of period (the review's view). */
export function auditsOfYear(db: Queryable, tenantId: string, fiscalYear: number) {
	return db
		.selectFrom("assurance_audits")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "=", fiscalYear)
		.orderBy("period_start")
		.orderBy("id")
		.execute();
}
