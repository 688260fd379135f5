import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { type AuditContext, recordAudit } from "../../audit/record-audit.ts";
import type { PolicyPack } from "../pack/pack.schema.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { insertDocument, insertRevision, listDocuments } from "./documents.repository.ts";

export const DOCUMENT_KINDS = ["basic_policy", "standards", "procedures", "additional"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Create the documents a pack lists (基本方針, 対策基準, 実施手順 / 運用マニュアル and any
 * additional rules), and the 基本方針's 改定履歴 from `pack.revisions`. Call once per tenant, in
 * the transaction that creates it (or on first use); it does nothing when documents exist.
 *
 * @example
 * await seedDocumentsFromPack(tx, context, pack);
 */
export async function seedDocumentsFromPack(
	tx: Tx,
	context: AuditContext,
	pack: PolicyPack,
): Promise<void> {
	if (await hasPackDocuments(tx, context.tenantId)) return;
	const now = new Date().toISOString();
	const entries: { kind: DocumentKind; doc: PolicyPack["documents"]["basicPolicy"] }[] = [
		{ kind: "basic_policy", doc: pack.documents.basicPolicy },
		{ kind: "standards", doc: pack.documents.standards },
		{ kind: "procedures", doc: pack.documents.procedures },
		...pack.documents.additional.map((doc) => ({ kind: "additional" as const, doc })),
	];
	for (const [index, { kind, doc }] of entries.entries()) {
		const id = randomUUID();
		await insertDocument(tx, {
			id,
			tenant_id: context.tenantId,
			kind,
			position: index + 1,
			title: doc.name.ja,
			// A procedures document is never public, whatever the pack could not confirm.
			publication: kind === "procedures" ? "non_public" : doc.publication,
			created_at: now,
		});
		await recordAudit(
			tx,
			context,
			"policy.document_created",
			{ kind, title: doc.name.ja },
			{ recordType: "policy_document", recordId: id },
		);
		if (kind !== "basic_policy") continue;
		for (const revision of pack.revisions) {
			await insertRevision(tx, {
				id: randomUUID(),
				tenant_id: context.tenantId,
				document_id: id,
				version_id: null,
				date: revision.date,
				kind: revision.kind,
				summary: revision.summary.ja,
				created_at: now,
			});
		}
	}
}

/** Pack documents take positions 1…n; documents added later come after them. */
export const FIRST_ADDED_POSITION = 101;

/** Whether the pack's documents exist (the 基本方針 always does once seeded). */
export async function hasPackDocuments(db: Queryable, tenantId: string): Promise<boolean> {
	return (await listDocuments(db, tenantId)).some((d) => d.kind === "basic_policy");
}

/**
 * Seed the tenant's documents from its current pack when they are missing (first use). Two first
 * uses at once collide on the unique position, and the loser's request answers 409.
 */
export async function ensureDocuments(tx: Tx, context: AuditContext): Promise<void> {
	if (await hasPackDocuments(tx, context.tenantId)) return;
	const found = await currentTenantPack(tx, context.tenantId);
	if (found) await seedDocumentsFromPack(tx, context, found.pack);
}
