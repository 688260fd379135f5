import { createHash } from "node:crypto";
import {
	type AttachmentInput,
	type AttachmentOutcome,
	type AttachmentRule,
	because,
	NEVER_AS_IS,
	NEVER_DELIVERED,
	type SanitizePolicy,
	type SanitizeReasonCode,
	type SanitizeReasonParams,
	type TypeCategory,
} from "../sanitize.contract.ts";
import { escalate } from "./by-name.ts";
import { deliverTextFile } from "./deliver-text.ts";
import { type DetectedType, detectType } from "./detect-type.ts";

/**
 * One attachment (or archive member) through the policy: detect its true type, then remove, hold,
 * pass or sanitise it. Runs inside the worker process for the heavy categories; never throws.
 */

/** Shared by every level of one attachment's archive tree, so nesting cannot multiply the limits. */
export interface ArchiveBudget {
	expandedBytes: number;
	entries: number;
}

export interface ProcessContext {
	/** How many archives enclose this item (0 for an attachment). */
	depth: number;
	budget: ArchiveBudget;
	/** Epoch milliseconds after which external tools (pdftoppm) are not started or are killed. */
	deadline: number;
}

/** What a sanitiser returns: a new file, or a reason to hold the original. */
export type SanitizerResult =
	| {
			ok: true;
			content: Buffer;
			contentType: string;
			extension: string;
			/** The delivered name when the sanitiser decides it (a gzip delivers its member). */
			filename?: string;
			reason: string;
			reasonCode?: SanitizeReasonCode;
			reasonParams?: SanitizeReasonParams;
			findings: string[];
			members?: AttachmentOutcome[];
	  }
	| {
			ok: false;
			reason: string;
			reasonCode?: SanitizeReasonCode;
			reasonParams?: SanitizeReasonParams;
			findings: string[];
			members?: AttachmentOutcome[];
	  };

/** Categories whose sanitiser needs the worker process (native decoders, external tools). */
export const WORKER_CATEGORIES: ReadonlySet<TypeCategory> = new Set([
	"pdf",
	"ooxml",
	"image",
	"archive",
]);

export function sha256Hex(content: Buffer): string {
	return createHash("sha256").update(content).digest("hex");
}

export function rootContext(
	policy: SanitizePolicy,
	deadline = Date.now() + policy.limits.timeoutMs,
): ProcessContext {
	return { depth: 0, budget: { expandedBytes: 0, entries: 0 }, deadline };
}

/**
 * The policy's rule, with `NEVER_DELIVERED` enforced on top (such files are removed or held
 * only) and `NEVER_AS_IS` (never passed: converted instead).
 */
export function effectiveRule(category: TypeCategory, policy: SanitizePolicy): AttachmentRule {
	const rule = policy.attachments[category] ?? "hold";
	if (NEVER_DELIVERED.has(category)) return rule === "hold" ? "hold" : "remove";
	if (NEVER_AS_IS.has(category) && rule === "pass") return "sanitize";
	return rule;
}

/** The name of the delivered copy: the original base name with the extension its content earns. */
export function outputName(filename: string, extension: string): string {
	const base = (filename.split(/[\\/]/).pop() ?? "").trim();
	const dot = base.lastIndexOf(".");
	const stem = dot > 0 ? base.slice(0, dot) : base;
	return `${stem || "attachment"}.${extension}`;
}

const DESCRIPTIONS: Record<TypeCategory, string> = {
	pdf: "PDF document",
	ooxml: "Office document",
	ole: "legacy Office (OLE2) file",
	image: "image",
	text: "text file",
	"office-text": "Office document written as text",
	archive: "archive",
	html: "HTML file",
	svg: "SVG image",
	script: "script",
	executable: "executable program",
	unknown: "file of unknown or unsupported type",
};

