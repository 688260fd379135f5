import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../db/queryable.ts";
import type {
	AssuranceChecklistItemTable,
	AssuranceChecklistTable,
	AssuranceChecklistVersionTable,
} from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import {
	type Answerer,
	type AnswerScale,
	type ChecklistItem,
	canonicalItem,
} from "./checklist-model.ts";

export type ChecklistRow = AssuranceChecklistTable;
export type ChecklistVersionRow = AssuranceChecklistVersionTable;
export type ChecklistItemRow = AssuranceChecklistItemTable;

/** Items written per INSERT: 14 columns each, well under either engine's parameter limit. */
const INSERT_BATCH = 200;

export async function insertChecklist(tx: Tx, row: ChecklistRow): Promise<void> {
	await tx.insertInto("assurance_checklists").values(row).execute();
}

/**
 * Insert a bundled checklist unless the tenant has it already; true when this call inserted it.
 * Two first visits at once: the second waits for the first (PostgreSQL) and inserts nothing.
 */
export async function insertBundledChecklist(tx: Tx, row: ChecklistRow): Promise<boolean> {
	const result = await tx
		.insertInto("assurance_checklists")
		.values(row)
		.onConflict((conflict) => conflict.columns(["tenant_id", "bundled_id"]).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateChecklistHead(
	tx: Tx,
	tenantId: string,
	id: string,
	patch: { title: string; latest_version: number; updated_at: string },
): Promise<void> {
	await tx
		.updateTable("assurance_checklists")
		.set(patch)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

export function findChecklist(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("assurance_checklists")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/**
 * A checklist's row after touching it: the update takes the row lock on PostgreSQL (SQLite's
 * writers are serialised by BEGIN IMMEDIATE), so two new versions at once are numbered in turn.
 */
export async function lockChecklist(tx: Tx, tenantId: string, id: string, at: string) {
	await tx
		.updateTable("assurance_checklists")
		.set({ updated_at: at })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
	return findChecklist(tx, tenantId, id);
}

/** The tenant's checklists, by title. */
export function listChecklists(db: Queryable, tenantId: string) {
	return db
		.selectFrom("assurance_checklists")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.orderBy("kind", "desc")
		.orderBy("title")
		.orderBy("id")
		.execute();
}

export async function insertVersion(tx: Tx, row: ChecklistVersionRow): Promise<void> {
	await tx.insertInto("assurance_checklist_versions").values(row).execute();
}

export function listVersions(db: Queryable, tenantId: string, checklistId: string) {
	return db
		.selectFrom("assurance_checklist_versions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("checklist_id", "=", checklistId)
		.orderBy("version", "desc")
		.execute();
}

export function findVersion(db: Queryable, tenantId: string, checklistId: string, version: number) {
	return db
		.selectFrom("assurance_checklist_versions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("checklist_id", "=", checklistId)
		.where("version", "=", version)
		.executeTakeFirst();
}

/** Write a version's items in order, in batches. */
export function findVersionById(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("assurance_checklist_versions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export async function insertItems(
	tx: Tx,
	tenantId: string,
	versionId: string,
	items: readonly ChecklistItem[],
): Promise<void> {
	for (let start = 0; start < items.length; start += INSERT_BATCH) {
		const rows: ChecklistItemRow[] = items
			.slice(start, start + INSERT_BATCH)
			.map((item, offset) => ({
				id: randomUUID(),
				tenant_id: tenantId,
				version_id: versionId,
				position: start + offset + 1,
				number: item.number,
				policy_clause: item.policyClause,
				standards_chapter: item.standardsChapter,
				question: item.question,
				answerer: item.answerer,
				scale: item.scale,
				levels: item.scale === "level" ? JSON.stringify(item.levels) : null,
				required: item.required,
				evidence: item.evidence,
				pack_ref: item.packRef,
			}));
		await tx.insertInto("assurance_checklist_items").values(rows).execute();
	}
}

export function listItemRows(db: Queryable, tenantId: string, versionId: string) {
	return db
		.selectFrom("assurance_checklist_items")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("version_id", "=", versionId)
		.orderBy("position")
		.execute();
}

/** A stored item as the model has it. */
export function itemOf(row: ChecklistItemRow): ChecklistItem & { id: string } {
	return {
		id: row.id,
		...canonicalItem({
			number: row.number,
			policyClause: row.policy_clause,
			standardsChapter: row.standards_chapter,
			question: row.question,
			answerer: row.answerer as Answerer,
			scale: row.scale as AnswerScale,
			levels: row.levels === null ? [] : (JSON.parse(row.levels) as string[]),
			required: Boolean(row.required),
			evidence: row.evidence,
			packRef: row.pack_ref,
		}),
	};
}
