import {
	type NetworkIssueCode,
	type NetworkIssueParams,
	networkIssueText,
} from "../../shared/network-issues.ts";

/** One thing wrong with a model file, at its place (1-based line and column) when known. */
export interface ModelProblem {
	/** `nodes[3].segment`; `(file)` for syntax errors. */
	path: string;
	line: number | null;
	column: number | null;
	/** Why, as a stable code of src/shared/network-issues.ts; people read its catalogue text. */
	code: NetworkIssueCode;
	params: NetworkIssueParams;
	/** The English catalogue text, with a library's own detail for syntax errors (developers). */
	message: string;
}

/** What is wrong, as a code with its parameters. */
export interface ProblemReason {
	code: NetworkIssueCode;
	params?: NetworkIssueParams;
	/** The parser's own words, kept in `message` for developers and the CLI only. */
	detail?: string;
}

/** A problem with its English message made from the catalogue. */
export function modelProblem(
	path: string,
	line: number | null,
	column: number | null,
	reason: ProblemReason,
): ModelProblem {
	const params = reason.params ?? {};
	const text = networkIssueText(reason.code, params, "en");
	const message = reason.detail ? `${text} Detail: ${reason.detail}` : text;
	return { path, line, column, code: reason.code, params, message };
}

export type PathKey = string | number;

/** Finds line and column of a path in the parsed document, lazily (only when something is wrong). */
export interface Locator {
	locate(path: readonly PathKey[], atKey?: boolean): { line: number; column: number } | null;
}

/** `nodes[3].segment` from `["nodes", 3, "segment"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = "";
	for (const key of path) {
		if (typeof key === "number") out += `[${key}]`;
		else out += out === "" ? String(key) : `.${String(key)}`;
	}
	return out === "" ? "(root)" : out;
}

export function problemAt(
	locator: Locator,
	path: readonly PathKey[],
	reason: ProblemReason,
	atKey = false,
): ModelProblem {
	const at = locator.locate(path, atKey);
	return modelProblem(formatPath(path), at?.line ?? null, at?.column ?? null, reason);
}
