import { randomUUID } from "node:crypto";
import { exponentialBackoff, holdLease } from "../../../db/claim.ts";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { queueGatewayMalwareReport } from "../../incidents/gateway-malware.ts";
import { emitWebhookEvent } from "../../webhooks/emit-webhook-event.ts";
import {
	type AttachmentOutcome,
	type HeldReason,
	heldFor,
	isMalwareHold,
	type SanitizePolicy,
	type SanitizeReport,
	type SanitizeResult,
} from "../sanitize.contract.ts";
import { sanitizeMessage } from "../sanitize-message.ts";
import {
	claimDueMessage,
	findQuarantined,
	MAIL_QUEUE,
	type MailMessageRow,
	updateLeasedMessage,
} from "./mail-queue.repository.ts";
import { mailSettingsOf } from "./mail-settings.ts";
import { relayFailure, relayRaw } from "./relay.ts";
import { quarantineBox } from "./sealed-bytes.ts";

/** The engine's signature; tests may pass another one until the engine lands. */
export type MessageSanitizer = (raw: Buffer, policy: SanitizePolicy) => Promise<SanitizeResult>;

export interface WorkerOptions {
	/** `smtp://host:port` of the LGWAN-side server. */
	relayUrl: string;
	/** Names this worker's leases; unique per process. */
	owner?: string;
	sanitize?: MessageSanitizer;
	/** Overrides the tenant's policy (from its mail settings); for tests and tools. */
	policy?: SanitizePolicy;
	/**
	 * How long a claimed message stays with this worker unless renewed (it is, every third of it,
	 * while the worker sanitises and relays): a crashed worker's message is claimed again this long
	 * after its last renewal. Default `DEFAULT_LEASE_SECONDS`.
	 */
	leaseSeconds?: number;
	/** Attempts before a message is marked failed (kept and reported, never dropped). */
	maxAttempts?: number;
	/** Send recipients a short notice when their message is held. */
	heldNotice?: { from: string } | undefined;
}

export type DeliveryOutcome = "delivered" | "held" | "retry" | "failed";

export interface DeliveryStep {
	messageId: string;
	outcome: DeliveryOutcome;
	/** False when the downstream server could not be reached. */
	downstreamReachable: boolean;
}

/**
 * The relay claim's lease. Short, so that with the gateway's poll (smtp-gateway.ts) a message whose
 * worker crashed mid-relay is taken over within a minute; renewed, so that a slow relay or a long
 * sanitising run of a live worker is never taken over.
 */
export const DEFAULT_LEASE_SECONDS = 30;

/** Delay before attempt `attempts + 1`: 1, 2, 4 … minutes, at most an hour. */
export function backoffSeconds(attempts: number): number {
	return exponentialBackoff(attempts, 60, 3600);
}

/** The report as stored: outcomes without the delivered files' bytes. */
export function storableReport(report: SanitizeReport): SanitizeReport {
	const strip = (outcome: AttachmentOutcome): AttachmentOutcome => {
		const { output, members, ...rest } = outcome;
		return {
			...rest,
			...(output
				? {
						output: {
							filename: output.filename,
							contentType: output.contentType,
							content: Buffer.alloc(0),
						},
					}
				: {}),
			...(members ? { members: members.map(strip) } : {}),
		};
	};
	return { ...report, attachments: report.attachments.map(strip) };
}

/** The held reason as stored: English words, with the code and parameters beside them. */
function heldColumns(held: HeldReason) {
	return {
		held_reason: held.reason,
		held_reason_code: held.code,
		held_reason_params: JSON.stringify(held.params),
	};
}

function reportJson(report: SanitizeReport): string {
	return JSON.stringify(storableReport(report), (key, value: unknown) =>
		key === "content" ? undefined : value,
	);
}

async function sanitizeOnce(
	deps: Pick<AppDeps, "db" | "config">,
	job: MailMessageRow,
	owner: string,
	options: WorkerOptions,
): Promise<{ sanitized: Buffer } | { held: HeldReason }> {
	if (job.sanitized) return { sanitized: Buffer.from(job.sanitized) };
	const original = await findQuarantined(deps.db, job.tenant_id, job.id);
	if (!original) {
		return { held: heldFor("original_gone", "the original is no longer in quarantine") };
	}
	const raw = quarantineBox(deps.config.dataDir).open(original.sealed);
	let result: SanitizeResult;
	try {
		// The tenant's policy as it stands when the message is sanitised.
		const policy = options.policy ?? (await mailSettingsOf(deps.db, job.tenant_id)).policy;
		result = await (options.sanitize ?? sanitizeMessage)(raw, policy);
	} catch (error) {
		// An engine failure holds the message: nothing unsanitised is ever delivered.
		return {
			held: heldFor(
				"sanitise_failed",
				`sanitising failed: ${error instanceof Error ? error.message : String(error)}`,
			),
		};
	}
	const now = new Date().toISOString();
	if (result.status === "held") {
		await updateLeasedMessage(deps.db, job.id, owner, {
			report: reportJson(result.report),
			...heldColumns(result.held),
			updated_at: now,
		});
		return { held: result.held };
	}
	await updateLeasedMessage(deps.db, job.id, owner, {
		report: reportJson(result.report),
		sanitized: result.message,
		updated_at: now,
	});
	return { sanitized: result.message };
}

