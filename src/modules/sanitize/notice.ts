import { sanitizeReasonText } from "../../shared/mail-reasons.ts";
import type { AttachmentOutcome } from "./sanitize.contract.ts";

/**
 * The notice written at the top of a sanitised body when something was taken out. Japanese first,
 * English second: the readers are municipal staff. Reasons are the catalogue's words for their
 * code (the ones the mail screens show); an outcome without a code keeps the sanitiser's English.
 */

const RULE = "────────────────────────────────";

function bytes(size: number): string {
	return `${size.toLocaleString("en-US")} bytes`;
}

/**
 * Why, under a Japanese and an English label: the catalogue text of the reason's code in each
 * language, or the sanitiser's own words under both labels when the outcome has no code.
 */
function reasonLines(outcome: AttachmentOutcome, labels: { ja: string; en: string }): string[] {
	if (outcome.reasonCode === undefined) {
		return outcome.reason === "" ? [] : [`    ${labels.ja} / ${labels.en}: ${outcome.reason}`];
	}
	const params = outcome.reasonParams ?? {};
	return [
		`    ${labels.ja}: ${sanitizeReasonText(outcome.reasonCode, params, "ja")}`,
		`    ${labels.en}: ${sanitizeReasonText(outcome.reasonCode, params, "en")}`,
	];
}

/** What the file really is: the format recognised in it (when there is one) and its true type. */
function typeOf(outcome: AttachmentOutcome): string {
	return outcome.format ? `${outcome.format}, ${outcome.trueType}` : outcome.trueType;
}

/** One block per removed item: name, what it is, size, SHA-256 and the reason. */
function removedLines(outcome: AttachmentOutcome): string[] {
	const lines = [`  ・${outcome.filename} (${typeOf(outcome)}, ${bytes(outcome.size)})`];
	if (outcome.sha256 !== "") lines.push(`    SHA-256: ${outcome.sha256}`);
	lines.push(...reasonLines(outcome, { ja: "理由", en: "Reason" }));
	return lines;
}

export interface NoticeInput {
	removed: AttachmentOutcome[];
	/** Attachments delivered in another, inert form (an Office document as text, a neutralised CSV). */
	converted?: AttachmentOutcome[];
	/** Parts dropped for reasons of their own (external bodies, signatures), already worded. */
	dropped: string[];
}

/**
 * The notice text, or "" when nothing was removed.
 *
 * @example
 * removalNotice({ removed: [outcome], dropped: [] }); // "【Mamori 無害化】…"
 */
export function removalNotice({ removed, dropped, converted = [] }: NoticeInput): string {
	if (removed.length === 0 && dropped.length === 0) return convertedNotice(converted);
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
	return `${lines.join("\n")}${convertedNotice(converted)}`;
}

/** One block per converted attachment: the name received, the name delivered and what was done. */
function convertedNotice(converted: AttachmentOutcome[]): string {
	if (converted.length === 0) return "";
	const lines = [
		"【Mamori 無害化】次の添付ファイルは安全な形式に変換して届けました。",
		"[Mamori] The following attachments were delivered converted to a safe form.",
	];
	for (const outcome of converted) {
		lines.push(`  ・${outcome.filename} → ${outcome.output?.filename ?? ""} (${typeOf(outcome)})`);
		lines.push(...reasonLines(outcome, { ja: "変換", en: "Done" }));
	}
	lines.push(RULE, "");
	return lines.join("\n");
}
