import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { refusal, ruleIssue } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { findAccount } from "../../accounts/accounts.repository.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { findQuarantined } from "../gateway/mail-queue.repository.ts";
import { mailPolicy } from "../mail.policy.ts";
import { findScopedMessage } from "../mail.repository.ts";
import { mailScopeOf, ownAddress } from "../mail.scope.ts";
import type { SanitizeReport } from "../sanitize.contract.ts";
import {
	insertReleaseRequest,
	type ReleaseRequestRow,
	releaseRequestsOfMessage,
} from "./release.repository.ts";

/** Attachments a recipient may ask for: what the engine removed, sanitised or held. */
export const RELEASABLE_ACTIONS: ReadonlySet<string> = new Set(["removed", "sanitized", "held"]);

/**
 * A recipient asks for the original of an attachment that was removed or sanitised. Only an
 * envelope recipient (matched by the account's e-mail) may ask, once per attachment at a time,
 * and only while the original is still in quarantine.
 */
export async function requestRelease(
	tx: Tx,
	actor: Actor,
	messageId: string,
	input: { attachmentIndex: number; reason: string },
): Promise<ReleaseRequestRow> {
	authorize(actor, mailPolicy, "mail.release_request");
	const own = await ownAddress(tx, actor);
	const message = own
		? await findScopedMessage(
				tx,
				actor.tenantId,
				{ kind: "addresses", addresses: [own], own },
				messageId,
			)
		: undefined;
	if (!message || !own) {
		const visible = await findScopedMessage(
			tx,
			actor.tenantId,
			await mailScopeOf(tx, actor),
			messageId,
		);
		if (visible)
			throw refusal(
				"forbidden",
				"release_recipient_only",
				"only a recipient of the message may ask for a release",
			);
		throw new Problem("not_found", "no such message");
	}
	const report = message.report ? (JSON.parse(message.report) as SanitizeReport) : null;
	const attachment = report?.attachments[input.attachmentIndex];
	if (!attachment) {
		throw new Problem("validation_failed", "the message has no such attachment", {
			issues: [ruleIssue("attachmentIndex", "attachment_unknown", "no such attachment")],
		});
	}
	if (!RELEASABLE_ACTIONS.has(attachment.action)) {
		throw refusal(
			"conflict",
			"attachment_delivered_unchanged",
			"this attachment was delivered unchanged; there is nothing to release",
		);
	}
	if (!(await findQuarantined(tx, actor.tenantId, messageId))) {
		throw refusal(
			"conflict",
			"original_purged",
			"the original has been purged after its retention period",
		);
	}
	const existing = await releaseRequestsOfMessage(tx, actor.tenantId, messageId);
	if (
		existing.some((r) => r.attachment_index === input.attachmentIndex && r.status !== "refused")
	) {
		throw refusal(
			"conflict",
			"release_already_requested",
			"a release of this attachment is already requested or approved",
		);
	}
	const row: ReleaseRequestRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		message_id: messageId,
		attachment_index: input.attachmentIndex,
		filename: attachment.filename,
		sha256: attachment.sha256,
		category: attachment.category,
		requested_by: actor.accountId,
		// The account's address as it is written: the released file is mailed there.
		recipient: (await findAccount(tx, actor.tenantId, actor.accountId))?.email ?? own,
		reason: input.reason,
		status: "pending",
		decided_by: null,
		decision_reason: null,
		decided_at: null,
		delivery_mode: null,
		delivered_at: null,
		delivery_attempts: 0,
		next_delivery_at: null,
		created_at: new Date().toISOString(),
	};
	await insertReleaseRequest(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"mail.release_requested",
		{
			messageId,
			attachmentIndex: input.attachmentIndex,
			filename: attachment.filename,
			sha256: attachment.sha256,
			category: attachment.category,
			reason: input.reason,
		},
		{ recordType: "mail_release_request", recordId: row.id },
	);
	return row;
}
