/** One thing wrong with a model file, at its place (1-based line and column) when known. */
export interface ModelProblem {
	/** `nodes[3].segment`; `(file)` for syntax errors. */
	path: string;
	line: number | null;
	column: number | null;
	message: string;
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
	message: string,
	atKey = false,
): ModelProblem {
	const at = locator.locate(path, atKey);
	return { path: formatPath(path), line: at?.line ?? null, column: at?.column ?? null, message };
}
