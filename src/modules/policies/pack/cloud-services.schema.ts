import { z } from "zod";
import { levelCodeSchema } from "./pack.primitives.ts";

/** Which ISMAP registration a service holding the stricter classes of data must have. */
export const ISMAP_REQUIREMENTS = ["ismap", "ismap_or_liu", "not_required"] as const;

/**
 * Rules of the cloud and external service register (クラウドサービス等の利用). Every field is
 * optional; absent, the defaults below apply, so a pack that says nothing still works:
 *
 * - `strictFrom`: the least protected level (of the confidentiality axis of the default scheme,
 *   or of an importance scheme) from which the stricter requirements apply. Default: the least
 *   protected level whose handling asks for written safeguards when outsourcing
 *   (`handling.outsourcing: written_safeguards`), i.e. 機密性2 in the standard pack.
 * - `strict`: what a service storing such data must meet. Default: full ISMAP registration, data
 *   kept in Japan, backups in the contract.
 * - `freeMail`: whether free mail may be used at all. Default `allowed_with_approval`.
 * - `reviewMonths`: months between reviews when none is given. Default 12.
 * - `reviewWarningDays`: days before a review date when the unit is warned. Default 30.
 */
export const cloudServiceRulesSchema = z.strictObject({
	strictFrom: levelCodeSchema.optional(),
	strict: z
		.strictObject({
			ismap: z.enum(ISMAP_REQUIREMENTS),
			dataInJapan: z.boolean(),
			backups: z.boolean(),
		})
		.optional(),
	freeMail: z.enum(["allowed_with_approval", "prohibited"]).optional(),
	reviewMonths: z.number().int().min(1).max(60).optional(),
	reviewWarningDays: z.number().int().min(1).max(180).optional(),
});
export type CloudServiceRules = z.infer<typeof cloudServiceRulesSchema>;
