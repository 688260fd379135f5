import { type Document, isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { sizeText } from "../../shared/issues.ts";
import {
	CIDR_MESSAGE,
	MODEL_ID_MESSAGE,
	type NetworkModelFile,
	networkModelSchema,
} from "./model.schema.ts";
import {
	formatPath,
	type Locator,
	type ModelProblem,
	modelProblem,
	type PathKey,
	type ProblemReason,
	problemAt,
} from "./model-problems.ts";
import { referenceProblems } from "./model-references.ts";

export type { ModelProblem } from "./model-problems.ts";
export { formatPath } from "./model-problems.ts";

export interface ParsedModel {
	model: NetworkModelFile | null;
	problems: ModelProblem[];
}

/** A model file larger than this is refused (a 200,000-flow model is about 30 MiB of YAML). */
export const MAX_MODEL_BYTES = 64 * 1024 * 1024;

const YAML_OPTIONS = {
	version: "1.2",
	schema: "core",
	merge: false,
	uniqueKeys: true,
	strict: true,
	prettyErrors: true,
	maxAliasCount: 100,
} as const;

/**
 * Parses and validates a network model file. Returns the model only when there is no problem;
 * otherwise every problem once, each with its path and (for YAML and JSON alike) line:column.
 * Checks beyond the schema: duplicate ids, references to unknown segments, nodes and gateways,
 * addresses that map to no segment, and loops in gateway chains.
 *
 * @example
 * const { model, problems } = parseModelFile(readFileSync("net.yaml", "utf8"), "yaml");
 * for (const p of problems) console.error(`${p.line}:${p.column} ${p.path}: ${p.message}`);
 */
export function parseModelFile(text: string, format: "yaml" | "json"): ParsedModel {
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (source.length > MAX_MODEL_BYTES) {
		return {
			model: null,
			problems: [
				fileProblem({ code: "model_too_large", params: { limit: sizeText(MAX_MODEL_BYTES) } }),
			],
		};
	}
	let data: unknown;
	let locator: Locator;
	if (format === "json") {
		try {
			data = JSON.parse(source);
		} catch (error) {
			return { model: null, problems: [jsonSyntaxProblem(source, error)] };
		}
		// Positions are only needed when something is wrong: parse again for them on demand.
		let lazy: Locator | undefined;
		locator = {
			locate: (path, atKey) => {
				lazy ??= yamlLocator(source).locator;
				return lazy.locate(path, atKey);
			},
		};
	} else {
		const parsed = yamlLocator(source);
		if (parsed.problems.length > 0) return { model: null, problems: parsed.problems };
		try {
			data = parsed.document.toJS({ maxAliasCount: YAML_OPTIONS.maxAliasCount });
		} catch (error) {
			return {
				model: null,
				problems: [fileProblem({ code: "model_yaml_aliases", detail: errorText(error) })],
			};
		}
		locator = parsed.locator;
	}
	const result = networkModelSchema.safeParse(data);
	if (!result.success) {
		return { model: null, problems: inFileOrder(schemaProblems(result.error.issues, locator)) };
	}
	const problems = referenceProblems(result.data, locator);
	return problems.length > 0
		? { model: null, problems: inFileOrder(problems) }
		: { model: result.data, problems: [] };
}

/** Problems sorted by place, so a reader can walk the file top to bottom. */
function inFileOrder(problems: ModelProblem[]): ModelProblem[] {
	const key = (p: ModelProblem) => (p.line ?? Number.MAX_SAFE_INTEGER) * 10_000 + (p.column ?? 0);
	return problems.sort((a, b) => key(a) - key(b));
}

function fileProblem(
	reason: ProblemReason,
	line: number | null = null,
	column: number | null = null,
): ModelProblem {
	return modelProblem("(file)", line, column, reason);
}

function jsonSyntax(detail: string): ProblemReason {
	return { code: "model_json_syntax", detail };
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function jsonSyntaxProblem(source: string, error: unknown): ModelProblem {
	const message = errorText(error);
	const lineColumn = /line (\d+) column (\d+)/.exec(message);
	if (lineColumn) {
		return fileProblem(
			jsonSyntax(message.replace(/ *\(line \d+ column \d+\)/, "")),
			Number(lineColumn[1]),
			Number(lineColumn[2]),
		);
	}
	const position = /position (\d+)/.exec(message);
	if (position) {
		const { line, column } = lineColumnAt(source, Number(position[1]));
		return fileProblem(
			jsonSyntax(message.replace(/ in JSON at position \d+.*$/, "")),
			line,
			column,
		);
	}
	// V8 quotes an excerpt instead of a position for an unexpected token: find the shortest
	// prefix that fails before its end; the culprit is its last character.
	const excerpt = message.replace(/^(Unexpected token[^,]*),.*$/s, "$1");
	const offset = firstBadOffset(source);
	if (offset === null) return fileProblem(jsonSyntax(excerpt));
	const { line, column } = lineColumnAt(source, offset);
	return fileProblem(jsonSyntax(excerpt), line, column);
}

function firstBadOffset(source: string): number | null {
	const failsInside = (length: number) => {
		try {
			JSON.parse(source.slice(0, length));
			return false;
		} catch (error) {
			const message = errorText(error);
			if (message.includes("Unexpected end")) return false;
			const position = /position (\d+)/.exec(message);
			return position === null || Number(position[1]) < length;
		}
	};
	if (!failsInside(source.length)) return null;
	let low = 0;
	let high = source.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (failsInside(middle)) high = middle;
		else low = middle + 1;
	}
	return Math.max(0, low - 1);
}

function lineColumnAt(source: string, offset: number): { line: number; column: number } {
	let line = 1;
	let start = 0;
	for (let i = 0; i < offset && i < source.length; i++) {
		if (source.charCodeAt(i) === 10) {
			line++;
			start = i + 1;
		}
	}
	return { line, column: offset - start + 1 };
}

function yamlLocator(source: string): {
	document: Document.Parsed;
	locator: Locator;
	problems: ModelProblem[];
} {
	const lineCounter = new LineCounter();
	const document = parseDocument(source, { ...YAML_OPTIONS, lineCounter });
	const problems = [...document.errors, ...document.warnings].map((error) => {
		const at = error.linePos?.[0];
		// The library appends " at line L, column C:" and an excerpt; keep the first clause.
		const message = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
		const code = error.code === "DUPLICATE_KEY" ? "model_yaml_duplicate_key" : "model_yaml_syntax";
		return fileProblem({ code, detail: message || error.code }, at?.line ?? null, at?.col ?? null);
	});
	const locator: Locator = {
		locate(path, atKey = false) {
			let node: unknown = document.contents;
			let keyNode: unknown = null;
			for (const key of path) {
				if (isMap(node)) {
					const pair = node.items.find((item) => {
						const k = item.key as { value?: unknown } | null;
						return k !== null && typeof k === "object" && String(k.value) === String(key);
					});
					if (pair === undefined) break;
					keyNode = pair.key;
					node = pair.value;
				} else if (isSeq(node) && typeof key === "number") {
					const item = node.items[key];
					if (item === undefined) break;
					keyNode = null;
					node = item;
				} else {
					break;
				}
			}
			const target = (atKey && keyNode !== null ? keyNode : node) as Node | null;
			const offset = target?.range?.[0];
			if (offset === undefined) return null;
			const position = lineCounter.linePos(offset);
			return { line: position.line, column: position.col };
		},
	};
	return { document, locator, problems };
}

function schemaProblems(issues: z.core.$ZodIssue[], locator: Locator): ModelProblem[] {
	const seen = new Set<string>();
	const problems: ModelProblem[] = [];
	const push = (path: PathKey[], reason: ProblemReason, atKey = false) => {
		const key = `${formatPath(path)}\u0000${reason.code}\u0000${JSON.stringify(reason.params)}`;
		if (seen.has(key)) return;
		seen.add(key);
		problems.push(problemAt(locator, path, reason, atKey));
	};
	for (const issue of issues) {
		const path = issue.path.filter((k): k is PathKey => typeof k !== "symbol");
		if (issue.code === "unrecognized_keys") {
			for (const key of issue.keys) {
				push([...path, key], { code: "model_unknown_field", params: { key } }, true);
			}
		} else {
			push(path, schemaReason(issue, path));
		}
	}
	return problems;
}

/** The code of one schema issue; Zod's own English stays in the message as a detail. */
function schemaReason(issue: z.core.$ZodIssue, path: readonly PathKey[]): ProblemReason {
	const detail = issue.message;
	switch (issue.code) {
		case "invalid_type":
			if (issue.input === undefined) return { code: "model_field_required" };
			return { code: "model_value_type", params: { expected: issue.expected }, detail };
		case "invalid_value":
			if (path.length === 1 && path[0] === "formatVersion") {
				return { code: "model_format_version", detail };
			}
			return {
				code: "model_value_choice",
				params: { options: issue.values.map(String).join(", ") },
				detail,
			};
		case "invalid_format":
			if (issue.message === MODEL_ID_MESSAGE) return { code: "model_id_invalid" };
			if (issue.message === CIDR_MESSAGE) return { code: "model_cidr_invalid" };
			return { code: "model_value_invalid", detail };
		case "too_big":
			if (issue.origin === "string") {
				return { code: "model_value_too_long", params: { max: Number(issue.maximum) } };
			}
			if (issue.origin === "array") {
				return { code: "model_value_too_many", params: { max: Number(issue.maximum) } };
			}
			return { code: "model_value_range", params: rangeOf(path), detail };
		case "too_small":
			if (issue.origin === "string") return { code: "model_value_too_short" };
			if (issue.origin === "array") {
				return { code: "model_value_too_few", params: { min: Number(issue.minimum) } };
			}
			return { code: "model_value_range", params: rangeOf(path), detail };
		default:
			return { code: "model_value_invalid", detail };
	}
}

/** The one numeric range of the format: a port. */
function rangeOf(path: readonly PathKey[]): { min: number; max: number } {
	return path.at(-1) === "port" ? { min: 0, max: 65535 } : { min: 0, max: 0 };
}
