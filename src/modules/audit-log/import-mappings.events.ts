import { z } from "zod";

/**
 * Audit events of saved column mappings (platform/imports), merged into the catalogue of
 * audit-log.events.ts: which import and source, and which columns the mapping reads.
 */
const saved = {
	kind: z.string(),
	source: z.string(),
	/** The file's column labels mapped to a field, and those ignored. */
	mapped: z.array(z.string()),
	ignored: z.array(z.string()),
};

export const IMPORT_MAPPING_EVENTS = {
	"import_mapping.saved": z.object({ ...saved, created: z.boolean() }),
	"import_mapping.deleted": z.object({ kind: z.string(), source: z.string() }),
};
