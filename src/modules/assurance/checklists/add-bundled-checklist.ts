import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { type AuditContext, auditContextOf } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { currentTenantPack } from "../../policies/pack/tenant-pack.repository.ts";
import { bundledChecklistsOf, loadBundledChecklist } from "./bundled-checklists.ts";
import { sameContent } from "./checklist-model.ts";
import { checklistsPolicy } from "./checklists.policy.ts";
import {
	type ChecklistRow,
	findVersion,
	itemOf,
	listChecklists,
	listItemRows,
} from "./checklists.repository.ts";
import { saveNewChecklist, saveNextVersion } from "./save-checklist.ts";

/** The bundled checklists of the tenant's pack that it has not been given yet. */
async function missingFromPack(db: Queryable, tenantId: string, existing: readonly ChecklistRow[]) {
	const found = await currentTenantPack(db, tenantId);
	if (!found) return [];
	const have = new Set(existing.map((row) => row.bundled_id));
	return bundledChecklistsOf(found.pack.id).filter((checklist) => !have.has(checklist.id));
}

/**
 * Whether the tenant (whose checklists are `existing`, as just listed) still lacks a bundled
 * checklist of its pack: true on the first visit of a tenant on a bundled pack.
 */
export async function checklistsMissing(
	db: Queryable,
	tenantId: string,
	existing: readonly ChecklistRow[],
): Promise<boolean> {
	return (await missingFromPack(db, tenantId, existing)).length > 0;
}

/**
 * Give the tenant the bundled checklists of its pack that it lacks (first use, like the pack's
 * documents): each once, never a second copy, even for two first visits at once.
 */
export async function ensureBundledChecklists(tx: Tx, context: AuditContext): Promise<void> {
	const existing = await listChecklists(tx, context.tenantId);
	for (const checklist of await missingFromPack(tx, context.tenantId, existing)) {
		await saveNewChecklist(tx, context, checklist, { source: "bundled", name: checklist.id });
	}
}

/**
 * Add a bundled checklist to the tenant (any bundled one, e.g. the standard ones for a city on a
 * pack of its own). If the tenant has it already, its next version takes the bundled items,
 * unless its latest version holds them already.
 *
 * @throws Problem `conflict` (`checklist_bundled_current`) when the latest version is the bundled one
 */
export async function addBundledChecklist(
	tx: Tx,
	actor: Actor,
	bundledId: string,
): Promise<ChecklistRow> {
	authorize(actor, checklistsPolicy, "assurance_checklist.manage");
	const bundled = loadBundledChecklist(bundledId);
	const context = auditContextOf(actor);
	const existing = (await listChecklists(tx, actor.tenantId)).find(
		(row) => row.bundled_id === bundled.id,
	);
	if (!existing) {
		const saved = await saveNewChecklist(tx, context, bundled, {
			source: "bundled",
			name: bundled.id,
		});
		// Saved meanwhile by another request: the unique index kept it to one.
		if (!saved)
			throw refusal("conflict", "created_meanwhile", "the bundled checklist was just added");
		return saved.checklist;
	}
	const latest = await findVersion(
		tx,
		actor.tenantId,
		existing.id,
		Number(existing.latest_version),
	);
	const items = latest ? (await listItemRows(tx, actor.tenantId, latest.id)).map(itemOf) : [];
	const current = {
		kind: existing.kind as typeof bundled.kind,
		title: latest?.title ?? existing.title,
		description: latest?.description ?? null,
		items: items.map(({ id: _, ...item }) => item),
	};
	if (sameContent(current, bundled)) {
		throw refusal(
			"conflict",
			"checklist_bundled_current",
			`the tenant's checklist ${existing.id} already holds the bundled ${bundled.id}`,
			{ title: existing.title },
		);
	}
	const saved = await saveNextVersion(tx, context, existing.id, bundled, {
		source: "bundled",
		name: bundled.id,
	});
	return saved.checklist;
}
