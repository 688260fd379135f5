import { readFile } from "node:fs/promises";
import { type ColumnMapping, columnMappingSchema } from "../platform/imports/mapping.schemas.ts";
import { UsageError } from "./command.ts";

/**
 * Read a column-mapping document (docs/column-mapping.md) given with `--mapping FILE`: a JSON
 * file the mapping screen saves, or one written by hand.
 *
 * @example
 * const mapping = await readMappingFile("財政課台帳.mapping.json");
 */
export async function readMappingFile(file: string): Promise<ColumnMapping> {
	let data: unknown;
	try {
		data = JSON.parse(await readFile(file, "utf8"));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new UsageError(`--mapping ${file}: cannot read it as JSON (${reason})`);
	}
	const parsed = columnMappingSchema.safeParse(data);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		throw new UsageError(
			`--mapping ${file}: not a column mapping (version 1): ${first?.path.join(".") ?? ""} ${first?.message ?? ""}`,
		);
	}
	return parsed.data;
}
