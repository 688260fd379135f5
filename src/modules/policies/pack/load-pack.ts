import { readFileSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { type CodedIssue, codedZodIssue, refusal, tooLarge } from "../../../shared/issues.ts";
import { Problem, type ProblemIssue } from "../../../shared/problem.ts";
import { type PolicyPack, policyPackSchema } from "./pack.schema.ts";

/** The packs shipped with Mamori, by id. */
export const BUNDLED_PACK_IDS = ["saga", "kitakyushu", "standard"] as const;
export type BundledPackId = (typeof BUNDLED_PACK_IDS)[number];

/** A pack file larger than this is refused before it is read. */
export const MAX_PACK_BYTES = 1024 * 1024;

const PACK_DIR = resolve(import.meta.dirname, "packs");

// Bundled packs are read once per process; parsing and validating one takes tens of milliseconds.
const bundledCache = new Map<BundledPackId, PolicyPack>();

// YAML features a policy never needs, limited so a hostile file cannot blow up memory or time.
const YAML_OPTIONS = {
	version: "1.2",
	schema: "core",
	merge: false,
	uniqueKeys: true,
	strict: true,
	prettyErrors: true,
	maxAliasCount: 50,
} as const;

export function isBundledPackId(id: string): id is BundledPackId {
	return (BUNDLED_PACK_IDS as readonly string[]).includes(id);
}

/**
 * Reads and validates a pack shipped with Mamori.
 *
 * @example
 * const saga = loadBundledPack("saga");
 * saga.scope.agencies.length; // 7
 */
export function loadBundledPack(id: string): PolicyPack {
	if (!isBundledPackId(id)) {
		throw new Problem(
			"not_found",
			`no bundled policy pack "${id}"; choose one of ${BUNDLED_PACK_IDS.join(", ")}`,
		);
	}
	let pack = bundledCache.get(id);
	if (pack === undefined) {
		pack = loadPackFile(resolve(PACK_DIR, `${id}.yaml`));
		bundledCache.set(id, pack);
	}
	// A copy, so a caller that edits its pack cannot change what the next caller gets.
	return structuredClone(pack);
}

/**
 * The pack a user names: a bundled id (`saga`) or a file path (`./my-city.yaml`).
 *
 * @example
 * loadPack(values.pack ?? "standard");
 */
export function loadPack(spec: string): PolicyPack {
	const looksLikePath = /[\\/]/.test(spec) || /\.(ya?ml|json)$/i.test(spec);
	return looksLikePath ? loadPackFile(spec) : loadBundledPack(spec);
}

/** The bundled packs with their names, in a stable order. */
export function listBundledPacks(): { id: BundledPackId; name: PolicyPack["name"] }[] {
	return BUNDLED_PACK_IDS.map((id) => ({ id, name: loadBundledPack(id).name }));
}

/**
 * Reads a pack file (`.yaml`, `.yml` or `.json`, UTF-8, at most 1 MiB) and validates it.
 * Throws a `Problem`: `not_found`, `payload_too_large`, `unsupported_media_type`, or
 * `validation_failed` with one issue per bad field (syntax errors carry line and column).
 *
 * @example
 * const pack = loadPackFile("./my-city.yaml");
 */
export function loadPackFile(path: string): PolicyPack {
	const extension = extname(path).toLowerCase();
	if (![".yaml", ".yml", ".json"].includes(extension)) {
		throw refusal(
			"unsupported_media_type",
			"pack_file_type",
			`policy pack ${path}: expected a .yaml, .yml or .json file`,
		);
	}
	let size: number;
	try {
		const stats = statSync(path);
		if (!stats.isFile()) throw new Problem("not_found", `policy pack ${path} is not a file`);
		size = stats.size;
	} catch (error) {
		if (error instanceof Problem) throw error;
		throw new Problem("not_found", `policy pack ${path} does not exist or cannot be read`);
	}
	if (size > MAX_PACK_BYTES) {
		throw tooLarge(
			`policy pack ${path} is ${size} bytes; the limit is ${MAX_PACK_BYTES} bytes (1 MiB)`,
			MAX_PACK_BYTES,
		);
	}
	const bytes = readFileSync(path);
	// The file may have grown since it was measured.
	if (bytes.length > MAX_PACK_BYTES) {
		throw tooLarge(`policy pack ${path} exceeds ${MAX_PACK_BYTES} bytes`, MAX_PACK_BYTES);
	}
	const source = decodeUtf8(bytes, path);
	const data = extension === ".json" ? parseJson(source, path) : parseYaml(source, path);
	return validatePack(data, path);
}

function decodeUtf8(bytes: Uint8Array, path: string): string {
	try {
		// Files saved from Excel or Notepad often start with a byte-order mark.
		return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new Problem(
			"validation_failed",
			`policy pack ${path} is not UTF-8 text (Shift_JIS? save it as UTF-8)`,
			{ issues: [{ path: "(file)", message: "not UTF-8", code: "pack_not_utf8", params: {} }] },
		);
	}
}

function parseJson(source: string, path: string): unknown {
	try {
		return JSON.parse(source);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new Problem("validation_failed", `policy pack ${path} is not valid JSON: ${message}`, {
			issues: [{ path: "(file)", message, code: "pack_syntax", params: { format: "JSON" } }],
		});
	}
}

function parseYaml(source: string, path: string): unknown {
	const document = parseDocument(source, YAML_OPTIONS);
	// Warnings (unknown tags, for instance) are refused too: a pack must mean exactly what it says.
	const problems = [...document.errors, ...document.warnings];
	if (problems.length > 0) {
		const issues = problems.map((problem) => {
			const at = problem.linePos?.[0];
			const where = at ? `line ${at.line}, column ${at.col}: ` : "";
			// The library appends " at line L, column C:" and a code excerpt; keep the first clause.
			const message = (problem.message.split("\n")[0] ?? "").replace(
				/ at line \d+, column \d+:?$/,
				"",
			);
			const issue: ProblemIssue = {
				path: "(file)",
				message: `${where}${message || problem.code}`,
				code: at ? "pack_syntax_at" : "pack_syntax",
				params: at ? { format: "YAML", line: at.line, column: at.col } : { format: "YAML" },
			};
			return issue;
		});
		throw new Problem(
			"validation_failed",
			`policy pack ${path} is not valid YAML: ${issues.map((i) => i.message).join("; ")}`,
			{ issues },
		);
	}
	try {
		return document.toJS({ maxAliasCount: YAML_OPTIONS.maxAliasCount });
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new Problem("validation_failed", `policy pack ${path} is not valid YAML: ${message}`, {
			issues: [{ path: "(file)", message, code: "pack_syntax", params: { format: "YAML" } }],
		});
	}
}

/**
 * Validates parsed pack data. Returns the pack, or throws `validation_failed` whose issues name
 * the path of every bad field (`classification.schemes.0.levels.2.code`); unknown fields are
 * listed one by one.
 *
 * @example
 * try { validatePack(JSON.parse(body)); } catch (e) { if (e instanceof Problem) e.issues; }
 */
export function validatePack(data: unknown, source = "policy pack"): PolicyPack {
	const result = policyPackSchema.safeParse(data);
	if (result.success) return result.data;
	const issues = toProblemIssues(result.error.issues, data);
	throw new Problem(
		"validation_failed",
		`${source} is invalid (${issues.length} ${issues.length === 1 ? "problem" : "problems"}): ${issues
			.slice(0, 20)
			.map((i) => `${i.path}: ${i.message}`)
			.join("; ")}${issues.length > 20 ? "; …" : ""}`,
		{ issues },
	);
}

function toProblemIssues(zodIssues: z.core.$ZodIssue[], data: unknown): ProblemIssue[] {
	const seen = new Set<string>();
	const issues: ProblemIssue[] = [];
	const push = (path: PropertyKey[], message: string, [code, params]: CodedIssue) => {
		const joined = path.map(String).join(".") || "(root)";
		const key = `${joined}\u0000${message}`;
		if (seen.has(key)) return;
		seen.add(key);
		// The pack's path (`threats.3.code`) is what its author looks for: it is the `place`.
		issues.push({ path: joined, message, code, params: { ...params, place: joined } });
	};
	for (const issue of zodIssues) {
		if (issue.code === "unrecognized_keys") {
			for (const key of issue.keys)
				push([...issue.path, key], "unknown field", ["unknown_field", {}]);
		} else {
			push(issue.path, issue.message, codedZodIssue(issue, data));
		}
	}
	return issues;
}
