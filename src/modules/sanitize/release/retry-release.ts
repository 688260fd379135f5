import { systemActor } from "../../../bootstrap.ts";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { type AuditContext, auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import type { Actor } from "../../authz/roles.ts";
import { sanitizeAttachment } from "../attachments/sanitize-attachments.ts";
import {
	type AttachmentSanitizer,
	type PreparedFile,
	prepareFile,
	requestToDecide,
} from "./decide-release.ts";
import { sendReleasedFile } from "./deliver-release.ts";
import {
	claimDeliveryAttempt,
	dueReleaseDeliveries,
	findReleaseRequest,
	markReleaseDelivered,
	type ReleaseRequestRow,
} from "./release.repository.ts";

/** Automatic attempts at mailing an approved file; after these only the approver's resend. */
export const RELEASE_MAX_ATTEMPTS = 8;

/** Delay before automatic attempt `attempts + 1`: 2, 4, 8 … minutes, at most six hours. */
export function releaseBackoffSeconds(attempts: number): number {
	return Math.min(120 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

/**
 * Make one attempt at mailing an approved file: claim the attempt (so that two workers never
 * send the same file at once), send, and on success mark the request delivered and record
 * `mail.release_delivered`. A failure leaves the next attempt scheduled with a backoff, until
 * `RELEASE_MAX_ATTEMPTS`. Returns whether the file went out. Call outside any transaction.
 */
export async function attemptReleaseDelivery(
	deps: Pick<AppDeps, "db" | "config">,
	context: AuditContext,
	request: ReleaseRequestRow,
	file: PreparedFile,
	now: Date = new Date(),
): Promise<boolean> {
	if (!deps.config.smtpUrl) return false;
	const attempts = Number(request.delivery_attempts);
	const next =
		attempts + 1 < RELEASE_MAX_ATTEMPTS
			? new Date(now.getTime() + releaseBackoffSeconds(attempts + 1) * 1000).toISOString()
			: null;
	const claimed = await claimDeliveryAttempt(
		deps.db,
		request.tenant_id,
		request.id,
		attempts,
		next,
	);
	if (!claimed) return false;
	if (!(await sendReleasedFile(deps.config.smtpUrl, request, file))) return false;
	await inTransaction(deps.db, async (tx) => {
		await markReleaseDelivered(tx, request.tenant_id, request.id, new Date().toISOString());
		await recordAudit(
			tx,
			context,
			"mail.release_delivered",
			{
				requestId: request.id,
				recipient: request.recipient,
				deliveryMode: file.mode,
				sha256: request.sha256,
			},
			{ recordType: "mail_release_request", recordId: request.id },
		);
	});
	return true;
}

function recordedMode(request: ReleaseRequestRow): "as_is" | "sanitized" | undefined {
	return request.delivery_mode === "as_is" || request.delivery_mode === "sanitized"
		? request.delivery_mode
		: undefined;
}

/**
 * Retry the approved releases whose delivery failed and whose next attempt is due, in every
 * tenant. Run by the gateway's delivery loop. A file that can no longer be prepared (its original
 * purged) uses up its attempts and is reported in the log.
 *
 * @example
 * const sent = await retryReleaseDeliveries(deps); // number of files that went out
 */
export async function retryReleaseDeliveries(
	deps: Pick<AppDeps, "db" | "config">,
	now: Date = new Date(),
	sanitize: AttachmentSanitizer = sanitizeAttachment,
): Promise<number> {
	if (!deps.config.smtpUrl) return 0;
	const due = await dueReleaseDeliveries(deps.db, now.toISOString(), RELEASE_MAX_ATTEMPTS);
	let sent = 0;
	for (const request of due) {
		const context = auditContextOf(systemActor(request.tenant_id, "mail gateway"));
		try {
			const file = await prepareFile(deps, request, sanitize, recordedMode(request));
			if (await attemptReleaseDelivery(deps, context, request, file, now)) sent += 1;
		} catch (error) {
			// Count the attempt so that a file that cannot be prepared is not tried forever.
			const attempts = Number(request.delivery_attempts);
			const next =
				attempts + 1 < RELEASE_MAX_ATTEMPTS
					? new Date(now.getTime() + releaseBackoffSeconds(attempts + 1) * 1000).toISOString()
					: null;
			await claimDeliveryAttempt(deps.db, request.tenant_id, request.id, attempts, next);
			console.error(`release ${request.id}: retry failed: ${String(error)}`);
		}
	}
	return sent;
}

/**
 * The approver presses "resend" for an approved file that did not go out: one attempt now,
 * whatever the schedule (the automatic retries stop after `RELEASE_MAX_ATTEMPTS`; this does not).
 * Recorded as `mail.release_resent` with whether it was delivered.
 */
export async function resendRelease(
	deps: Pick<AppDeps, "db" | "config">,
	actor: Actor,
	id: string,
	sanitize: AttachmentSanitizer = sanitizeAttachment,
): Promise<ReleaseRequestRow> {
	const request = await requestToDecide(deps, actor, id, "resend");
	if (request.status !== "approved")
		throw refusal("conflict", "release_not_approved", "the request is not approved");
	if (request.delivered_at)
		throw refusal("conflict", "release_already_sent", "the file has already been sent");
	const file = await prepareFile(deps, request, sanitize, recordedMode(request));
	const delivered = await attemptReleaseDelivery(deps, auditContextOf(actor), request, file);
	await inTransaction(deps.db, (tx) =>
		recordAudit(
			tx,
			auditContextOf(actor),
			"mail.release_resent",
			{ requestId: id, recipient: request.recipient, delivered },
			{ recordType: "mail_release_request", recordId: id },
		),
	);
	const after = await findReleaseRequest(deps.db, actor.tenantId, id);
	if (!after) throw new Problem("not_found", "no such release request");
	return after;
}
