import type { Queryable } from "../../../db/queryable.ts";
import { ruleIssue } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { type DocumentsPolicy, documentsPolicy } from "./documents.policy.ts";
import {
	type DocumentRow,
	findDocument,
	findVersion,
	type VersionRow,
} from "./documents.repository.ts";
import { separatesDrafter } from "./separation.ts";

/** What the tenant's pack says about its documents' workflow, read once per request. */
export interface DocumentsRules {
	policy: DocumentsPolicy;
	/** 起案者 ≠ 決裁者: the drafter may neither approve nor publish. */
	separateDrafter: boolean;
	/** Who decides the policy: the committee (委員会決定日) or a role (決裁番号). */
	decidedBy: "committee" | "role";
}

/** The tenant's documents rules, built from the pack it runs on now. */
export async function rulesFor(db: Queryable, actor: Actor): Promise<DocumentsRules> {
	const found = await currentTenantPack(db, actor.tenantId);
	if (!found) throw new Problem("not_found", "this tenant has no policy pack yet");
	return {
		policy: documentsPolicy(found.pack),
		separateDrafter: separatesDrafter(found.pack),
		decidedBy:
			found.pack.organisation.approvals.policy.approver === "committee" ? "committee" : "role",
	};
}

/** The tenant's documents policy, built from the pack it runs on now. */
export async function policyFor(db: Queryable, actor: Actor): Promise<DocumentsPolicy> {
	return (await rulesFor(db, actor)).policy;
}

export async function documentOr404(db: Queryable, actor: Actor, id: string): Promise<DocumentRow> {
	const document = await findDocument(db, actor.tenantId, id);
	if (!document) throw new Problem("not_found", `policy document ${id} does not exist`);
	return document;
}

/** Whether the actor may see versions that are not published yet (drafts, in review, approved). */
export function seesWorkflow(actor: Actor, policy: DocumentsPolicy): boolean {
	return can(actor, policy, "policy_version.draft") || can(actor, policy, "policy_version.approve");
}

export function isNonPublic(document: DocumentRow): boolean {
	return document.publication === "non_public";
}

/**
 * A version the actor may know of, with its document: unpublished versions exist only for the
 * workflow roles (404 for others). Reading the content of a non-public document is checked
 * separately, so that a refusal says why.
 */
export async function versionOr404(
	db: Queryable,
	actor: Actor,
	policy: DocumentsPolicy,
	id: string,
): Promise<{ version: VersionRow; document: DocumentRow }> {
	const version = await findVersion(db, actor.tenantId, id);
	const visible =
		version !== undefined &&
		(version.status === "published" ||
			version.status === "superseded" ||
			seesWorkflow(actor, policy));
	if (!version || !visible) throw new Problem("not_found", `policy version ${id} does not exist`);
	const document = await documentOr404(db, actor, version.document_id);
	return { version, document };
}

/**
 * The action that reads a document's content when it is not public: the emergency response
 * plan's own readers, or the readers of the non-public procedures for every other kind. Null
 * when everyone may read it.
 */
export function readActionOf(
	document: Pick<DocumentRow, "publication" | "kind">,
): "policy_version.read_non_public" | "policy_version.read_emergency_plan" | null {
	if (document.publication !== "non_public") return null;
	return document.kind === "emergency_plan"
		? "policy_version.read_emergency_plan"
		: "policy_version.read_non_public";
}

/** Whether the actor may read the document's content. */
export function mayReadContent(
	actor: Actor,
	policy: DocumentsPolicy,
	document: Pick<DocumentRow, "publication" | "kind">,
): boolean {
	const action = readActionOf(document);
	return action === null || can(actor, policy, action);
}

/** Refuse, with a reason, the content of a non-public document to roles the pack does not name. */
export function assertMayReadContent(
	actor: Actor,
	policy: DocumentsPolicy,
	document: DocumentRow,
): void {
	const action = readActionOf(document);
	if (action !== null && !can(actor, policy, action)) {
		const roles = policy[action].join(", ");
		const message = `「${document.title}」 is not public: only the roles the policy names (${roles}) may read it`;
		throw new Problem("forbidden", message, {
			issues: [
				ruleIssue("(document)", "document_not_public", message, { title: document.title, roles }),
			],
			params: { action, roles: policy[action].join(",") },
		});
	}
}

/** The roles that may read a document's content, or null when everyone may. */
export function readersOf(
	policy: DocumentsPolicy,
	document: Pick<DocumentRow, "publication" | "kind">,
) {
	const action = readActionOf(document);
	return action === null ? null : policy[action];
}
