import { createHash } from "node:crypto";
import { sizeText } from "../../shared/issues.ts";
import { sanitizeAttachments } from "./attachments/sanitize-attachments.ts";
import { bodyText } from "./body-text.ts";
import { composeMessage, type OutgoingAttachment, safeFilename } from "./compose.ts";
import { planParts } from "./message-parts.ts";
import { decodeBody, type Envelope, type MimeEntity, parseMime, readEnvelope } from "./mime.ts";
import { scanMimeStructure } from "./mime-scan.ts";
import { removalNotice } from "./notice.ts";
import {
	type AttachmentInput,
	type AttachmentOutcome,
	because,
	type HeldReason,
	heldFor,
	NEVER_DELIVERED,
	type SanitizePolicy,
	type SanitizeReport,
	type SanitizeResult,
} from "./sanitize.contract.ts";

export interface SanitizeOptions {
	/** The attachment step; `sanitizeAttachments` unless a test supplies its own. */
	sanitizeAttachments?: typeof sanitizeAttachments;
}

/** Largest header block of one entity. */
const MAX_HEADER_BYTES = 256 * 1024;
/** The EICAR anti-malware test file: any part carrying it holds the message. */
const EICAR = Buffer.from(
	"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*",
	"latin1",
);
/** Content types that are never delivered, whatever a sanitiser answers. */
const UNDELIVERABLE_TYPE =
	/^(?:text\/html|application\/xhtml|image\/svg|text\/javascript|application\/(?:javascript|ecmascript|x-msdownload|x-dosexec|x-executable|x-sh|hta|x-ms-shortcut|vnd\.microsoft\.portable-executable|rtf|x-sylk|x-dif|x-mimearchive|x-mswinurl|x-ms-scf|vnd\.ms-(?:wordml|spreadsheetml|flat-opc|office)\+xml)|text\/(?:rtf|x-ms-iqy|x-ms-regedit|x-script|x-wsf))/i;

/** Thrown to hold the message from deep inside the engine. */
/** Thrown to hold the message; carries the reason's code for the report and the screens. */
class Hold extends Error {
	readonly held: HeldReason;
	constructor(held: HeldReason) {
		super(held.reason);
		this.held = held;
	}
}

interface Run {
	policy: SanitizePolicy;
	attachments: typeof sanitizeAttachments;
	signal: AbortSignal;
	/** Entities counted so far across this message and its embedded messages. */
	parts: number;
}

function emptyReport(raw: Buffer): SanitizeReport {
	return {
		messageId: null,
		from: null,
		to: [],
		subject: null,
		bytesIn: raw.length,
		actions: [],
		attachments: [],
		durationMs: 0,
	};
}

function fillFromEnvelope(report: SanitizeReport, envelope: Envelope): void {
	report.messageId = envelope.messageId;
	report.from = envelope.from[0]?.address ?? null;
	report.to = [...envelope.to, ...envelope.cc].map((a) => a.address).filter((a) => a !== "");
	report.subject = envelope.subject;
}

function checkTime(signal: AbortSignal): void {
	if (signal.aborted) throw new Hold(heldFor("time_limit", "time limit exceeded"));
}

function carriesEicar(content: Buffer, where: string): void {
	if (content.includes(EICAR))
		throw new Hold(
			heldFor("eicar_found", `the EICAR anti-malware test signature was found in ${where}`),
		);
}

function nameOf(entity: MimeEntity): string {
	return safeFilename(entity.filename ?? `part-${entity.partId || "1"}`);
}

/** A sanitiser's answer is only trusted when it is consistent with the contract. */
function deliverable(outcome: AttachmentOutcome): OutgoingAttachment {
	const output = outcome.output;
	if (output === undefined)
		throw new Hold(
			heldFor(
				"attachment_without_output",
				`attachment "${outcome.filename}" was ${outcome.action} without output`,
				{ filename: outcome.filename },
			),
		);
	if (NEVER_DELIVERED.has(outcome.category) || UNDELIVERABLE_TYPE.test(output.contentType)) {
		throw new Hold(
			heldFor(
				"attachment_never_delivered",
				`attachment "${outcome.filename}" (${outcome.category}, ${output.contentType}) may never be delivered`,
				{ filename: outcome.filename },
			),
		);
	}
	carriesEicar(output.content, `attachment "${outcome.filename}"`);
	return { filename: output.filename, contentType: output.contentType, content: output.content };
}

