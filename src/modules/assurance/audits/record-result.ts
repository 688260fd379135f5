import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal, ruleProblem } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { sha256Hex, sniffMediaType } from "../../../shared/uploaded-file.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { auditChecklistVersion } from "../checklists/read-checklists.ts";
import { assertIndependent } from "./affiliations.ts";
import { auditsPolicy } from "./audits.policy.ts";
import {
	type EvidenceMeta,
	type EvidenceRow,
	findEvidence,
	findResult,
	insertEvidence,
	type ResultRow,
	upsertResult,
} from "./fieldwork.repository.ts";
import type { AuditEvidenceView, RecordResultInput } from "./fieldwork.schemas.ts";
import {
	assertAuditedUnit,
	assertInFieldwork,
	assertMayReadFieldwork,
	assertOnTeam,
	openAuditDesk,
} from "./fieldwork-access.ts";
import { clauseOfItem, resultFits } from "./fieldwork-rules.ts";

/**
 * What every fieldwork write stands on: an auditor on the team, the audit in fieldwork with a
 * checklist chosen, an audited unit and an item of that checklist, and the writer still
 * independent of the unit (people move and take roles while an audit runs; checked on every
 * write with the rule the team was chosen by).
 */
export async function fieldworkTarget(
	tx: Tx,
	actor: Actor,
	auditId: string,
	unitId: string,
	itemId: string,
	now: Date,
) {
	const desk = await openAuditDesk(tx, actor, auditId);
	assertOnTeam(desk);
	assertInFieldwork(desk.row);
	assertAuditedUnit(desk, unitId);
	const versionId = desk.row.checklist_version_id;
	const checklist =
		versionId === null ? undefined : await auditChecklistVersion(tx, actor.tenantId, versionId);
	if (!checklist) {
		throw refusal("conflict", "audit_checklist_missing", "choose the audit's checklist first");
	}
	const item = checklist.items.find((candidate) => candidate.id === itemId);
	if (!item) throw new Problem("not_found", `the audit's checklist has no item ${itemId}`);
	await assertIndependent(
		tx,
		actor.tenantId,
		[actor.accountId],
		[unitId],
		desk.row.period_end,
		now,
	);
	return { desk, checklist, item };
}

/**
 * Record (or change) the result of one checklist item for one audited unit: the answer on the
 * item's scale and the auditor's note (監査所見), with its audit event.
 *
 * @throws Problem `forbidden` (`audit_not_on_team`); `conflict` (`audit_not_in_fieldwork`,
 *   `audit_checklist_missing`, independence codes); `validation_failed` (`audit_result_scale`);
 *   `not_found`
 */
export async function recordResult(
	tx: Tx,
	actor: Actor,
	key: { auditId: string; unitId: string; itemId: string },
	input: RecordResultInput,
	now: Date = new Date(),
): Promise<ResultRow> {
	authorize(actor, auditsPolicy, "assurance_audit.fieldwork");
	const { desk, item } = await fieldworkTarget(tx, actor, key.auditId, key.unitId, key.itemId, now);
	const levelIndex = input.result === "level" ? input.levelIndex : null;
	if (!resultFits(item, input.result, levelIndex)) {
		throw ruleProblem(
			"validation_failed",
			"the result does not fit the item's answer scale",
			"result",
			"audit_result_scale",
			{ scale: item.scale },
		);
	}
	const before = await findResult(tx, actor.tenantId, key.auditId, key.unitId, key.itemId);
	const row: ResultRow = {
		tenant_id: actor.tenantId,
		audit_id: key.auditId,
		org_unit_id: key.unitId,
		item_id: key.itemId,
		clause: clauseOfItem(item),
		result: input.result,
		level_index: levelIndex,
		note: input.note || null,
		finding_id: before?.finding_id ?? null,
		recorded_by: actor.accountId,
		recorded_by_label: actor.label,
		recorded_at: now.toISOString(),
	};
	await upsertResult(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_audit.result_recorded",
		{
			title: desk.row.title,
			unitId: key.unitId,
			itemId: key.itemId,
			number: item.number,
			result: input.result,
			levelIndex,
			previous: before?.result ?? null,
		},
		{ recordType: "assurance_audit", recordId: key.auditId },
	);
	return row;
}

/** Whitelist what leaves the server of one evidence file (never its bytes). */
export function presentAuditEvidence(file: EvidenceMeta): AuditEvidenceView & { itemId: string } {
	return {
		id: file.id,
		itemId: file.item_id,
		fileName: file.file_name,
		mediaType: file.media_type,
		size: Number(file.size),
		sha256: file.sha256,
		uploadedBy: file.uploaded_by_label,
		uploadedAt: file.uploaded_at,
	};
}

/**
 * Keep a file as evidence of one item's result for one audited unit, in the database with the
 * SHA-256 of its bytes (as findings keep theirs); the file and its audit event commit together.
 *
 * @throws as `recordResult`
 */
export async function addResultEvidence(
	tx: Tx,
	actor: Actor,
	key: { auditId: string; unitId: string; itemId: string },
	input: { fileName: string; bytes: Uint8Array },
	now: Date = new Date(),
): Promise<EvidenceRow> {
	authorize(actor, auditsPolicy, "assurance_audit.fieldwork");
	const { desk } = await fieldworkTarget(tx, actor, key.auditId, key.unitId, key.itemId, now);
	const file: EvidenceRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		audit_id: key.auditId,
		org_unit_id: key.unitId,
		item_id: key.itemId,
		file_name: input.fileName,
		media_type: sniffMediaType(input.bytes),
		size: input.bytes.length,
		sha256: sha256Hex(input.bytes),
		content: input.bytes,
		uploaded_by: actor.accountId,
		uploaded_by_label: actor.label,
		uploaded_at: now.toISOString(),
	};
	await insertEvidence(tx, file);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_audit.evidence_added",
		{
			title: desk.row.title,
			unitId: key.unitId,
			itemId: key.itemId,
			evidenceId: file.id,
			fileName: file.file_name,
			sha256: file.sha256,
			size: file.size,
		},
		{ recordType: "assurance_audit", recordId: key.auditId },
	);
	return file;
}

/**
 * One evidence file's bytes, checked against the SHA-256 taken on upload: a file that no longer
 * matches is not served.
 *
 * @throws Problem `not_found`; `forbidden` (`audit_fieldwork_hidden`); `internal` on a mismatch
 */
export async function readResultEvidence(
	db: Queryable,
	actor: Actor,
	auditId: string,
	evidenceId: string,
) {
	authorize(actor, auditsPolicy, "assurance_audit.read");
	const desk = await openAuditDesk(db, actor, auditId);
	assertMayReadFieldwork(desk);
	const file = await findEvidence(db, actor.tenantId, auditId, evidenceId);
	if (!file) throw new Problem("not_found", "no such evidence file on this audit");
	const bytes = new Uint8Array(file.content);
	if (sha256Hex(bytes) !== file.sha256) {
		throw new Problem("internal", "the stored file no longer matches its SHA-256; not served");
	}
	return { file: presentAuditEvidence(file), bytes };
}
