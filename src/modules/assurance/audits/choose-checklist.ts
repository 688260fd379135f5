import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal, ruleProblem } from "../../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import {
	type AuditChecklistChoice,
	auditChecklistChoices,
	auditChecklistVersion,
} from "../checklists/read-checklists.ts";
import { isEditable, notEditable, stale } from "./audit-rules.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { type AuditRow, updateAudit } from "./audits.repository.ts";
import { hasFieldwork } from "./fieldwork.repository.ts";
import type { ChooseChecklistInput } from "./fieldwork.schemas.ts";
import { type AuditDesk, openAuditDesk } from "./fieldwork-access.ts";

/** The checklist is chosen by the audit's lead, or by one who runs audits. */
function assertMayChoose(desk: AuditDesk): void {
	if (!desk.lead && !desk.runs) {
		throw refusal(
			"forbidden",
			"audit_not_lead",
			"only the audit's lead or one who runs audits chooses its checklist",
		);
	}
}

/** A version of one of the tenant's audit checklists. @throws `audit_checklist_unknown` */
export async function checkChecklistVersion(db: Queryable, tenantId: string, versionId: string) {
	const chosen = await auditChecklistVersion(db, tenantId, versionId);
	if (chosen === undefined) {
		throw ruleProblem(
			"validation_failed",
			"no such version of an audit checklist",
			"checklistVersionId",
			"audit_checklist_unknown",
		);
	}
	return chosen;
}

/**
 * A change of the audit's checklist: to a version of one of the tenant's audit checklists (or
 * none), and only while no result or evidence answers the one chosen before.
 *
 * @throws Problem `validation_failed` (`audit_checklist_unknown`); `conflict` (`audit_checklist_in_use`)
 */
export async function checkChecklistChange(
	db: Queryable,
	tenantId: string,
	auditId: string,
	versionId: string | null,
): Promise<{ title: string; version: number } | null> {
	const chosen = versionId === null ? null : await checkChecklistVersion(db, tenantId, versionId);
	if (await hasFieldwork(db, tenantId, auditId)) {
		throw refusal(
			"conflict",
			"audit_checklist_in_use",
			"fieldwork results answer the chosen checklist; it stays",
		);
	}
	return chosen;
}

/** The audit checklist versions the audit's picker offers, to those who may choose. */
export async function checklistChoicesOf(
	db: Queryable,
	actor: Actor,
	id: string,
): Promise<{ items: AuditChecklistChoice[] }> {
	authorize(actor, auditsPolicy, "assurance_audit.choose_checklist");
	assertMayChoose(await openAuditDesk(db, actor, id));
	return { items: await auditChecklistChoices(db, actor.tenantId) };
}

/**
 * Choose the audit checklist version fieldwork answers, while the audit is planned or in
 * fieldwork, as last read (its version). Once results or evidence are kept, the version stays:
 * they answer its items.
 *
 * @throws Problem `forbidden` (`audit_not_lead`); `conflict` (`audit_not_editable`,
 *   `audit_checklist_in_use`, `stale_version`); `validation_failed` (`audit_checklist_unknown`)
 */
export async function chooseChecklist(
	tx: Tx,
	actor: Actor,
	id: string,
	input: ChooseChecklistInput,
	now: Date = new Date(),
): Promise<AuditRow> {
	authorize(actor, auditsPolicy, "assurance_audit.choose_checklist");
	const desk = await openAuditDesk(tx, actor, id);
	assertMayChoose(desk);
	const { row } = desk;
	if (!isEditable(row.state)) throw notEditable(row.state);
	if (Number(row.version) !== input.version) throw stale();
	if (input.checklistVersionId === row.checklist_version_id) return row;
	const chosen = await checkChecklistChange(tx, actor.tenantId, id, input.checklistVersionId);
	const patch = { checklist_version_id: input.checklistVersionId, updated_at: now.toISOString() };
	if (!(await updateAudit(tx, actor.tenantId, id, input.version, patch))) throw stale();
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_audit.checklist_chosen",
		{
			title: row.title,
			checklistVersionId: input.checklistVersionId,
			previousVersionId: row.checklist_version_id,
			checklist: chosen?.title ?? null,
			version: chosen?.version ?? null,
		},
		{ recordType: "assurance_audit", recordId: id },
	);
	return { ...row, ...patch, version: input.version + 1 };
}
