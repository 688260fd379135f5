import { gunzipSync } from "node:zlib";
import { sizeText } from "../../../shared/issues.ts";
import { extractEntry, readZipDirectory, type ZipEntry, ZipError } from "../../../shared/zip.ts";
import {
	type AttachmentInput,
	type AttachmentOutcome,
	because,
	type CodedReason,
	type SanitizeLimits,
	type SanitizePolicy,
} from "../sanitize.contract.ts";
import type { DetectedType } from "./detect-type.ts";
import {
	type ArchiveBudget,
	type ProcessContext,
	processAttachment,
	type SanitizerResult,
} from "./process-attachment.ts";
import { writeZip, type ZipWriteEntry } from "./zip-writer.ts";

/**
 * Small members compress extremely well without being bombs (a page of spaces); the ratio limit
 * applies once a member or archive expands past this many bytes.
 */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** The most one entry may expand to: the budget left, and its compressed size × the ratio limit. */
export function entryAllowance(
	compressedSize: number,
	budget: ArchiveBudget,
	limits: SanitizeLimits,
): number {
	const left = limits.maxExpandedBytes - budget.expandedBytes;
	return Math.max(
		0,
		Math.min(left, Math.max(RATIO_FLOOR_BYTES, compressedSize * limits.maxCompressionRatio)),
	);
}

/** Why an entry's expansion stopped: the total budget or the ratio. */
function limitReason(entry: ZipEntry, budget: ArchiveBudget, limits: SanitizeLimits): CodedReason {
	const left = limits.maxExpandedBytes - budget.expandedBytes;
	const ratioCap = Math.max(RATIO_FLOOR_BYTES, entry.compressedSize * limits.maxCompressionRatio);
	return ratioCap < left
		? because(
				"archive_member_ratio",
				`member "${entry.name}" expands more than ${limits.maxCompressionRatio}× its compressed size`,
				{ member: entry.name, max: limits.maxCompressionRatio },
			)
		: because(
				"archive_too_large",
				`archive expands past the limit of ${limits.maxExpandedBytes} bytes`,
				{ limit: sizeText(limits.maxExpandedBytes) },
			);
}

function held(
	reason: CodedReason,
	findings: string[] = [],
	members?: AttachmentOutcome[],
): SanitizerResult {
	return { ok: false, ...reason, findings, ...(members ? { members } : {}) };
}

/** Prefix member findings with the member's path, so the archive's findings say where they are. */
function collectFindings(members: readonly AttachmentOutcome[]): string[] {
	return members.flatMap((member) =>
		member.findings.map((finding) => `${member.filename}: ${finding}`),
	);
}

function uniquePath(path: string, taken: Set<string>): string {
	let candidate = path;
	for (let index = 2; taken.has(candidate); index++) {
		const dot = path.lastIndexOf(".");
		candidate =
			dot > 0 ? `${path.slice(0, dot)} (${index})${path.slice(dot)}` : `${path} (${index})`;
	}
	taken.add(candidate);
	return candidate;
}

async function sanitizeGzip(
	input: AttachmentInput,
	policy: SanitizePolicy,
	context: ProcessContext,
): Promise<SanitizerResult> {
	const { limits } = policy;
	const allowance = entryAllowance(input.content.length, context.budget, limits);
	let inner: Buffer;
	try {
		inner = gunzipSync(input.content, { maxOutputLength: Math.max(1, allowance) });
	} catch (error) {
		return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
			? held(because("gzip_too_large", "gzip expands past the archive limits"))
			: held(because("gzip_corrupt", "gzip data is corrupt"));
	}
	context.budget.expandedBytes += inner.length;
	const memberName = input.filename.replace(/\.(gz|tgz)$/i, "") || "content";
	const member = await processAttachment(
		{ filename: memberName, declaredType: "application/octet-stream", content: inner },
		policy,
		{ ...context, depth: context.depth + 1 },
	);
	const findings = collectFindings([member]);
	if (member.action === "held")
		return held(
			because("archive_member_held", `member "${member.filename}" held: ${member.reason}`, {
				member: member.filename,
			}),
			findings,
			[member],
		);
	if (!member.output)
		return held(
			because(
				"archive_only_member_removed",
				`the only member "${member.filename}" was removed: ${member.reason}`,
				{ member: member.filename },
			),
			findings,
			[member],
		);
	return {
		ok: true,
		content: member.output.content,
		contentType: member.output.contentType,
		extension: member.output.filename.split(".").pop() ?? "bin",
		filename: member.output.filename,
		...because("gzip_unpacked", "unpacked from gzip and sanitised"),
		findings,
		members: [member],
	};
}

