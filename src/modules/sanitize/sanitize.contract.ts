/**
 * The contract of the 無害化 engine: what the message engine (`sanitize-message.ts`), the
 * attachment sanitisers (`attachments/`) and the gateway (`gateway/`) exchange. Types and defaults
 * only; the implementations live beside it.
 */

/** What an attachment really is, decided from its bytes, never from its name or declared type. */
export const TYPE_CATEGORIES = [
	"pdf",
	/** docx, xlsx, pptx and their macro-enabled variants. */
	"ooxml",
	/** Legacy OLE2 compound files (doc, xls, ppt, msg). */
	"ole",
	"image",
	"text",
	/**
	 * Office documents written as text, which Word or Excel open whatever their name: Word and
	 * Excel 2003 XML (SpreadsheetML), Flat OPC, RTF, SYLK, DIF. Converted to plain text or removed.
	 */
	"office-text",
	"archive",
	"html",
	"svg",
	"script",
	"executable",
	"unknown",
] as const;
export type TypeCategory = (typeof TYPE_CATEGORIES)[number];

/** What the policy says to do with an attachment of one category. */
export const ATTACHMENT_RULES = ["remove", "sanitize", "hold", "pass"] as const;
export type AttachmentRule = (typeof ATTACHMENT_RULES)[number];

/** Categories that are never delivered, whatever a policy says. */
export const NEVER_DELIVERED: ReadonlySet<TypeCategory> = new Set([
	"executable",
	"script",
	"html",
	"svg",
	"unknown",
]);

/**
 * Categories never delivered as they came: `NEVER_DELIVERED` and the ones that may only be
 * delivered converted (`office-text`). Their rule is never `pass`, nor are they released as is.
 */
export const NEVER_AS_IS: ReadonlySet<TypeCategory> = new Set([...NEVER_DELIVERED, "office-text"]);

export interface SanitizeLimits {
	maxMessageBytes: number;
	maxMimeDepth: number;
	maxParts: number;
	maxArchiveDepth: number;
	maxArchiveEntries: number;
	/** Total bytes an archive may expand to. */
	maxExpandedBytes: number;
	/** Expanded size ÷ compressed size, per entry and per archive. */
	maxCompressionRatio: number;
	/** Wall-clock time for one message, attachments included. */
	timeoutMs: number;
	/** Heap limit of the attachment worker process. */
	workerMemoryMb: number;
	maxPdfPages: number;
}

export const DEFAULT_LIMITS: SanitizeLimits = {
	maxMessageBytes: 40 * 1024 * 1024,
	maxMimeDepth: 20,
	maxParts: 500,
	maxArchiveDepth: 3,
	maxArchiveEntries: 1000,
	maxExpandedBytes: 200 * 1024 * 1024,
	maxCompressionRatio: 100,
	timeoutMs: 60_000,
	workerMemoryMb: 512,
	maxPdfPages: 200,
};

/** A tenant's 無害化 policy: a rule per category (with `NEVER_DELIVERED` enforced on top). */
export interface SanitizePolicy {
	attachments: Record<TypeCategory, AttachmentRule>;
	limits: SanitizeLimits;
}

export const DEFAULT_POLICY: SanitizePolicy = {
	attachments: {
		pdf: "sanitize",
		ooxml: "sanitize",
		ole: "remove",
		image: "sanitize",
		text: "pass",
		"office-text": "sanitize",
		archive: "sanitize",
		html: "remove",
		svg: "remove",
		script: "remove",
		executable: "remove",
		unknown: "remove",
	},
	limits: DEFAULT_LIMITS,
};

export interface AttachmentInput {
	filename: string;
	declaredType: string;
	/** The declared `charset` parameter, tried first when the content is text. */
	declaredCharset?: string | null;
	content: Buffer;
}

export type AttachmentAction = "removed" | "sanitized" | "passed" | "held";

/**
 * Why the engine did what it did to an attachment, as a stable code; screens show its catalogue
 * text (`mail.reason.<code>`) and fall back to the stored English `reason` for reports written
 * before codes existed.
 */
