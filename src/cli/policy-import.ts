import { readFile, stat } from "node:fs/promises";
import type {
	ImportedSection,
	PolicyImportResult,
} from "../modules/policies/import/import.schemas.ts";
import {
	DEFAULT_IMPORT_LIMITS,
	importPolicyFile,
} from "../modules/policies/import/import-policy.ts";
import { Problem } from "../shared/problem.ts";
import { type Command, parseFlags, UsageError } from "./command.ts";

const SYSTEM_ERRORS: Record<string, string> = {
	ENOENT: "no such file",
	EACCES: "permission denied",
	EPERM: "permission denied",
	EISDIR: "it is a directory",
	ENOTDIR: "a part of the path is not a directory",
};

function unreadable(file: string, error: unknown): Error {
	const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
	const reason = SYSTEM_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
	return new Error(`cannot read ${file}: ${reason}`);
}

/** Read the file, refusing directories and oversized files before loading them. */
async function readPolicyFile(file: string): Promise<Uint8Array> {
	try {
		const info = await stat(file);
		if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
		if (info.size > DEFAULT_IMPORT_LIMITS.maxBytes) {
			throw new Problem(
				"payload_too_large",
				`${file} is ${info.size} bytes; a policy may be at most ${DEFAULT_IMPORT_LIMITS.maxBytes} bytes`,
			);
		}
		return await readFile(file);
	} catch (error) {
		if (error instanceof Problem) throw error;
		throw unreadable(file, error);
	}
}

function shorten(text: string, length = 40): string {
	const line = text.replace(/\n/gu, " ");
	return line.length > length ? `${line.slice(0, length)}…` : line;
}

function countSections(sections: ImportedSection[]): number {
	return sections.reduce((sum, s) => sum + 1 + countSections(s.children), 0);
}

function outlineOf(sections: ImportedSection[], indent: string): string[] {
	return sections.flatMap((s) => [
		`${indent}${s.label} ${s.title !== "" ? s.title : shorten(s.body)}`.trimEnd(),
		...outlineOf(s.children, `${indent}  `),
	]);
}

/** The human-readable report: outline, then definitions, revisions and warnings. */
export function formatImportOutline(result: PolicyImportResult): string {
	const lines: string[] = [];
	if (result.title) lines.push(result.title);
	lines.push(
		`${result.sections.length} top-level sections (${countSections(result.sections)} in all), ` +
			`${result.definitions.length} definitions, ${result.revisions.length} revisions, ` +
			`${result.warnings.length} warnings`,
		"",
		...outlineOf(result.sections, ""),
	);
	if (result.definitions.length > 0) {
		lines.push("", `Definitions (${result.definitions.length}):`);
		for (const d of result.definitions) lines.push(`  ${d.term}: ${shorten(d.meaning)}`);
	}
	if (result.revisions.length > 0) {
		lines.push("", `Revisions (${result.revisions.length}):`);
		for (const r of result.revisions) {
			lines.push(`  ${r.dateText} (${r.date}) ${shorten(r.summary)}`);
		}
	}
	if (result.warnings.length > 0) {
		lines.push("", `Warnings (${result.warnings.length}):`);
		for (const w of result.warnings) {
			lines.push(`  ${w.line === null ? "" : `line ${w.line}: `}${w.message} [${w.code}]`);
		}
	}
	return lines.join("\n");
}

export const policyImportCommand: Command = {
	name: "policy import",
	summary: "Read the plain text of an existing policy into a structured draft",
	usage: "mamori policy import FILE [--json]",
	async run(argv) {
		const { values, positionals } = parseFlags(argv, { json: { type: "boolean" } }, true);
		const [file, ...extra] = positionals;
		if (file === undefined || file === "") throw new UsageError("FILE is required");
		if (extra.length > 0) throw new UsageError(`one FILE only (also got: ${extra.join(" ")})`);
		const result = importPolicyFile(await readPolicyFile(file));
		console.log(values.json ? JSON.stringify(result) : formatImportOutline(result));
		return 0;
	},
};
