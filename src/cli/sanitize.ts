import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import {
	type AttachmentOutcome,
	DEFAULT_POLICY,
	type SanitizePolicy,
	type SanitizeResult,
} from "../modules/sanitize/sanitize.contract.ts";
import { type Command, parseFlags, UsageError } from "./command.ts";

/** The engine (MIME and charset libraries) loads when a message is sanitised, not at CLI start. */
const engine = () => import("../modules/sanitize/sanitize-message.ts");

/** Exit code when a message was held rather than sanitised. */
export const EXIT_HELD = 3;

const SYSTEM_ERRORS: Record<string, string> = {
	ENOENT: "no such file or directory",
	EACCES: "permission denied",
	EPERM: "permission denied",
	EISDIR: "it is a directory",
	ENOTDIR: "a part of the path is not a directory",
	ENOSPC: "no space left on the device",
};

function ioError(action: string, path: string, error: unknown): Error {
	const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
	const reason = SYSTEM_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
	return new Error(`cannot ${action} ${path}: ${reason}`);
}

const SIZE = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i;
const UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** "40M", "512KiB", "1000000" → bytes. */
export function parseSize(value: string, flag: string): number {
	const match = SIZE.exec(value.trim());
	if (!match) throw new UsageError(`${flag} takes a size such as 40M or 1048576 (got "${value}")`);
	const unit = (match[2] ?? "").toLowerCase().charAt(0);
	return Math.floor(Number(match[1]) * (UNITS[unit] ?? 1));
}

/** "30s", "1500ms", "1500" (milliseconds) → milliseconds. */
export function parseDuration(value: string, flag: string): number {
	const match = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/i.exec(value.trim());
	if (!match)
		throw new UsageError(`${flag} takes a duration such as 30s or 1500ms (got "${value}")`);
	const ms = Number(match[1]) * (match[2]?.toLowerCase() === "s" ? 1000 : 1);
	if (ms <= 0) throw new UsageError(`${flag} must be more than zero`);
	return Math.ceil(ms);
}

function positiveInt(value: string, flag: string): number {
	const n = Number(value);
	if (!Number.isInteger(n) || n <= 0)
		throw new UsageError(`${flag} takes a whole number above zero`);
	return n;
}

function outcomeLines(outcome: AttachmentOutcome, indent: string): string[] {
	const lines = [
		`${indent}${outcome.filename}: ${outcome.action} (${outcome.category}, ${outcome.trueType}, ${outcome.size} bytes)`,
	];
	if (outcome.reason) lines.push(`${indent}  reason: ${outcome.reason}`);
	if (outcome.sha256) lines.push(`${indent}  sha256: ${outcome.sha256}`);
	for (const finding of outcome.findings) lines.push(`${indent}  found: ${finding}`);
	for (const member of outcome.members ?? []) lines.push(...outcomeLines(member, `${indent}    `));
	return lines;
}

/** What was found and done, for `--explain`. */
export function explain(name: string, result: SanitizeResult): string {
	const { report } = result;
	const lines = [
		`${name}: ${result.status === "held" ? `HELD: ${result.reason}` : "sanitised"}`,
		`  from: ${report.from ?? "(none)"}`,
		`  to: ${report.to.join(", ") || "(none)"}`,
		`  subject: ${report.subject ?? "(none)"}`,
		`  message-id: ${report.messageId ?? "(none)"}`,
		`  size: ${report.bytesIn} bytes in${result.status === "sanitized" ? `, ${result.message.length} bytes out` : ""}; ${report.durationMs.toFixed(1)} ms`,
	];
	if (report.actions.length > 0) {
		lines.push("  done:");
		for (const action of report.actions) lines.push(`    ${action}`);
	}
	if (report.attachments.length > 0) {
		lines.push("  attachments:");
		for (const outcome of report.attachments) lines.push(...outcomeLines(outcome, "    "));
	}
	return lines.join("\n");
}

/** Write next to the target and rename, so a reader never sees half a message. */
async function writeAtomically(path: string, content: Buffer): Promise<void> {
	const temporary = `${path}.${process.pid}.partial`;
	try {
		await writeFile(temporary, content, { mode: 0o600 });
		await rename(temporary, path);
	} catch (error) {
		throw ioError("write", path, error);
	}
}

