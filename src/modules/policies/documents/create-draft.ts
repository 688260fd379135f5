import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { assertMayReadContent, documentOr404, policyFor } from "./access.ts";
import { countSections, type SectionInput, withAnchors } from "./content.ts";
import {
	type DocumentRow,
	insertVersion,
	listVersions,
	type VersionRow,
} from "./documents.repository.ts";
import { planIssue, planTemplate } from "./emergency-plan.ts";

async function templateOf(tx: Tx, actor: Actor, document: DocumentRow): Promise<SectionInput[]> {
	if (document.kind !== "emergency_plan") {
		throw planIssue(
			"validation_failed",
			"from",
			"document_has_no_template",
			"only the emergency response plan starts from a template",
		);
	}
	const found = await currentTenantPack(tx, actor.tenantId);
	if (!found) throw new Problem("not_found", "this tenant has no policy pack yet");
	return planTemplate(found.pack);
}

export interface NewDraft {
	title: string | null;
	changeSummary: string;
	sections: SectionInput[];
	/** `template`: the expected parts of the pack's emergency response plan. */
	source: "blank" | "copy" | "import" | "template";
	warnings: number;
}

/**
 * Open a new draft version of a document. Only one draft or version in review at a time, so two
 * revisions never race to supersede each other. The emergency response plan may start from its
 * template: the parts its pack expects (contacts, containment, recovery, 再発防止, drills).
 *
 * @throws Problem `validation_failed` (issue `document_has_no_template`) for a template of
 * another kind; `conflict` while a draft or review is open
 */
export async function createDraftVersion(
	tx: Tx,
	actor: Actor,
	documentId: string,
	draft: NewDraft,
): Promise<VersionRow> {
	const policy = await policyFor(tx, actor);
	authorize(actor, policy, "policy_version.draft");
	const document = await documentOr404(tx, actor, documentId);
	assertMayReadContent(actor, policy, document);
	const versions = await listVersions(tx, actor.tenantId, [document.id]);
	const open = versions.find((v) => v.status === "draft" || v.status === "in_review");
	if (open) {
		throw refusal(
			"conflict",
			"draft_open",
			`version ${open.number} of this document is still ${open.status}; finish or edit it first`,
			{ number: open.number, documentStatus: open.status },
		);
	}
	const latest = versions[0];
	let sections = draft.sections;
	if (draft.source === "copy" && latest) {
		sections = JSON.parse(latest.content) as SectionInput[];
	}
	if (draft.source === "template") sections = await templateOf(tx, actor, document);
	const row: VersionRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		document_id: document.id,
		number: (latest?.number ?? 0) + 1,
		status: "draft",
		title: draft.title ?? latest?.title ?? document.title,
		content: JSON.stringify(withAnchors(sections)),
		change_summary: draft.changeSummary,
		created_by: actor.accountId,
		created_at: new Date().toISOString(),
		submitted_at: null,
		submitted_by: null,
		approved_by: null,
		approved_role: null,
		approved_at: null,
		published_at: null,
		superseded_at: null,
		effective_on: null,
		decision_number: null,
		committee_decided_on: null,
	};
	await insertVersion(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy.draft_created",
		{
			documentId: document.id,
			number: row.number,
			source: draft.source,
			sections: countSections(sections),
			warnings: draft.warnings,
		},
		{ recordType: "policy_version", recordId: row.id },
	);
	return row;
}
