import type { Db } from "../../../db/connection.ts";
import type { Queryable } from "../../../db/queryable.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf } from "../../audit-log/record-audit.ts";
import { allowedActions, authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import type { PolicyPack } from "../../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../../policies/pack/tenant-pack.repository.ts";
import { checklistsMissing, ensureBundledChecklists } from "./add-bundled-checklist.ts";
import { listBundledChecklists } from "./bundled-checklists.ts";
import type { ChecklistContent, ChecklistItem, ChecklistKind } from "./checklist-model.ts";
import { checklistWorkbook, packRefCodes } from "./checklist-workbook.ts";
import { checklistsPolicy } from "./checklists.policy.ts";
import {
	type ChecklistRow,
	type ChecklistVersionRow,
	findChecklist,
	findVersion,
	findVersionById,
	itemOf,
	listChecklists,
	listItemRows,
	listVersions,
} from "./checklists.repository.ts";
import type { ChecklistSummary } from "./checklists.schemas.ts";

/** A checklist as lists show it; `itemCount` is the latest version's. */
export function presentChecklist(row: ChecklistRow, itemCount: number): ChecklistSummary {
	return {
		id: row.id,
		kind: row.kind as ChecklistKind,
		title: row.title,
		bundledId: row.bundled_id,
		latestVersion: Number(row.latest_version),
		itemCount,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
}

function presentVersion(row: ChecklistVersionRow) {
	return {
		id: row.id,
		version: Number(row.version),
		title: row.title,
		description: row.description,
		source: row.source as "bundled" | "import",
		sourceName: row.source_name,
		itemCount: Number(row.item_count),
		createdAt: row.created_at,
	};
}

/** Item counts of the checklists' latest versions. */
async function latestCounts(db: Queryable, tenantId: string, rows: readonly ChecklistRow[]) {
	if (rows.length === 0) return new Map<string, number>();
	const versions = await db
		.selectFrom("assurance_checklist_versions")
		.select(["checklist_id", "version", "item_count"])
		.where("tenant_id", "=", tenantId)
		.where(
			"checklist_id",
			"in",
			rows.map((row) => row.id),
		)
		.execute();
	const latest = new Map(rows.map((row) => [row.id, Number(row.latest_version)]));
	return new Map(
		versions
			.filter((v) => latest.get(v.checklist_id) === Number(v.version))
			.map((v) => [v.checklist_id, Number(v.item_count)]),
	);
}

/**
 * The tenant's checklists and the bundled ones it may add. On the first visit of a tenant on a
 * bundled pack, the pack's bundled checklists are added first (once, as the pack's documents are).
 */
export async function listTenantChecklists(db: Db, actor: Actor) {
	authorize(actor, checklistsPolicy, "assurance_checklist.read");
	let rows = await listChecklists(db, actor.tenantId);
	if (await checklistsMissing(db, actor.tenantId, rows)) {
		await inTransaction(db, (tx) => ensureBundledChecklists(tx, auditContextOf(actor)));
		rows = await listChecklists(db, actor.tenantId);
	}
	const counts = await latestCounts(db, actor.tenantId, rows);
	const packId = (await currentTenantPack(db, actor.tenantId))?.pack.id ?? null;
	const byBundled = new Map(rows.map((row) => [row.bundled_id, row.id]));
	return {
		items: rows.map((row) => presentChecklist(row, counts.get(row.id) ?? 0)),
		bundled: listBundledChecklists().map((bundled) => ({
			id: bundled.id,
			pack: bundled.pack,
			kind: bundled.kind,
			title: bundled.title,
			itemCount: bundled.items.length,
			ofTenantPack: bundled.pack === packId,
			checklistId: byBundled.get(bundled.id) ?? null,
		})),
		allowedActions: allowedActions(actor, checklistsPolicy),
	};
}

async function checklistOr404(db: Queryable, actor: Actor, id: string): Promise<ChecklistRow> {
	const row = await findChecklist(db, actor.tenantId, id);
	if (!row) throw new Problem("not_found", `checklist ${id} does not exist`);
	return row;
}

/** One checklist with all its versions, latest first. */
export async function getChecklist(db: Queryable, actor: Actor, id: string) {
	authorize(actor, checklistsPolicy, "assurance_checklist.read");
	const row = await checklistOr404(db, actor, id);
	const versions = await listVersions(db, actor.tenantId, row.id);
	const latest = versions.find((v) => Number(v.version) === Number(row.latest_version));
	return {
		...presentChecklist(row, Number(latest?.item_count ?? 0)),
		versions: versions.map(presentVersion),
		allowedActions: allowedActions(actor, checklistsPolicy),
	};
}

/** A pack reference read against the tenant's pack: whether it states it, the rule's words. */
function packRule(pack: PolicyPack | undefined, ref: string | null) {
	if (ref === null) return null;
	const [kind, code = ""] = ref.split(":");
	if (kind === "rule") {
		const rule = pack?.notableRules.find((r) => r.code === code);
		return { inPack: rule !== undefined, summary: rule?.summary ?? null };
	}
	const provision = pack?.provisions[code as keyof PolicyPack["provisions"]];
	return { inPack: provision?.inForce === true, summary: null };
}

async function versionOr404(db: Queryable, actor: Actor, id: string, version: number) {
	const checklist = await checklistOr404(db, actor, id);
	const row = await findVersion(db, actor.tenantId, checklist.id, version);
	if (!row) throw new Problem("not_found", `checklist ${id} has no version ${version}`);
	return { checklist, row };
}

/** One version with its items, each pack reference read against the tenant's pack. */
export async function getChecklistVersion(
	db: Queryable,
	actor: Actor,
	id: string,
	version: number,
) {
	authorize(actor, checklistsPolicy, "assurance_checklist.read");
	const { checklist, row } = await versionOr404(db, actor, id, version);
	const items = (await listItemRows(db, actor.tenantId, row.id)).map((item) => ({
		...itemOf(item),
		position: Number(item.position),
	}));
	const pack = (await currentTenantPack(db, actor.tenantId))?.pack;
	const latest = await findVersion(
		db,
		actor.tenantId,
		checklist.id,
		Number(checklist.latest_version),
	);
	return {
		checklist: presentChecklist(checklist, Number(latest?.item_count ?? 0)),
		version: presentVersion(row),
		items: items.map((item) => ({ ...item, packRule: packRule(pack, item.packRef) })),
		allowedActions: allowedActions(actor, checklistsPolicy),
	};
}

/** A version's content, as the XLSX export writes it. */
export async function versionContent(
	db: Queryable,
	actor: Actor,
	id: string,
	version: number,
): Promise<{ content: ChecklistContent; version: number }> {
	const { checklist, row } = await versionOr404(db, actor, id, version);
	const items: ChecklistItem[] = (await listItemRows(db, actor.tenantId, row.id)).map((item) => {
		const { id: _, ...rest } = itemOf(item);
		return rest;
	});
	return {
		content: {
			kind: checklist.kind as ChecklistKind,
			title: row.title,
			description: row.description,
			items,
		},
		version: Number(row.version),
	};
}

/**
 * A version as an XLSX workbook in the documented layout; its codes sheet offers the tenant's
 * pack references.
 *
 * @example
 * const { bytes, title } = await exportChecklistVersion(db, actor, id, 2);
 */
export async function exportChecklistVersion(
	db: Queryable,
	actor: Actor,
	id: string,
	version: number,
) {
	authorize(actor, checklistsPolicy, "assurance_checklist.read");
	const { content } = await versionContent(db, actor, id, version);
	const pack = (await currentTenantPack(db, actor.tenantId))?.pack;
	return { bytes: await checklistWorkbook(content, packRefCodes(pack)), title: content.title };
}

/** The empty workbook to fill in, with the tenant's pack references in its codes sheet. */
export async function checklistTemplate(db: Queryable, actor: Actor): Promise<Buffer> {
	authorize(actor, checklistsPolicy, "assurance_checklist.manage");
	const pack = (await currentTenantPack(db, actor.tenantId))?.pack;
	return checklistWorkbook(null, packRefCodes(pack));
}

/** One version of an audit checklist as the audits module chooses from it. */
export interface AuditChecklistChoice {
	versionId: string;
	checklistId: string;
	title: string;
	version: number;
	itemCount: number;
	latest: boolean;
}

/**
 * The versions of the tenant's audit checklists (kind `audit`), latest checklist first, each
 * version newest first. For the audits module's checklist picker: the audit decides who may
 * choose (its lead, those who run audits), so this reads without a checklists permission.
 */
export async function auditChecklistChoices(
	db: Queryable,
	tenantId: string,
): Promise<AuditChecklistChoice[]> {
	const checklists = (await listChecklists(db, tenantId)).filter((row) => row.kind === "audit");
	const choices: AuditChecklistChoice[] = [];
	for (const checklist of checklists) {
		for (const version of await listVersions(db, tenantId, checklist.id)) {
			choices.push({
				versionId: version.id,
				checklistId: checklist.id,
				title: version.title,
				version: Number(version.version),
				itemCount: Number(version.item_count),
				latest: Number(version.version) === Number(checklist.latest_version),
			});
		}
	}
	return choices;
}

/**
 * An audit checklist version by its id, with its items in order; undefined when the tenant has
 * no such version of an audit checklist. Read for the audits module's fieldwork and report.
 */
export async function auditChecklistVersion(db: Queryable, tenantId: string, versionId: string) {
	const version = await findVersionById(db, tenantId, versionId);
	if (!version) return undefined;
	const checklist = await findChecklist(db, tenantId, version.checklist_id);
	if (checklist?.kind !== "audit") return undefined;
	const items = (await listItemRows(db, tenantId, version.id)).map((item) => ({
		...itemOf(item),
		position: Number(item.position),
	}));
	return {
		versionId: version.id,
		checklistId: checklist.id,
		title: version.title,
		version: Number(version.version),
		items,
	};
}
export type AuditChecklistVersion = NonNullable<Awaited<ReturnType<typeof auditChecklistVersion>>>;

/** An audit checklist version's title and number, for an audit that names it. */
export async function auditChecklistLabel(db: Queryable, tenantId: string, versionId: string) {
	const version = await findVersionById(db, tenantId, versionId);
	if (!version) return undefined;
	return { versionId: version.id, title: version.title, version: Number(version.version) };
}
