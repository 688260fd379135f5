import type { ColumnDataType } from "kysely";
import type { Engine } from "../connection.ts";

/** Column types that differ between the engines, so migrations read the same on both. */
export function columnTypes(engine: Engine): { instant: ColumnDataType; flag: ColumnDataType } {
	return engine === "postgres"
		? { instant: "timestamptz", flag: "boolean" }
		: { instant: "text", flag: "integer" };
}
