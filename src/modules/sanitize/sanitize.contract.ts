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

/** What happened to one attachment (or archive member). */
export interface AttachmentOutcome {
	filename: string;
	/** The MIME type decided from content, e.g. `application/pdf`. */
	trueType: string;
	category: TypeCategory;
	size: number;
	sha256: string;
	action: AttachmentAction;
	/** Why, in English, for the report and the notice in the body. */
	reason: string;
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

export type SanitizeResult =
	| { status: "sanitized"; message: Buffer; report: SanitizeReport }
	| { status: "held"; reason: string; report: SanitizeReport };
