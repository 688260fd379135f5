import { z } from "zod";
import {
	localizedLabelSchema,
	localizedTextSchema,
	prop,
	yearMonthSchema,
} from "./pack.primitives.ts";

/**
 * The MIC models of the three-tier separation: α (business terminals in the LGWAN tier),
 * α′ (LGWAN terminals reach chosen cloud services by a local breakout), β and β′ (terminals, and in
 * β′ business systems, in the Internet tier with extra controls).
 */
export const NETWORK_MODELS = ["alpha", "alpha_prime", "beta", "beta_prime"] as const;
export const ZONES = ["mynumber", "lgwan", "internet"] as const;
export type Zone = (typeof ZONES)[number];

export const zoneSchema = z.strictObject({
	name: localizedLabelSchema,
	description: localizedTextSchema,
	/** No communication with the other tiers except by an allowed route. */
	isolated: z.boolean(),
	mfaRequired: z.boolean(),
	/** Terminals are set so that data cannot be taken out (情報持ち出し不可設定). */
	takeOutBlocked: z.boolean(),
	enhancedMonitoring: z.boolean(),
});

/** How a crossing between tiers is made safe. */
export const ROUTE_SAFEGUARDS = ["sanitized", "screen_transfer", "controlled_transfer"] as const;

export const allowedRouteSchema = z
	.strictObject({
		from: z.enum(ZONES),
		to: z.enum(ZONES),
		via: z.enum(ZONES).optional(),
		bidirectional: z.boolean(),
		safeguard: z.enum(ROUTE_SAFEGUARDS),
		since: yearMonthSchema.optional(),
		note: localizedTextSchema.optional(),
	})
	.superRefine((route, ctx) => {
		const from = prop(route, "from");
		const to = prop(route, "to");
		const via = prop(route, "via");
		if (from !== undefined && from === to) {
			ctx.addIssue({ code: "custom", message: "from and to are the same tier", path: ["to"] });
		}
		if (via !== undefined && (via === from || via === to)) {
			ctx.addIssue({ code: "custom", message: "via must be a third tier", path: ["via"] });
		}
	});

export const networkSchema = z.strictObject({
	model: z.enum(NETWORK_MODELS),
	modelNote: localizedTextSchema.optional(),
	zones: z.strictObject({
		mynumber: zoneSchema,
		lgwan: zoneSchema,
		internet: zoneSchema,
	}),
	/** The prefecture's 自治体情報セキュリティクラウド: whose Internet traffic it gathers. */
	securityCloud: z.strictObject({ scope: localizedTextSchema }),
	allowedRoutes: z.array(allowedRouteSchema),
});
export type NetworkModel = z.infer<typeof networkSchema>;
