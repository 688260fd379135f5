import type { AttachmentOutcome } from "./sanitize.contract.ts";

/**
 * The notice written at the top of a sanitised body when something was taken out. Japanese first,
 * English second: the readers are municipal staff, the reasons come from the sanitisers in English.
 */

const RULE = "────────────────────────────────";

function bytes(size: number): string {
	return `${size.toLocaleString("en-US")} bytes`;
}

/** One block per removed item: name, true type, size, SHA-256 and the reason. */
function removedLines(outcome: AttachmentOutcome): string[] {
	const lines = [`  ・${outcome.filename} (${outcome.trueType}, ${bytes(outcome.size)})`];
	if (outcome.sha256 !== "") lines.push(`    SHA-256: ${outcome.sha256}`);
	if (outcome.reason !== "") lines.push(`    理由 / Reason: ${outcome.reason}`);
	return lines;
}

export interface NoticeInput {
	removed: AttachmentOutcome[];
	/** Parts dropped for reasons of their own (external bodies, signatures), already worded. */
	dropped: string[];
}

/**
 * The notice text, or "" when nothing was removed.
 *
 * @example
 * removalNotice({ removed: [outcome], dropped: [] }); // "【Mamori 無害化】…"
 */
export function removalNotice({ removed, dropped }: NoticeInput): string {
	if (removed.length === 0 && dropped.length === 0) return "";
	const lines = [
		"【Mamori 無害化】このメールから次のものを取り除きました。",
		"[Mamori] The following were removed from this message.",
	];
	if (removed.length > 0) {
		lines.push("", "削除した添付ファイル / Removed attachments:");
		for (const outcome of removed) lines.push(...removedLines(outcome));
	}
	if (dropped.length > 0) {
		lines.push("", "その他 / Other:");
		for (const item of dropped) lines.push(`  ・${item}`);
	}
	lines.push(
		"必要な場合は情報システム担当にお問い合わせください。/ Ask your IT staff if you need them.",
	);
	lines.push(RULE, "");
	return lines.join("\n");
}
