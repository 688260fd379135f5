import { randomUUID } from "node:crypto";
import { type ExpressionBuilder, sql } from "kysely";
import type { Queryable } from "../../../db/queryable.ts";
import type {
	Database,
	FindingEventTable,
	FindingEvidenceTable,
	FindingNotificationTable,
	FindingTable,
} from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { ACTION_OWED, CLOSED_STATES } from "./finding-rules.ts";
import type { FindingFilter } from "./findings.schemas.ts";

/** SQL of the findings register; no rules. */

export type FindingRow = FindingTable;
export type EvidenceMeta = Omit<FindingEvidenceTable, "content">;
export type FindingNotificationRow = FindingNotificationTable;

/**
 * The findings a person reaches: all of them, or those of some units plus (for an auditor) those
 * of audits and those they raised.
 */
export type FindingScope =
	| { all: true }
	| { all: false; unitIds: readonly string[]; auditor: string | null };

type FindingsEb = ExpressionBuilder<Database, "findings">;

function inScope(eb: FindingsEb, scope: FindingScope) {
	if (scope.all) return sql<boolean>`1 = 1`;
	const ors = [];
	if (scope.unitIds.length > 0) ors.push(eb("owner_unit_id", "in", [...scope.unitIds]));
	if (scope.auditor !== null) {
		ors.push(eb.or([eb("source", "=", "audit"), eb("raised_by", "=", scope.auditor)]));
	}
	return ors.length > 0 ? eb.or(ors) : sql<boolean>`1 = 0`;
}

function overdue(eb: FindingsEb, today: string) {
	return eb.and([eb("due_on", "<", today), eb("state", "in", [...ACTION_OWED])]);
}

/** The next number of the tenant's fiscal year (under the counter row's lock). */
export async function nextFindingNumber(
	tx: Tx,
	tenantId: string,
	fiscalYear: number,
): Promise<number> {
	await tx
		.insertInto("finding_counters")
		.values({ tenant_id: tenantId, fiscal_year: fiscalYear, last_number: 0 })
		.onConflict((oc) => oc.columns(["tenant_id", "fiscal_year"]).doNothing())
		.execute();
	const row = await tx
		.updateTable("finding_counters")
		.set((eb) => ({ last_number: eb("last_number", "+", 1) }))
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "=", fiscalYear)
		.returning("last_number")
		.executeTakeFirstOrThrow();
	return Number(row.last_number);
}

export async function insertFinding(tx: Tx, row: FindingRow): Promise<void> {
	await tx.insertInto("findings").values(row).execute();
}

