import type { Queryable } from "../../../db/queryable.ts";
import type {
	NotificationTable,
	PolicyAcknowledgementTable,
	PolicyDocumentTable,
	PolicyPublicationTable,
	PolicyRevisionTable,
	PolicyVersionTable,
} from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";

export type DocumentRow = PolicyDocumentTable;
export type VersionRow = PolicyVersionTable;
export type RevisionRow = PolicyRevisionTable;
export type PublicationRow = PolicyPublicationTable;

export function listDocuments(db: Queryable, tenantId: string) {
	return db
		.selectFrom("policy_documents")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.orderBy("position")
		.execute();
}

export function findDocument(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("policy_documents")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export async function insertDocument(tx: Tx, row: DocumentRow): Promise<void> {
	await tx.insertInto("policy_documents").values(row).execute();
}

export function listVersions(db: Queryable, tenantId: string, documentIds: string[]) {
	if (documentIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom("policy_versions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("document_id", "in", documentIds)
		.orderBy("number", "desc")
		.execute();
}

export function findVersion(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("policy_versions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export async function insertVersion(tx: Tx, row: VersionRow): Promise<void> {
	await tx.insertInto("policy_versions").values(row).execute();
}

export async function updateVersion(
	tx: Tx,
	tenantId: string,
	id: string,
	patch: Partial<VersionRow>,
): Promise<void> {
	await tx
		.updateTable("policy_versions")
		.set(patch)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

export function listRevisions(db: Queryable, tenantId: string, documentId: string) {
	return db
		.selectFrom("policy_revisions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("document_id", "=", documentId)
		.orderBy("date")
		.orderBy("created_at")
		.execute();
}

export async function insertRevision(tx: Tx, row: RevisionRow): Promise<void> {
	await tx.insertInto("policy_revisions").values(row).execute();
}

export async function insertPublication(tx: Tx, row: PublicationRow): Promise<void> {
	await tx.insertInto("policy_publications").values(row).execute();
}

export function findPublication(db: Queryable, tenantId: string, versionId: string) {
	return db
		.selectFrom("policy_publications")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("version_id", "=", versionId)
		.executeTakeFirst();
}

/** Publications of versions that are published now (not superseded), newest first. */
export function listCurrentPublications(db: Queryable, tenantId: string) {
	return db
		.selectFrom("policy_publications")
		.innerJoin("policy_versions", "policy_versions.id", "policy_publications.version_id")
		.innerJoin("policy_documents", "policy_documents.id", "policy_versions.document_id")
		.select([
			"policy_publications.id",
			"policy_publications.version_id",
			"policy_publications.audience",
			"policy_publications.unit_ids",
			"policy_publications.published_at",
			"policy_versions.number",
			"policy_versions.title",
			"policy_versions.document_id",
			"policy_documents.title as document_title",
			"policy_documents.kind as document_kind",
			"policy_documents.publication as document_publication",
		])
		.where("policy_publications.tenant_id", "=", tenantId)
		.where("policy_versions.status", "=", "published")
		.orderBy("policy_publications.published_at", "desc")
		.execute();
}

export async function insertAcknowledgement(
	tx: Tx,
	row: PolicyAcknowledgementTable,
): Promise<void> {
	await tx.insertInto("policy_acknowledgements").values(row).execute();
}

export function listAcknowledgements(db: Queryable, tenantId: string, versionIds: string[]) {
	if (versionIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom("policy_acknowledgements")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("version_id", "in", versionIds)
		.execute();
}

/** The kind of the in-app notification of a reminder to acknowledge. */
export const REMINDER_KIND = "policy_acknowledgement_reminder";

/** Where a notification about a version leads. */
export function versionLink(versionId: string): string {
	return `/policies/versions/${versionId}`;
}

/** Whether anyone was reminded of this version since `since`. */
export async function remindedSince(
	db: Queryable,
	tenantId: string,
	versionId: string,
	since: string,
): Promise<boolean> {
	const row = await db
		.selectFrom("notifications")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("kind", "=", REMINDER_KIND)
		.where("link", "=", versionLink(versionId))
		.where("created_at", ">=", since)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export async function insertNotifications(tx: Tx, rows: NotificationTable[]): Promise<void> {
	if (rows.length === 0) return;
	await tx.insertInto("notifications").values(rows).execute();
}

export function listNotifications(db: Queryable, tenantId: string, accountId: string) {
	return db
		.selectFrom("notifications")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.orderBy("created_at", "desc")
		.limit(100)
		.execute();
}

export async function markNotificationRead(
	tx: Tx,
	tenantId: string,
	accountId: string,
	id: string,
): Promise<boolean> {
	const result = await tx
		.updateTable("notifications")
		.set({ read_at: new Date().toISOString() })
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.where("id", "=", id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Publications made from `from` up to, not including, `to` (UTC instants), oldest first. */
export function publicationsBetween(db: Queryable, tenantId: string, from: string, to: string) {
	return db
		.selectFrom("policy_publications")
		.select(["version_id", "published_at"])
		.where("tenant_id", "=", tenantId)
		.where("published_at", ">=", from)
		.where("published_at", "<", to)
		.orderBy("published_at")
		.orderBy("id")
		.execute();
}
