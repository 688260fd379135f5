import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { type AuditContext, recordAudit } from "../../audit-log/record-audit.ts";
import type { PolicyPack } from "../pack/pack.schema.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { insertDocument, insertRevision, listDocuments } from "./documents.repository.ts";
import { planPublication } from "./emergency-plan.ts";

export const DOCUMENT_KINDS = [
	"basic_policy",
	"standards",
	"procedures",
	"emergency_plan",
	"additional",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

interface PackDocument {
	kind: DocumentKind;
	title: string;
	publication: "public" | "non_public" | "unknown";
}

/** The documents a pack lists, in their order: 基本方針, 対策基準, 実施手順, the plan, the rest. */
function packDocuments(pack: PolicyPack): PackDocument[] {
	const { documents } = pack;
	const plan = documents.emergencyPlan;
	return [
		{ kind: "basic_policy", ...shown(documents.basicPolicy) },
		{ kind: "standards", ...shown(documents.standards) },
		// A procedures document is never public, whatever the pack could not confirm.
		{ kind: "procedures", title: documents.procedures.name.ja, publication: "non_public" },
		...(plan
			? [
					{
						kind: "emergency_plan" as const,
						title: plan.name.ja,
						publication: planPublication(plan),
					},
				]
			: []),
		...documents.additional.map((doc) => ({ kind: "additional" as const, ...shown(doc) })),
	];
}

function shown(doc: PolicyPack["documents"]["basicPolicy"]) {
	return { title: doc.name.ja, publication: doc.publication };
}

async function addPackDocument(
	tx: Tx,
	context: AuditContext,
	doc: PackDocument,
	position: number,
	now: string,
): Promise<string> {
	const id = randomUUID();
	await insertDocument(tx, {
		id,
		tenant_id: context.tenantId,
		kind: doc.kind,
		position,
		title: doc.title,
		publication: doc.publication,
		created_at: now,
	});
	await recordAudit(
		tx,
		context,
		"policy.document_created",
		{ kind: doc.kind, title: doc.title },
		{ recordType: "policy_document", recordId: id },
	);
	return id;
}

/**
 * Create the documents a pack lists (基本方針, 対策基準, 実施手順 / 運用マニュアル, the emergency
 * response plan when it names one, and any additional rules), and the 基本方針's 改定履歴 from
 * `pack.revisions`. Call once per tenant, in the transaction that creates it (or on first use);
 * it does nothing when documents exist.
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
	for (const [index, doc] of packDocuments(pack).entries()) {
		const id = await addPackDocument(tx, context, doc, index + 1, now);
		if (doc.kind !== "basic_policy") continue;
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
 * Whether the tenant's documents (as just listed) are missing: none seeded yet, or a plan the pack
 * now names (a tenant seeded before packs named their emergency response plan) that is not there.
 */
export async function documentsMissing(
	db: Queryable,
	tenantId: string,
	documents: readonly { kind: string }[],
): Promise<boolean> {
	if (!documents.some((d) => d.kind === "basic_policy")) return true;
	if (documents.some((d) => d.kind === "emergency_plan")) return false;
	const found = await currentTenantPack(db, tenantId);
	return found?.pack.documents.emergencyPlan !== undefined;
}

/**
 * Seed the tenant's documents from its current pack when they are missing (first use), and add
 * the emergency response plan the pack names when an earlier seeding had none, after the pack's
 * other documents. Two first uses at once collide on the unique position, and the loser's
 * request answers 409.
 */
export async function ensureDocuments(tx: Tx, context: AuditContext): Promise<void> {
	const found = await currentTenantPack(tx, context.tenantId);
	if (!found) return;
	if (!(await hasPackDocuments(tx, context.tenantId))) {
		await seedDocumentsFromPack(tx, context, found.pack);
		return;
	}
	const plan = packDocuments(found.pack).find((d) => d.kind === "emergency_plan");
	const existing = await listDocuments(tx, context.tenantId);
	if (!plan || existing.some((d) => d.kind === "emergency_plan")) return;
	const taken = new Set(existing.map((d) => d.position));
	let position = 1;
	while (taken.has(position)) position += 1;
	await addPackDocument(tx, context, plan, position, new Date().toISOString());
}
