import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { sanitizeAttachment } from "../attachments/sanitize-attachments.ts";
import { mailSettingsOf, mayReleaseAsIs } from "../gateway/mail-settings.ts";
import { mailPolicy } from "../mail.policy.ts";
import { mayDecideFor } from "../mail.scope.ts";
import {
	type AttachmentInput,
	type AttachmentOutcome,
	NEVER_DELIVERED,
	type SanitizePolicy,
	TYPE_CATEGORIES,
	type TypeCategory,
} from "../sanitize.contract.ts";
import { originalAttachment } from "./original-attachment.ts";
import {
	decideReleaseRow,
	findReleaseRequest,
	type ReleaseRequestRow,
} from "./release.repository.ts";
import { attemptReleaseDelivery } from "./retry-release.ts";

/** Sanitise one file; the attachment engine's single-file entry, used for re-sanitising releases. */
export type AttachmentSanitizer = (
	input: AttachmentInput,
	policy: SanitizePolicy,
) => Promise<AttachmentOutcome>;

export interface ReleaseDecision {
	outcome: "approve" | "refuse";
	reason: string;
}

export interface PreparedFile {
	mode: "as_is" | "sanitized";
	filename: string;
	contentType: string;
	content: Buffer;
}

function categoryOf(value: string): TypeCategory {
	return (TYPE_CATEGORIES as readonly string[]).includes(value)
		? (value as TypeCategory)
		: "unknown";
}

/**
 * The file an approval delivers: the original where the tenant allows it, else re-sanitised
 * under the tenant's policy. `mode` is what the approval recorded, for a retry.
 */
export async function prepareFile(
	deps: Pick<AppDeps, "db" | "config">,
	request: ReleaseRequestRow,
	sanitize: AttachmentSanitizer,
	mode?: "as_is" | "sanitized",
): Promise<PreparedFile> {
	const category = categoryOf(request.category);
	if (NEVER_DELIVERED.has(category)) {
		throw refusal(
			"conflict",
			"release_category_never",
			`files of category ${category} are never delivered`,
			{
				category,
			},
		);
	}
	const original = await originalAttachment(deps, request.tenant_id, request.message_id, request);
	if (!original)
		throw refusal(
			"conflict",
			"original_not_in_quarantine",
			"the original is no longer in quarantine",
		);
	const settings = await mailSettingsOf(deps.db, request.tenant_id);
	// A retry never upgrades a re-sanitised approval, and an original goes out only while the
	// tenant still releases its category as is.
	if (mode !== "sanitized" && mayReleaseAsIs(settings, category)) {
		return {
			mode: "as_is",
			filename: original.filename,
			contentType: original.declaredType || "application/octet-stream",
			content: original.content,
		};
	}
	const outcome = await sanitize(original, settings.policy);
	if (
		NEVER_DELIVERED.has(outcome.category) ||
		(outcome.action !== "sanitized" && outcome.action !== "passed") ||
		!outcome.output
	) {
		throw refusal(
			"conflict",
			"release_cannot_sanitize",
			`the file cannot be made harmless (${outcome.action}: ${outcome.reason}); refuse the request instead`,
		);
	}
	return { mode: "sanitized", ...outcome.output };
}

/**
 * Approve or refuse a release request. The approver is the requester's unit's
 * 情報セキュリティ管理者 or the chief officer, never the requester. On approval the file is
 * prepared first (so an approval that cannot be delivered is not recorded), the decision and its
 * audit event commit together, then the file is mailed to the recipient and that is recorded too.
 *
 * @example
 * await decideReleaseRequest(deps, actor, id, { outcome: "approve", reason: "業務上必要" });
 */
/**
 * The request, once the actor may decide it: the requester's unit manager or the chief officer.
 *
 * @throws Problem `not_found` for an unknown id; `forbidden` for anyone else
 */
export async function requestToDecide(
	deps: Pick<AppDeps, "db">,
	actor: Actor,
	id: string,
	verb: "decide" | "resend",
): Promise<ReleaseRequestRow> {
	authorize(actor, mailPolicy, "mail.release_decide");
	const request = await findReleaseRequest(deps.db, actor.tenantId, id);
	if (!request) throw new Problem("not_found", "no such release request");
	if (!(await mayDecideFor(deps.db, actor, request.requested_by))) {
		throw refusal(
			"forbidden",
			"release_decider_only",
			`only the requester's unit manager or the chief officer may ${verb}`,
		);
	}
	return request;
}

export async function decideReleaseRequest(
	deps: Pick<AppDeps, "db" | "config">,
	actor: Actor,
	id: string,
	decision: ReleaseDecision,
	sanitize: AttachmentSanitizer = sanitizeAttachment,
): Promise<ReleaseRequestRow> {
	const request = await requestToDecide(deps, actor, id, "decide");
	if (request.status !== "pending")
		throw refusal("conflict", "already_decided", "the request is already decided");
	const file = decision.outcome === "approve" ? await prepareFile(deps, request, sanitize) : null;
	const status = decision.outcome === "approve" ? "approved" : "refused";
	await inTransaction(deps.db, async (tx) => {
		const decided = await decideReleaseRow(tx, actor.tenantId, id, {
			status,
			decided_by: actor.accountId,
			decision_reason: decision.reason,
			decided_at: new Date().toISOString(),
			delivery_mode: file?.mode ?? null,
		});
		if (!decided) throw refusal("conflict", "already_decided", "the request is already decided");
		await recordAudit(
			tx,
			auditContextOf(actor),
			"mail.release_decided",
			{
				requestId: id,
				messageId: request.message_id,
				outcome: status,
				reason: decision.reason,
				deliveryMode: file?.mode ?? null,
			},
			{ recordType: "mail_release_request", recordId: id },
		);
	});
	if (file) {
		const decided = await findReleaseRequest(deps.db, actor.tenantId, id);
		// A failed attempt is retried by the gateway's loop, and the approver may resend.
		if (decided) await attemptReleaseDelivery(deps, auditContextOf(actor), decided, file);
	}
	const after = await findReleaseRequest(deps.db, actor.tenantId, id);
	if (!after) throw new Problem("not_found", "no such release request");
	return after;
}
