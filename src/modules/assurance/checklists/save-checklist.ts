import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { Problem } from "../../../shared/problem.ts";
import { type AuditContext, recordAudit } from "../../audit-log/record-audit.ts";
import type { ChecklistContent } from "./checklist-model.ts";
import {
	type ChecklistRow,
	type ChecklistVersionRow,
	insertBundledChecklist,
	insertChecklist,
	insertItems,
	insertVersion,
	lockChecklist,
	updateChecklistHead,
} from "./checklists.repository.ts";

/** Where a version came from: a bundled checklist (its id) or an imported file (its name). */
export interface VersionSource {
	source: "bundled" | "import";
	name: string | null;
}

async function writeVersion(
	tx: Tx,
	context: AuditContext,
	checklistId: string,
	version: number,
	content: ChecklistContent,
	from: VersionSource,
	at: string,
): Promise<ChecklistVersionRow> {
	const row: ChecklistVersionRow = {
		id: randomUUID(),
		tenant_id: context.tenantId,
		checklist_id: checklistId,
		version,
		title: content.title,
		description: content.description,
		source: from.source,
		source_name: from.name,
		item_count: content.items.length,
		created_by: context.actorId,
		created_at: at,
	};
	await insertVersion(tx, row);
	await insertItems(tx, context.tenantId, row.id, content.items);
	return row;
}

/**
 * Save a new checklist with its first version, and its audit event. A bundled checklist the
 * tenant has already is not saved again: null then (two first visits at once add it once).
 * Callers authorise; the content has passed the model's rules.
 */
export async function saveNewChecklist(
	tx: Tx,
	context: AuditContext,
	content: ChecklistContent,
	from: VersionSource,
	now: Date = new Date(),
): Promise<{ checklist: ChecklistRow; version: ChecklistVersionRow } | null> {
	const at = now.toISOString();
	const checklist: ChecklistRow = {
		id: randomUUID(),
		tenant_id: context.tenantId,
		kind: content.kind,
		title: content.title,
		bundled_id: from.source === "bundled" ? from.name : null,
		latest_version: 1,
		created_by: context.actorId,
		created_at: at,
		updated_at: at,
	};
	if (checklist.bundled_id !== null) {
		if (!(await insertBundledChecklist(tx, checklist))) return null;
	} else await insertChecklist(tx, checklist);
	const version = await writeVersion(tx, context, checklist.id, 1, content, from, at);
	await recordAudit(
		tx,
		context,
		"assurance_checklist.created",
		{
			title: content.title,
			kind: content.kind,
			version: 1,
			source: from.source,
			bundledId: checklist.bundled_id,
			sourceName: from.name,
			items: content.items.length,
		},
		{ recordType: "assurance_checklist", recordId: checklist.id },
	);
	return { checklist, version };
}

/**
 * Save a checklist's next version (the earlier ones stay as they were) under the checklist's row
 * lock, and its audit event. The kind of a checklist never changes.
 *
 * @throws Problem `not_found` for a checklist not of the tenant
 */
export async function saveNextVersion(
	tx: Tx,
	context: AuditContext,
	checklistId: string,
	content: ChecklistContent,
	from: VersionSource,
	now: Date = new Date(),
): Promise<{ checklist: ChecklistRow; version: ChecklistVersionRow }> {
	const at = now.toISOString();
	const locked = await lockChecklist(tx, context.tenantId, checklistId, at);
	if (!locked) throw new Problem("not_found", `checklist ${checklistId} does not exist`);
	if (locked.kind !== content.kind) {
		throw new Error(`checklist ${checklistId} is a ${locked.kind} checklist, not ${content.kind}`);
	}
	const number = Number(locked.latest_version) + 1;
	const version = await writeVersion(tx, context, checklistId, number, content, from, at);
	await updateChecklistHead(tx, context.tenantId, checklistId, {
		title: content.title,
		latest_version: number,
		updated_at: at,
	});
	await recordAudit(
		tx,
		context,
		"assurance_checklist.version_added",
		{
			title: content.title,
			version: number,
			source: from.source,
			sourceName: from.name,
			items: content.items.length,
		},
		{ recordType: "assurance_checklist", recordId: checklistId },
	);
	return {
		checklist: { ...locked, title: content.title, latest_version: number, updated_at: at },
		version,
	};
}