/**
 * Unpack a ZIP within the limits, put each member through the policy (recursively) and build a
 * new ZIP of what may be delivered. Any limit hit, unsafe name, encrypted member or held member
 * holds the whole archive.
 */
export async function sanitizeArchive(
	input: AttachmentInput,
	detected: DetectedType,
	policy: SanitizePolicy,
	context: ProcessContext,
): Promise<SanitizerResult> {
	const { limits } = policy;
	if (context.depth >= limits.maxArchiveDepth) {
		return held(
			because("archive_too_deep", `archives nested more than ${limits.maxArchiveDepth} deep`, {
				max: limits.maxArchiveDepth,
			}),
		);
	}
	if (detected.trueType === "application/gzip") return sanitizeGzip(input, policy, context);
	if (detected.trueType !== "application/zip")
		return held(
			because("archive_type_unsupported", `cannot unpack ${detected.trueType} archives`, {
				type: detected.trueType,
			}),
		);

	let entries: ZipEntry[];
	try {
		entries = readZipDirectory(input.content, limits.maxArchiveEntries - context.budget.entries);
	} catch (error) {
		return held(
			because("archive_unreadable", error instanceof ZipError ? error.message : "unreadable ZIP"),
		);
	}
	context.budget.entries += entries.length;
	const members: AttachmentOutcome[] = [];
	const files: ZipWriteEntry[] = [];
	const taken = new Set<string>();
	let expanded = 0;
	for (const entry of entries) {
		if (entry.isDirectory) continue;
		let content: Buffer;
		try {
			content = extractEntry(
				input.content,
				entry,
				entryAllowance(entry.compressedSize, context.budget, limits),
			);
		} catch (error) {
			if (error instanceof ZipError && error.kind === "limit") {
				return held(limitReason(entry, context.budget, limits), [], members);
			}
			return held(
				because(
					"archive_member_unreadable",
					error instanceof ZipError ? error.message : `member "${entry.name}" unreadable`,
					{ member: entry.name },
				),
				[],
				members,
			);
		}
		context.budget.expandedBytes += content.length;
		expanded += content.length;
		if (
			expanded > RATIO_FLOOR_BYTES &&
			expanded > input.content.length * limits.maxCompressionRatio
		) {
			return held(
				because(
					"archive_ratio",
					`archive expands more than ${limits.maxCompressionRatio}× its size`,
					{
						max: limits.maxCompressionRatio,
					},
				),
				[],
				members,
			);
		}
		const member = await processAttachment(
			{ filename: entry.name, declaredType: "application/octet-stream", content },
			policy,
			{ ...context, depth: context.depth + 1 },
		);
		members.push(member);
		if (member.action === "held") {
			return held(
				because("archive_member_held", `member "${entry.name}" held: ${member.reason}`, {
					member: entry.name,
				}),
				collectFindings(members),
				members,
			);
		}
		if (member.output) {
			const folder = entry.name.includes("/")
				? entry.name.slice(0, entry.name.lastIndexOf("/") + 1)
				: "";
			files.push({
				name: uniquePath(`${folder}${member.output.filename}`, taken),
				data: member.output.content,
				// Text is deflated; PDFs, images and archives are compressed already and stored.
				compress: /^text\/|json|xml/.test(member.output.contentType),
			});
		}
	}
	const removed = members.filter((member) => member.action === "removed").length;
	return {
		ok: true,
		content: writeZip(files),
		contentType: "application/zip",
		extension: "zip",
		...(removed > 0
			? because("archive_rebuilt_removed", `rebuilt without ${removed} removed member(s)`, {
					count: removed,
				})
			: because("archive_rebuilt", "rebuilt from sanitised members")),
		findings: collectFindings(members),
		members,
	};
}
