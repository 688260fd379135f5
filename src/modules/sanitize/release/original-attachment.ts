import { createHash } from "node:crypto";
import type { AppDeps } from "../../../deps.ts";
import { findQuarantined } from "../gateway/mail-queue.repository.ts";
import { quarantineBox } from "../gateway/sealed-bytes.ts";
import type { AttachmentInput } from "../sanitize.contract.ts";

/**
 * An attachment of a quarantined original, found by its SHA-256 as the engine reported it (else by
 * file name). Null when the original has been purged or holds no such attachment.
 */
export async function originalAttachment(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	messageId: string,
	wanted: { sha256: string; filename: string },
): Promise<AttachmentInput | null> {
	const stored = await findQuarantined(deps.db, tenantId, messageId);
	if (!stored) return null;
	const raw = quarantineBox(deps.config.dataDir).open(stored.sealed);
	// Loaded on first use: mailparser and its HTML stack cost ~35 MB of RSS at start-up.
	const { simpleParser } = await import("mailparser");
	const parsed = await simpleParser(raw);
	const candidates = parsed.attachments.map((a) => ({
		filename: a.filename ?? "attachment",
		declaredType: a.contentType,
		content: a.content,
		sha256: createHash("sha256").update(a.content).digest("hex"),
	}));
	const found =
		(wanted.sha256 ? candidates.find((c) => c.sha256 === wanted.sha256) : undefined) ??
		candidates.find((c) => c.filename === wanted.filename);
	if (!found) return null;
	return { filename: found.filename, declaredType: found.declaredType, content: found.content };
}