/** A change the recipient should be told of: another format, or cells rewritten. */
function isConversion(outcome: AttachmentOutcome): boolean {
	return (
		outcome.category === "office-text" ||
		outcome.findings.some((finding) => finding.startsWith("formula cells neutralised"))
	);
}

/** Sanitise one message (top level or embedded); throws Hold to hold it. */
async function sanitizeOne(
	raw: Buffer,
	run: Run,
	report: SanitizeReport,
	depth: number,
	counted: boolean,
): Promise<Buffer> {
	const limits = run.policy.limits;
	if (raw.length > limits.maxMessageBytes) {
		throw new Hold(
			heldFor(
				"message_too_large",
				`message of ${raw.length} bytes is over the limit of ${limits.maxMessageBytes}`,
				{ limit: sizeText(limits.maxMessageBytes) },
			),
		);
	}
	const scan = scanMimeStructure(
		raw,
		{
			maxDepth: limits.maxMimeDepth,
			maxParts: counted ? limits.maxParts : limits.maxParts - run.parts,
			maxHeaderBytes: MAX_HEADER_BYTES,
		},
		depth,
	);
	if (scan.held !== null) throw new Hold(scan.held);
	if (!counted) run.parts += scan.parts;
	const actions: string[] = [];
	if (scan.unclosedMultiparts > 0) actions.push("repaired=missing-final-boundary");
	if (scan.duplicateContentTypes > 0) actions.push("duplicate-content-type");

	const envelope = readEnvelope(raw, MAX_HEADER_BYTES);
	fillFromEnvelope(report, envelope);
	const root = await parseMime(
		raw,
		{ maxParts: limits.maxParts, maxHeaderBytes: MAX_HEADER_BYTES },
		run.signal,
	);
	checkTime(run.signal);
	const plan = planParts(root, depth, limits.maxMimeDepth);
	if (plan.hold !== null) throw new Hold(plan.hold);
	actions.push(...plan.actions);

	for (const entity of plan.bodies) carriesEicar(decodeBody(entity), "the message body");
	const body = bodyText(plan.bodies);
	actions.push(...body.actions);
	if (body.links > 0) actions.push(`links-defanged=${body.links}`);
	checkTime(run.signal);

	const inputs: AttachmentInput[] = plan.attachments.map((entity) => {
		const content = decodeBody(entity);
		const filename = nameOf(entity);
		carriesEicar(content, `attachment "${filename}"`);
		if (entity.filenames.length > 1) actions.push(`filename-conflict=${filename}`);
		return { filename, declaredType: entity.contentType, declaredCharset: entity.charset, content };
	});
	const outcomes = inputs.length === 0 ? [] : await run.attachments(inputs, run.policy);
	checkTime(run.signal);
	if (outcomes.length !== inputs.length)
		throw new Hold(
			heldFor(
				"sanitiser_count_mismatch",
				"the attachment sanitisers answered for a different number of files",
			),
		);
	const delivered: OutgoingAttachment[] = [];
	const removed: AttachmentOutcome[] = [];
	const converted: AttachmentOutcome[] = [];
	for (const outcome of outcomes) {
		report.attachments.push(outcome);
		switch (outcome.action) {
			case "held":
				throw new Hold(
					heldFor("attachment_held", `attachment "${outcome.filename}" held: ${outcome.reason}`, {
						filename: outcome.filename,
					}),
				);
			case "removed":
				removed.push(outcome);
				actions.push(`attachment-removed=${outcome.filename}`);
				break;
			case "sanitized":
			case "passed":
				delivered.push(deliverable(outcome));
				actions.push(`attachment-${outcome.action}=${outcome.filename}`);
				if (outcome.action === "sanitized" && isConversion(outcome)) converted.push(outcome);
				break;
		}
	}

	for (const { entity, depth: at } of plan.messages) {
		checkTime(run.signal);
		const inner = emptyReport(Buffer.alloc(0));
		const content = decodeBody(entity);
		inner.bytesIn = content.length;
		const innerCounted = counted || ["", "7bit", "8bit", "binary"].includes(entity.encoding);
		let message: Buffer;
		try {
			message = await sanitizeOne(content, run, inner, at + 1, innerCounted);
		} catch (error) {
			if (error instanceof Hold) {
				// The innermost cause, however deep the message is embedded.
				const inner =
					error.held.code === "embedded_message_held"
						? String(error.held.params.inner)
						: error.held.code;
				throw new Hold(
					heldFor("embedded_message_held", `embedded message: ${error.message}`, { inner }),
				);
			}
			throw error;
		}
		const filename = safeFilename(
			`${entity.filename?.replace(/\.eml$/i, "") ?? inner.subject ?? "message"}.eml`,
		);
		report.attachments.push({
			filename,
			trueType: "message/rfc822",
			category: "text",
			size: content.length,
			sha256: createHash("sha256").update(content).digest("hex"),
			action: "sanitized",
			...because("embedded_message", "embedded message sanitised like the message itself"),
			findings: inner.actions,
			members: inner.attachments,
			output: { filename, contentType: "message/rfc822", content: message },
		});
		delivered.push({ filename, contentType: "message/rfc822", content: message });
		actions.push(`message-sanitized=${filename}`);
	}

	actions.push("headers-reduced");
	report.actions.push(...actions);
	const notice = removalNotice({ removed, converted, dropped: plan.dropped });
	const shown =
		actions.length > 40 ? [...actions.slice(0, 40), `(${actions.length - 40} more)`] : actions;
	return composeMessage({
		...envelope,
		sanitized: shown.join("; "),
		text: `${notice}${body.text}`,
		attachments: delivered,
	});
}

