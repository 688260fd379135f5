import { z } from "@hono/zod-openapi";
import { DATE_STYLES } from "../../shared/dates.ts";
import { BUNDLED_PACK_IDS } from "../policies/pack/load-pack.ts";

export const tenantSlugSchema = z
	.string()
	.min(2)
	.max(40)
	.regex(/^[a-z][a-z0-9-]*$/, "lowercase letters, digits and hyphens, starting with a letter");

export const tenantInputSchema = z
	.strictObject({
		slug: tenantSlugSchema,
		name: z.string().trim().min(1).max(100),
		pack: z
			.enum(BUNDLED_PACK_IDS)
			.default("standard")
			.openapi({ description: "A bundled policy pack" }),
	})
	.openapi("TenantInput");
export type TenantInput = z.infer<typeof tenantInputSchema>;

export const tenantSchema = z
	.object({
		id: z.string(),
		slug: z.string(),
		name: z.string(),
		pack: z.string(),
		createdAt: z.string(),
	})
	.openapi("Tenant");

export const publicTenantSchema = z
	.object({ slug: z.string(), name: z.string() })
	.openapi("PublicTenant");

export const dateStyleSchema = z.enum(DATE_STYLES).openapi("DateStyle", {
	description: "How the tenant writes dates: 和暦 (令和8年12月8日) or 西暦 (2026年12月8日)",
});

/** The days a tenant aims at for a preliminary incident report (速報): 1–30, or null for the pack's. */
const preliminaryDaysSchema = z.number().int().min(1).max(30).nullable().openapi({
	description: "Days for a preliminary report (速報) to the PPC; null: the pack's aim (3–5 days)",
});

export const tenantSettingsInputSchema = z
	.strictObject({
		dateStyle: dateStyleSchema,
		/** Left out: unchanged. */
		incidentPreliminaryDays: preliminaryDaysSchema.optional(),
	})
	.openapi("TenantSettingsInput");

export const tenantSettingsSchema = z
	.object({
		dateStyle: dateStyleSchema,
		incidentPreliminaryDays: preliminaryDaysSchema,
		/** The pack's aim, which applies while the tenant sets none. */
		packPreliminaryDays: z.number().int().nullable(),
		allowedActions: z.array(z.enum(["change"])),
	})
	.openapi("TenantSettings");
