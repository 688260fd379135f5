import { can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { type DocumentsRules, mayReadContent } from "./access.ts";
import { citation, type PolicySection } from "./content.ts";
import type { DocumentAction, DocumentsPolicy } from "./documents.policy.ts";
import type { DocumentRow, RevisionRow, VersionRow } from "./documents.repository.ts";
import type { SectionView } from "./documents.schemas.ts";
import type { DocumentKind } from "./seed-documents.ts";
import { isDrafterOf } from "./separation.ts";
import type { VersionStatus } from "./workflow.ts";

const SHORT_NAMES: Record<DocumentKind, string | null> = {
	basic_policy: "基本方針",
	standards: "対策基準",
	procedures: "実施手順",
	// Named by the pack (緊急時対応計画, インシデント対応実施手順): cited by its own title.
	emergency_plan: null,
	additional: null,
};

export function shortName(document: DocumentRow): string {
	return SHORT_NAMES[document.kind as DocumentKind] ?? document.title;
}

/** The actions a version in its status offers the actor, as policy action names. */
const BY_STATUS: Record<VersionStatus, readonly DocumentAction[]> = {
	draft: ["policy_version.draft", "policy_version.submit"],
	in_review: ["policy_version.return", "policy_version.approve"],
	approved: ["policy_version.publish"],
	published: ["policy_version.acknowledge", "policy_acknowledgement.monitor"],
	superseded: [],
};

export function presentDocument(
	document: DocumentRow,
	versions: readonly VersionRow[],
	actor: Actor,
	policy: DocumentsPolicy,
) {
	const published = versions.find((v) => v.document_id === document.id && v.status === "published");
	const readable = mayReadContent(actor, policy, document);
	const actions: DocumentAction[] = ["policy_version.draft", "policy_document.create"];
	return {
		id: document.id,
		kind: document.kind as DocumentKind,
		title: document.title,
		shortName: shortName(document),
		publication: document.publication as "public" | "non_public" | "unknown",
		readable,
		publishedVersion: published?.number ?? null,
		allowedActions: readable ? actions.filter((a) => can(actor, policy, a)) : [],
	};
}

/** Steps the drafter may not take on a version when the pack separates them. */
const DECISIONS: readonly DocumentAction[] = ["policy_version.approve", "policy_version.publish"];

export function presentVersionSummary(version: VersionRow, actor: Actor, rules: DocumentsRules) {
	const { policy } = rules;
	const status = version.status as VersionStatus;
	const drafted = isDrafterOf(actor, version);
	return {
		id: version.id,
		documentId: version.document_id,
		number: version.number,
		status,
		title: version.title,
		changeSummary: version.change_summary,
		createdAt: version.created_at,
		submittedAt: version.submitted_at,
		approvedAt: version.approved_at,
		approvedRole: version.approved_role,
		publishedAt: version.published_at,
		supersededAt: version.superseded_at,
		effectiveOn: version.effective_on,
		decisionNumber: version.decision_number,
		committeeDecidedOn: version.committee_decided_on,
		draftedByCaller: drafted,
		decidedBy: rules.decidedBy,
		separateDrafter: rules.separateDrafter,
		allowedActions: BY_STATUS[status].filter(
			(a) => can(actor, policy, a) && !(rules.separateDrafter && drafted && DECISIONS.includes(a)),
		),
	};
}

export function presentSections(name: string, sections: readonly PolicySection[]): SectionView[] {
	return sections.map((s) => ({
		anchor: s.anchor,
		citation: citation(name, s.anchor),
		label: s.label,
		title: s.title,
		body: s.body,
		children: presentSections(name, s.children),
	}));
}

export function presentRevision(revision: RevisionRow, versions: readonly VersionRow[]) {
	return {
		date: revision.date,
		kind: revision.kind,
		summary: revision.summary,
		versionNumber: versions.find((v) => v.id === revision.version_id)?.number ?? null,
	};
}