/** Run the category's sanitiser, loading it only when needed (they pull in native libraries). */
async function runSanitizer(
	input: AttachmentInput,
	detected: DetectedType,
	policy: SanitizePolicy,
	context: ProcessContext,
): Promise<SanitizerResult | null> {
	switch (detected.category) {
		case "pdf":
			return (await import("./sanitize-pdf.ts")).sanitizePdf(input.content, policy, context);
		case "ooxml":
			return (await import("./sanitize-ooxml.ts")).sanitizeOoxml(
				input.content,
				detected,
				policy,
				context,
			);
		case "image":
			return (await import("./sanitize-image.ts")).sanitizeImage(input.content, detected);
		case "archive":
			return (await import("./sanitize-archive.ts")).sanitizeArchive(
				input,
				detected,
				policy,
				context,
			);
		default:
			return null;
	}
}

/**
 * Detect, decide and act on one file. Never throws: a failure anywhere holds the file.
 *
 * @example
 * const outcome = await processAttachment({ filename: "a.txt", declaredType: "text/plain", content }, DEFAULT_POLICY);
 */
export async function processAttachment(
	input: AttachmentInput,
	policy: SanitizePolicy,
	context: ProcessContext = rootContext(policy),
): Promise<AttachmentOutcome> {
	const base = {
		filename: input.filename,
		size: input.content.length,
		sha256: sha256Hex(input.content),
	};
	let detected: DetectedType;
	try {
		detected = escalate(await detectType(input.content), input);
	} catch (error) {
		return {
			...base,
			trueType: "application/octet-stream",
			category: "unknown",
			action: "held",
			...because("type_detection_failed", `type detection failed: ${(error as Error).message}`),
			findings: [],
		};
	}
	const described = {
		...base,
		trueType: detected.trueType,
		category: detected.category,
		...(detected.format === undefined ? {} : { format: detected.format }),
	};
	const rule = effectiveRule(detected.category, policy);
	const what = detected.format ?? DESCRIPTIONS[detected.category];
	const never = NEVER_DELIVERED.has(detected.category);
	if (rule === "remove") {
		return {
			...described,
			action: "removed",
			...(never
				? because("category_never", `${what} is never delivered`, { category: detected.category })
				: because("policy_removes", `policy removes: ${what}`, { category: detected.category })),
			findings: detected.findings,
		};
	}
	if (rule === "hold") {
		return {
			...described,
			action: "held",
			...because("policy_holds", `policy holds: ${what}`, { category: detected.category }),
			findings: detected.findings,
		};
	}
	if (detected.category === "text" || detected.category === "office-text") {
		return { ...described, ...deliverTextFile(input, detected) };
	}
	if (rule === "pass") {
		return {
			...described,
			action: "passed",
			...because("policy_passes", `policy passes unchanged: ${what}`, {
				category: detected.category,
			}),
			findings: detected.findings,
			output: {
				filename: outputName(input.filename, detected.extension),
				contentType: detected.trueType,
				content: input.content,
			},
		};
	}
	let result: SanitizerResult | null;
	try {
		result = await runSanitizer(input, detected, policy, context);
	} catch (error) {
		result = {
			ok: false,
			...because("sanitiser_failed", `sanitiser failed: ${(error as Error).message}`),
			findings: [],
		};
	}
	if (!result) {
		return {
			...described,
			action: "held",
			...because("no_sanitiser", `no sanitiser for ${what}s`, { category: detected.category }),
			findings: detected.findings,
		};
	}
	const findings = [...new Set([...detected.findings, ...result.findings])];
	const members = result.members ? { members: result.members } : {};
	const coded = result.reasonCode
		? { reasonCode: result.reasonCode, reasonParams: result.reasonParams ?? {} }
		: {};
	if (!result.ok)
		return { ...described, action: "held", reason: result.reason, ...coded, findings, ...members };
	return {
		...described,
		action: "sanitized",
		reason: result.reason,
		...coded,
		findings,
		output: {
			filename: result.filename ?? outputName(input.filename, result.extension),
			contentType: result.contentType,
			content: result.content,
		},
		...members,
	};
}
