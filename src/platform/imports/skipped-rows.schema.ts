import { z } from "@hono/zod-openapi";

/**
 * The rows every import report says it skipped (see `skipRow` in src/shared/row-kinds.ts):
 * spread into a module's report schema.
 */
export const skippedRowsFields = {
	/** Blank rows below the header, skipped. */
	skippedBlank: z.number().int(),
	/** The 1-based row numbers of total rows (合計, 計, 総計, 小計) skipped. */
	skippedTotal: z.array(z.number().int()),
};