async function sendHeldNotice(options: WorkerOptions, job: MailMessageRow): Promise<void> {
	if (!options.heldNotice) return;
	const to = JSON.parse(job.envelope_to) as string[];
	const text = [
		"このメールは無害化の過程で保留され、配送されませんでした。情報セキュリティ担当者にお問い合わせください。",
		"This message was held by the sanitising gateway and not delivered.",
		"",
		`From: ${job.envelope_from}`,
		`Subject: ${job.subject ?? ""}`,
		`Received: ${job.received_at}`,
	].join("\r\n");
	const raw = Buffer.from(
		[
			`From: ${options.heldNotice.from}`,
			`To: ${to.join(", ")}`,
			"Subject: =?UTF-8?B?" +
				Buffer.from("【保留】無害化で保留されたメール").toString("base64") +
				"?=",
			"MIME-Version: 1.0",
			"Content-Type: text/plain; charset=UTF-8",
			"Content-Transfer-Encoding: base64",
			"",
			Buffer.from(text).toString("base64"),
			"",
		].join("\r\n"),
	);
	try {
		await relayRaw(options.relayUrl, { from: options.heldNotice.from, to }, raw);
	} catch (error) {
		console.error(`held notice for ${job.id} failed: ${String(error)}`);
	}
}

/**
 * Claim one due message and take it one step: sanitise (once; the result is kept for retries),
 * then relay. A held message stays in quarantine and is reported; an unreachable downstream puts
 * the message back in the queue with a backoff. Returns null when nothing is due.
 */
export async function deliverNext(
	deps: Pick<AppDeps, "db" | "config" | "engine">,
	options: WorkerOptions,
	now: Date = new Date(),
): Promise<DeliveryStep | null> {
	const owner = options.owner ?? `worker-${randomUUID()}`;
	const leaseMs = (options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
	const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
	const job = await inTransaction(deps.db, (tx) =>
		claimDueMessage(tx, deps.engine, owner, now.toISOString(), leaseUntil),
	);
	if (!job) return null;
	// Renewed on the caller's clock, which a test (or a catch-up run) may have moved.
	const skew = now.getTime() - Date.now();
	const releaseLease = holdLease(deps.db, MAIL_QUEUE, job.id, owner, {
		leaseMs,
		now: () => new Date(Date.now() + skew),
		onError: (error) => console.error(`mail gateway: lease of ${job.id}: ${String(error)}`),
	});
	try {
		return await deliverClaimed(deps, job, owner, options, now);
	} finally {
		releaseLease();
	}
}

/** Sanitise and relay a claimed message, and record the outcome (ending the lease). */
async function deliverClaimed(
	deps: Pick<AppDeps, "db" | "config" | "engine">,
	job: MailMessageRow,
	owner: string,
	options: WorkerOptions,
	now: Date,
): Promise<DeliveryStep> {
	const step = await sanitizeOnce(deps, job, owner, options);
	const at = new Date().toISOString();
	if ("held" in step) {
		const { held } = step;
		const reportsMalware =
			isMalwareHold(held) && (await mailSettingsOf(deps.db, job.tenant_id)).malwareIncidents;
		// Held and, for malware, a case asked for: together or not at all. The case itself is
		// opened by a job of the incidents module, off this path.
		await inTransaction(deps.db, async (tx) => {
			const holding = await updateLeasedMessage(tx, job.id, owner, {
				status: "held",
				...heldColumns(held),
				lease_owner: null,
				lease_until: null,
				updated_at: at,
			});
			if (holding) {
				const data = { messageId: job.id, reason: held.code, receivedAt: job.received_at };
				await emitWebhookEvent(tx, job.tenant_id, "mail.held", { ...data, heldAt: at });
			}
			if (holding && reportsMalware) {
				await queueGatewayMalwareReport(tx, job.tenant_id, {
					messageId: job.id,
					envelopeFrom: job.envelope_from,
					recipients: (JSON.parse(job.envelope_to) as unknown[]).length,
					subject: job.subject,
					receivedAt: job.received_at,
					heldAt: at,
					reason: held.reason,
				});
			}
		});
		await sendHeldNotice(options, job);
		return { messageId: job.id, outcome: "held", downstreamReachable: true };
	}
	const attempts = job.attempts + 1;
	try {
		await relayRaw(
			options.relayUrl,
			{ from: job.envelope_from, to: JSON.parse(job.envelope_to) },
			step.sanitized,
		);
	} catch (error) {
		const failure = relayFailure(error);
		const failed = failure.permanent || attempts >= (options.maxAttempts ?? 50);
		await updateLeasedMessage(deps.db, job.id, owner, {
			status: failed ? "failed" : "queued",
			attempts,
			last_error: failure.message.slice(0, 1000),
			next_attempt_at: new Date(now.getTime() + backoffSeconds(attempts) * 1000).toISOString(),
			lease_owner: null,
			lease_until: null,
			updated_at: at,
		});
		return {
			messageId: job.id,
			outcome: failed ? "failed" : "retry",
			downstreamReachable: !failure.unreachable,
		};
	}
	await updateLeasedMessage(deps.db, job.id, owner, {
		status: "delivered",
		attempts,
		delivered_at: at,
		last_error: null,
		// The harmless copy has done its job; the original stays in quarantine.
		sanitized: null,
		lease_owner: null,
		lease_until: null,
		updated_at: at,
	});
	return { messageId: job.id, outcome: "delivered", downstreamReachable: true };
}

/**
 * Work through every message due at `now`, one at a time. Stops early when the downstream server
 * is unreachable, so one outage does not burn an attempt of every queued message at once.
 */
export async function deliverDue(
	deps: Pick<AppDeps, "db" | "config" | "engine">,
	options: WorkerOptions,
	now: Date = new Date(),
): Promise<DeliveryStep[]> {
	const steps: DeliveryStep[] = [];
	for (;;) {
		const step = await deliverNext(deps, options, now);
		if (!step) return steps;
		steps.push(step);
		if (!step.downstreamReachable) return steps;
	}
}