/**
 * Parse a message and build a new, harmless one: plain-text body with defanged links, attachments
 * through `sanitizeAttachments`, embedded messages sanitised the same way, a reduced set of
 * headers and `X-Mamori-Sanitized`. Anything over a limit, undecidable or failing is held with a
 * reason; this function never throws.
 *
 * @example
 * const result = await sanitizeMessage(raw, DEFAULT_POLICY);
 * if (result.status === "sanitized") deliver(result.message); else quarantine(result.reason);
 */
export async function sanitizeMessage(
	raw: Buffer,
	policy: SanitizePolicy,
	options: SanitizeOptions = {},
): Promise<SanitizeResult> {
	const started = performance.now();
	const report = emptyReport(raw);
	const controller = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	const held = (reason: HeldReason): SanitizeResult => {
		report.durationMs = performance.now() - started;
		return { status: "held", reason: reason.reason, held: reason, report };
	};
	try {
		const run: Run = {
			policy,
			attachments: options.sanitizeAttachments ?? sanitizeAttachments,
			signal: controller.signal,
			parts: 0,
		};
		const timeout = new Promise<never>((_resolve, reject) => {
			timer = setTimeout(() => {
				controller.abort(new Hold(heldFor("time_limit", "time limit exceeded")));
				reject(
					new Hold(
						heldFor("time_limit", `time limit of ${policy.limits.timeoutMs} ms exceeded`, {
							ms: policy.limits.timeoutMs,
						}),
					),
				);
			}, policy.limits.timeoutMs);
		});
		const message = await Promise.race([sanitizeOne(raw, run, report, 0, false), timeout]);
		report.durationMs = performance.now() - started;
		return { status: "sanitized", message, report };
	} catch (error) {
		if (error instanceof Hold) return held(error.held);
		const detail = error instanceof Error ? error.message : String(error);
		return held(heldFor("sanitise_failed", `the message could not be sanitised: ${detail}`));
	} finally {
		clearTimeout(timer);
	}
}
