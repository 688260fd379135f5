import type { Queryable } from "../../db/queryable.ts";
import type { IncidentEvidenceTable, IncidentTaskTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

/** SQL of a case's tasks and evidence files; no rules. */

export type IncidentTaskRow = IncidentTaskTable;

export async function insertIncidentTask(tx: Tx, row: IncidentTaskRow): Promise<void> {
	await tx.insertInto("incident_tasks").values(row).execute();
}

/** Apply a change if the task is still at `version`; false when someone changed it first. */
export async function updateIncidentTaskRow(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<IncidentTaskRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("incident_tasks")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export function findIncidentTask(
	db: Queryable,
	tenantId: string,
	incidentId: string,
	id: string,
): Promise<IncidentTaskRow | undefined> {
	return db
		.selectFrom("incident_tasks")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** Tasks with their owner's name and their case's reference and title. */
function tasksWithNames(db: Queryable, tenantId: string) {
	return db
		.selectFrom("incident_tasks")
		.innerJoin("accounts", "accounts.id", "incident_tasks.owner_id")
		.innerJoin("incidents", "incidents.id", "incident_tasks.incident_id")
		.selectAll("incident_tasks")
		.select([
			"accounts.display_name as owner_label",
			"incidents.reference as reference",
			"incidents.title as case_title",
		])
		.where("incident_tasks.tenant_id", "=", tenantId);
}
export type NamedTaskRow = IncidentTaskRow & {
	owner_label: string;
	reference: string;
	case_title: string;
};

/** A case's tasks: open ones first, each group soonest due first. */
export function listCaseTasks(
	db: Queryable,
	tenantId: string,
	incidentId: string,
): Promise<NamedTaskRow[]> {
	return tasksWithNames(db, tenantId)
		.where("incident_tasks.incident_id", "=", incidentId)
		.orderBy((eb) => eb.case().when("incident_tasks.done_at", "is", null).then(0).else(1).end())
		.orderBy("incident_tasks.due_on")
		.orderBy("incident_tasks.created_at")
		.orderBy("incident_tasks.id")
		.execute();
}

export function findNamedTask(db: Queryable, tenantId: string, id: string) {
	return tasksWithNames(db, tenantId)
		.where("incident_tasks.id", "=", id)
		.executeTakeFirst() as Promise<NamedTaskRow | undefined>;
}

/** A person's open tasks on any case, soonest due first, and how many there are. */
export async function listOwnerOpenTasks(
	db: Queryable,
	tenantId: string,
	ownerId: string,
	page: { offset: number; limit: number },
): Promise<{ rows: NamedTaskRow[]; total: number }> {
	const rows = await tasksWithNames(db, tenantId)
		.where("incident_tasks.owner_id", "=", ownerId)
		.where("incident_tasks.done_at", "is", null)
		.orderBy("incident_tasks.due_on")
		.orderBy("incident_tasks.created_at")
		.orderBy("incident_tasks.id")
		.offset(page.offset)
		.limit(page.limit)
		.execute();
	return { rows, total: await countOwnerOpenTasks(db, tenantId, ownerId) };
}

export async function countOwnerOpenTasks(
	db: Queryable,
	tenantId: string,
	ownerId: string,
): Promise<number> {
	const row = await db
		.selectFrom("incident_tasks")
		.select((eb) => eb.fn.countAll().as("count"))
		.where("tenant_id", "=", tenantId)
		.where("owner_id", "=", ownerId)
		.where("done_at", "is", null)
		.executeTakeFirst();
	return Number(row?.count ?? 0);
}

/** Active accounts of the tenant by name: whom a task may be given to. */
export function listTaskOwnerChoices(db: Queryable, tenantId: string) {
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

export type EvidenceMeta = Omit<IncidentEvidenceTable, "content">;

export async function insertIncidentEvidence(tx: Tx, row: IncidentEvidenceTable): Promise<void> {
	await tx.insertInto("incident_evidence").values(row).execute();
}

/** A case's evidence files without their bytes, oldest first. */
export function listIncidentEvidence(
	db: Queryable,
	tenantId: string,
	incidentId: string,
): Promise<EvidenceMeta[]> {
	return db
		.selectFrom("incident_evidence")
		.select([
			"id",
			"tenant_id",
			"incident_id",
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
		.where("incident_id", "=", incidentId)
		.orderBy("uploaded_at")
		.orderBy("id")
		.execute();
}

export function findIncidentEvidence(
	db: Queryable,
	tenantId: string,
	incidentId: string,
	id: string,
): Promise<IncidentEvidenceTable | undefined> {
	return db
		.selectFrom("incident_evidence")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.where("id", "=", id)
		.executeTakeFirst();
}
