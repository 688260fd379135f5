import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../../audit/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertMayReadContent, documentOr404, policyFor } from "./access.ts";
import { countSections, type SectionInput, withAnchors } from "./content.ts";
import { insertVersion, listVersions, type VersionRow } from "./documents.repository.ts";

export interface NewDraft {
	title: string | null;
	changeSummary: string;
	sections: SectionInput[];
	source: "blank" | "copy" | "import";
	warnings: number;
}

/**
 * Open a new draft version of a document. Only one draft or version in review at a time, so two
 * revisions never race to supersede each other.
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