async function readMessage(path: string): Promise<Buffer> {
	try {
		return await readFile(path);
	} catch (error) {
		throw ioError("read", path, error);
	}
}

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** A progress bar on a terminal; nothing in between on a pipe or file (held lines still print). */
function progress(done: number, total: number, held: number): void {
	if (!process.stderr.isTTY) return;
	const width = 30;
	const filled = Math.round((done / Math.max(total, 1)) * width);
	process.stderr.write(
		`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}  held ${held}`,
	);
	if (done === total) process.stderr.write("\n");
}

async function sanitizeDirectory(
	input: string,
	output: string,
	policy: SanitizePolicy,
	withExplanation: boolean,
): Promise<number> {
	let names: string[];
	try {
		const entries = await readdir(input, { withFileTypes: true });
		names = entries
			.filter((e) => e.isFile() && !e.name.startsWith("."))
			.map((e) => e.name)
			.sort();
		await mkdir(output, { recursive: true });
	} catch (error) {
		throw ioError("use", `${input} or ${output}`, error);
	}
	const started = performance.now();
	let held = 0;
	let bytesIn = 0;
	let bytesOut = 0;
	progress(0, names.length, 0);
	for (const [index, name] of names.entries()) {
		const raw = await readMessage(join(input, name));
		bytesIn += raw.length;
		const result = await (await engine()).sanitizeMessage(raw, policy);
		if (result.status === "sanitized") {
			await writeAtomically(join(output, name), result.message);
			bytesOut += result.message.length;
		} else {
			held++;
			if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
			console.error(`held: ${name}: ${result.reason}`);
		}
		if (withExplanation) console.log(explain(name, result));
		progress(index + 1, names.length, held);
	}
	const seconds = (performance.now() - started) / 1000;
	console.log(
		`${names.length} messages: ${names.length - held} sanitised, ${held} held; ` +
			`${megabytes(bytesIn)} in, ${megabytes(bytesOut)} out; ${seconds.toFixed(2)} s`,
	);
	return held > 0 ? EXIT_HELD : 0;
}

export const sanitizeCommand: Command = {
	name: "sanitize",
	summary:
		"Sanitise mail (無害化): text-only body, defanged links, safe attachments; exit 3 when held",
	usage:
		"mamori sanitize IN.eml|DIR -o OUT.eml|OUTDIR [--explain] [--max-size 40M] [--timeout 60s] [--max-depth N] [--max-parts N]",
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{
				output: { type: "string", short: "o" },
				explain: { type: "boolean" },
				"max-size": { type: "string" },
				timeout: { type: "string" },
				"max-depth": { type: "string" },
				"max-parts": { type: "string" },
			},
			true,
		);
		const [input, ...extra] = positionals;
		if (input === undefined || input === "")
			throw new UsageError("IN (a message file or a directory) is required");
		if (extra.length > 0) throw new UsageError(`one IN only (also got: ${extra.join(" ")})`);
		const output = values.output;
		if (output === undefined || output === "") throw new UsageError("-o OUT is required");
		const limits = { ...DEFAULT_POLICY.limits };
		if (values["max-size"] !== undefined)
			limits.maxMessageBytes = parseSize(values["max-size"], "--max-size");
		if (values.timeout !== undefined) limits.timeoutMs = parseDuration(values.timeout, "--timeout");
		if (values["max-depth"] !== undefined)
			limits.maxMimeDepth = positiveInt(values["max-depth"], "--max-depth");
		if (values["max-parts"] !== undefined)
			limits.maxParts = positiveInt(values["max-parts"], "--max-parts");
		const policy: SanitizePolicy = { ...DEFAULT_POLICY, limits };

		let isDirectory: boolean;
		try {
			isDirectory = (await stat(input)).isDirectory();
		} catch (error) {
			throw ioError("read", input, error);
		}
		if (isDirectory) return sanitizeDirectory(input, output, policy, values.explain === true);

		const result = await (await engine()).sanitizeMessage(await readMessage(input), policy);
		if (values.explain) console.log(explain(basename(input), result));
		if (result.status === "held") {
			console.error(`mamori sanitize: held: ${result.reason}`);
			return EXIT_HELD;
		}
		await writeAtomically(output, result.message);
		return 0;
	},
};