export function findFinding(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("findings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** A finding of the same source record that is not closed yet, if any. */
export function openFindingOfSource(
	db: Queryable,
	tenantId: string,
	source: string,
	sourceRef: string,
) {
	return db
		.selectFrom("findings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("source", "=", source)
		.where("source_ref", "=", sourceRef)
		.where("state", "not in", [...CLOSED_STATES])
		.orderBy("created_at")
		.executeTakeFirst();
}

/**
 * Change a finding if nobody changed it since `version` was read; the version moves on by one.
 * Returns whether it was changed.
 */
export async function updateFinding(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<FindingRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("findings")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Take the finding's row lock (and note the change time) before appending to its timeline. */
export async function touchFinding(tx: Tx, tenantId: string, id: string, at: string) {
	await tx
		.updateTable("findings")
		.set({ updated_at: at })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

/** Take the finding's row lock without changing it (PostgreSQL; SQLite writers are serialised). */
export async function lockFinding(tx: Tx, tenantId: string, id: string) {
	await tx
		.updateTable("findings")
		.set((eb) => ({ version: eb.ref("version") }))
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

function filtered(
	db: Queryable,
	context: { tenantId: string; scope: FindingScope; today: string },
	filter: FindingFilter,
) {
	let base = db
		.selectFrom("findings")
		.where("tenant_id", "=", context.tenantId)
		.where((eb) => inScope(eb, context.scope));
	if (filter.state) base = base.where("state", "=", filter.state);
	if (filter.severity) base = base.where("severity", "=", filter.severity);
	if (filter.source) base = base.where("source", "=", filter.source);
	if (filter.unitId) base = base.where("owner_unit_id", "=", filter.unitId);
	if (filter.sourceRef) base = base.where("source_ref", "=", filter.sourceRef);
	if (filter.overdue === "true") base = base.where((eb) => overdue(eb, context.today));
	if (filter.overdue === "false") {
		// Spelt out rather than NOT(overdue): a finding without a due date is not overdue either.
		base = base.where((eb) =>
			eb.or([
				eb("due_on", "is", null),
				eb("due_on", ">=", context.today),
				eb("state", "not in", [...ACTION_OWED]),
			]),
		);
	}
	return base;
}

/** A page of the findings in reach under the filter, newest first, and how many match in all. */
export async function listFindings(
	db: Queryable,
	context: { tenantId: string; scope: FindingScope; today: string },
	filter: FindingFilter,
	page: { offset: number; limit: number },
) {
	const base = filtered(db, context, filter);
	const [rows, counted] = await Promise.all([
		base
			.selectAll()
			.orderBy("created_at", "desc")
			.orderBy("id")
			.offset(page.offset)
			.limit(page.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(counted.n) };
}

/** How many findings in reach are overdue on `today`. */
export async function countOverdue(
	db: Queryable,
	tenantId: string,
	scope: FindingScope,
	today: string,
): Promise<number> {
	const row = await filtered(db, { tenantId, scope, today }, { overdue: "true" })
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** How many findings in reach wait for verification by someone other than `accountId`. */
export async function countToVerify(
	db: Queryable,
	tenantId: string,
	scope: FindingScope,
	accountId: string,
): Promise<number> {
	const row = await filtered(db, { tenantId, scope, today: "" }, { state: "done" })
		.where("done_by", "!=", accountId)
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** A page of the tenant's overdue findings, in creation order after `after` (keyset paging). */
export function overdueFindings(
	db: Queryable,
	tenantId: string,
	today: string,
	after: { createdAt: string; id: string } | null,
	limit: number,
) {
	let query = db
		.selectFrom("findings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where((eb) => overdue(eb, today));
	if (after) {
		query = query.where((eb) =>
			eb.or([
				eb("created_at", ">", after.createdAt),
				eb.and([eb("created_at", "=", after.createdAt), eb("id", ">", after.id)]),
			]),
		);
	}
	return query.orderBy("created_at").orderBy("id").limit(limit).execute();
}

/** Append to a finding's timeline; call after the finding row was updated in the same transaction. */
export async function appendFindingEvent(
	tx: Tx,
	event: Omit<FindingEventTable, "id" | "seq" | "data"> & { data: Record<string, unknown> },
): Promise<FindingEventTable> {
	const last = await tx
		.selectFrom("finding_events")
		.select((eb) => eb.fn.max("seq").as("seq"))
		.where("finding_id", "=", event.finding_id)
		.executeTakeFirst();
	const row: FindingEventTable = {
		...event,
		id: randomUUID(),
		seq: Number(last?.seq ?? 0) + 1,
		data: JSON.stringify(event.data),
	};
	await tx.insertInto("finding_events").values(row).execute();
	return row;
}

export function listFindingEvents(db: Queryable, tenantId: string, findingId: string) {
	return db
		.selectFrom("finding_events")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("finding_id", "=", findingId)
		.orderBy("seq")
		.execute();
}

export async function insertFindingEvidence(tx: Tx, row: FindingEvidenceTable): Promise<void> {
	await tx.insertInto("finding_evidence").values(row).execute();
}

/** A finding's evidence files without their bytes, oldest first. */
export function listFindingEvidence(
	db: Queryable,
	tenantId: string,
	findingId: string,
): Promise<EvidenceMeta[]> {
	return db
		.selectFrom("finding_evidence")
		.select([
			"id",
			"tenant_id",
			"finding_id",
			"file_name",
			"media_type",
			"size",
			"sha256",
			"description",
			"uploaded_by",
			"uploaded_by_label",
			"uploaded_at",
		])
		.where("tenant_id", "=", tenantId)
		.where("finding_id", "=", findingId)
		.orderBy("uploaded_at")
		.orderBy("id")
		.execute();
}

export function findFindingEvidence(
	db: Queryable,
	tenantId: string,
	findingId: string,
	evidenceId: string,
) {
	return db
		.selectFrom("finding_evidence")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("finding_id", "=", findingId)
		.where("id", "=", evidenceId)
		.executeTakeFirst();
}

export async function countFindingEvidence(
	db: Queryable,
	tenantId: string,
	findingId: string,
): Promise<number> {
	const row = await db
		.selectFrom("finding_evidence")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("tenant_id", "=", tenantId)
		.where("finding_id", "=", findingId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function insertFindingNotifications(
	tx: Tx,
	rows: readonly FindingNotificationRow[],
): Promise<void> {
	if (rows.length > 0)
		await tx
			.insertInto("finding_notifications")
			.values([...rows])
			.execute();
}

export function findFindingNotification(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("finding_notifications")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** Whether anyone was told since `since` that the finding is overdue on `dueOn`. */
export async function overdueToldSince(
	db: Queryable,
	tenantId: string,
	findingId: string,
	dueOn: string,
	since: string,
): Promise<boolean> {
	const row = await db
		.selectFrom("finding_notifications")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("finding_id", "=", findingId)
		.where("reason", "=", "overdue")
		.where("due_on", "=", dueOn)
		.where("notified_at", ">=", since)
		.executeTakeFirst();
	return row !== undefined;
}

export async function markFindingMailed(tx: Tx, tenantId: string, id: string, at: string) {
	await tx
		.updateTable("finding_notifications")
		.set({ mailed_at: at })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

/** Every finding of the tenant raised in one of `fiscalYears` (no scope: the review's view). */
export function findingsOfYears(db: Queryable, tenantId: string, fiscalYears: readonly number[]) {
	return db
		.selectFrom("findings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "in", [...fiscalYears])
		.orderBy("reference")
		.execute();
}

/** Findings of the tenant by id (those raised from one audit), in reference order. */
export function findingsByIds(db: Queryable, tenantId: string, ids: readonly string[]) {
	if (ids.length === 0) return Promise.resolve([] as FindingRow[]);
	return db
		.selectFrom("findings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "in", [...ids])
		.orderBy("reference")
		.execute();
}
