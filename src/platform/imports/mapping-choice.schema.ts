import { z } from "@hono/zod-openapi";
import { columnMappingSchema } from "./mapping.schemas.ts";

/**
 * How an import request names the city's own layout (docs/column-mapping.md): spread into a
 * module's import body. Neither: the import's own layout.
 */
export const mappingChoiceFields = {
	/** The city's own layout: read through this column mapping… */
	mapping: columnMappingSchema.optional(),
	/** …or through the mapping saved for this source. */
	mappingSource: z.string().trim().min(1).max(100).optional(),
};
