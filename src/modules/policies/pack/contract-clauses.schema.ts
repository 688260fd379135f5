import { z } from "zod";
import {
	codeSchema,
	levelCodeSchema,
	localizedLabelSchema,
	localizedTextSchema,
} from "./pack.primitives.ts";

/**
 * One security clause a 業務委託 contract is checked for (遵守, 責任者, 再委託の制限, 返却・消去, …).
 * `requiredFrom` is the least strict confidentiality level of the ledger's scheme (a C level of a
 * CIA scheme, a level of an importance scheme) from which the clause is required; `always`: every
 * contract handling ledger assets; absent: wherever the strictest level involved says
 * `outsourcing: written_safeguards` in its handling.
 */
export const contractClauseSchema = z.strictObject({
	code: codeSchema,
	label: localizedLabelSchema,
	requiredFrom: z.union([z.literal("always"), levelCodeSchema]).optional(),
	note: localizedTextSchema.optional(),
});
export type ContractClause = z.infer<typeof contractClauseSchema>;