export const SANITIZE_REASON_CODES = [
	"type_detection_failed",
	"category_never",
	"policy_removes",
	"policy_holds",
	"policy_passes",
	"sanitiser_failed",
	"no_sanitiser",
	"worker_timeout",
	"worker_crashed",
	"office_text_no_conversion",
	"office_text_active",
	"office_text_converted",
	"text_active",
	"text_passed",
	"text_rewritten",
	"pdf_analysis_limits",
	"pdf_password",
	"pdf_unreadable",
	"pdf_too_many_pages",
	"pdf_page_too_large",
	"pdf_render_limits",
	"pdf_render_failed",
	"pdf_rebuilt",
	"gzip_too_large",
	"gzip_corrupt",
	"archive_member_held",
	"archive_only_member_removed",
	"gzip_unpacked",
	"archive_too_deep",
	"archive_type_unsupported",
	"archive_unreadable",
	"archive_member_unreadable",
	"archive_member_ratio",
	"archive_too_large",
	"archive_ratio",
	"archive_rebuilt",
	"archive_rebuilt_removed",
	"ooxml_ratio",
	"ooxml_unreadable",
	"ooxml_xlsb",
	"ooxml_not_office",
	"ooxml_rebuilt_removed",
	"ooxml_rebuilt",
	"image_too_large",
	"image_unreadable",
	"image_reencoded",
	"embedded_message",
] as const;
export type SanitizeReasonCode = (typeof SANITIZE_REASON_CODES)[number];
export type SanitizeReasonParams = Record<string, string | number>;

/** A reason: the English text for reports and the notice, with its code and parameters. */
export interface CodedReason {
	reason: string;
	reasonCode: SanitizeReasonCode;
	reasonParams: SanitizeReasonParams;
}

/**
 * A reason with its stable code, to spread into an outcome.
 *
 * @example
 * return { ok: false, ...because("pdf_unreadable", "PDF cannot be read"), findings };
 */
export function because(
	reasonCode: SanitizeReasonCode,
	reason: string,
	reasonParams: SanitizeReasonParams = {},
): CodedReason {
	return { reason, reasonCode, reasonParams };
}

/** What happened to one attachment (or archive member). */
export interface AttachmentOutcome {
	filename: string;
	/** The MIME type decided from content, e.g. `application/pdf`. */
	trueType: string;
	category: TypeCategory;
	/** For an active format written as text, what it is (`SYLK spreadsheet`); named in the notice. */
	format?: string;
	size: number;
	sha256: string;
	action: AttachmentAction;
	/** Why, in English, for the report and the notice in the body. */
	reason: string;
	/** Why, as a stable code (absent in reports stored before codes existed). */
	reasonCode?: SanitizeReasonCode;
	reasonParams?: SanitizeReasonParams;
	/** What was found inside (e.g. `vbaProject.bin`, `/JavaScript`), for `--explain`. */
	findings: string[];
	/** The file that is delivered, when the action is `sanitized` or `passed`. */
	output?: { filename: string; contentType: string; content: Buffer };
	/** For archives: each member, treated the same way. */
	members?: AttachmentOutcome[];
}

/** What the engine did to one message. */
export interface SanitizeReport {
	messageId: string | null;
	from: string | null;
	to: string[];
	subject: string | null;
	bytesIn: number;
	/** Steps taken, e.g. `html-to-text`, `links-defanged:3`, `headers-reduced`. */
	actions: string[];
	attachments: AttachmentOutcome[];
	durationMs: number;
}

/**
 * Why a whole message was held, as a stable code: stored beside the English `held_reason`
 * (migration 0020) and shown from the catalogue (`mail.held.<code>`).
 */
export const HELD_REASON_CODES = [
	"time_limit",
	"eicar_found",
	"attachment_without_output",
	"attachment_never_delivered",
	"message_too_large",
	"mime_too_many_parts",
	"mime_too_deep",
	"mime_header_too_large",
	"mime_conflicting_types",
	"mime_no_boundary",
	"encrypted_content",
	"message_partial",
	"sanitiser_count_mismatch",
	"attachment_held",
	"embedded_message_held",
	"sanitise_failed",
	"original_gone",
] as const;
export type HeldReasonCode = (typeof HELD_REASON_CODES)[number];

/** A held message's reason: English for the notice and logs, with its code and parameters. */
export interface HeldReason {
	reason: string;
	code: HeldReasonCode;
	params: SanitizeReasonParams;
}

/**
 * A held reason with its stable code.
 *
 * @example
 * heldFor("mime_too_deep", `MIME nesting deeper than ${max}`, { max });
 */
export function heldFor(
	code: HeldReasonCode,
	reason: string,
	params: SanitizeReasonParams = {},
): HeldReason {
	return { reason, code, params };
}

/**
 * Whether the message was held because it carries malware: the engine's own signature check
 * (EICAR, every scanner's test file) found it, at the top or in an embedded message.
 */
export function isMalwareHold(held: HeldReason): boolean {
	return (
		held.code === "eicar_found" ||
		(held.code === "embedded_message_held" && held.params.inner === "eicar_found")
	);
}

export type SanitizeResult =
	| { status: "sanitized"; message: Buffer; report: SanitizeReport }
	| { status: "held"; reason: string; held: HeldReason; report: SanitizeReport };
