import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../shared/paging.schema.ts";
import { SOCIAL_MEDIA_STATES } from "./social-media-rules.ts";

/** Length limits shared by the forms and the API. */
export const SOCIAL_MEDIA_LIMITS = {
	service: 100,
	handle: 200,
	purpose: 2000,
	postingRules: 4000,
	reason: 2000,
	note: 2000,
	holders: 50,
} as const;

const idSchema = z.string().min(1).max(64);
/** A Japan calendar date, YYYY-MM-DD. */
const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");
const text = (max: number) => z.string().trim().min(1).max(max);
const versionSchema = z.number().int().min(1);

/**
 * A new account. Who holds the credentials is named (staff of the roster); the credentials
 * themselves are never sent nor kept: the object is strict, so a stray `password` is refused.
 */
export const registerSocialAccountSchema = z
	.strictObject({
		orgUnitId: idSchema,
		/** The service as people name it: X, Facebook, Instagram, LINE, YouTube… */
		service: text(SOCIAL_MEDIA_LIMITS.service),
		handle: text(SOCIAL_MEDIA_LIMITS.handle),
		purpose: text(SOCIAL_MEDIA_LIMITS.purpose),
		/** The responsible person: a member of staff who is a 課長 (section manager). */
		responsibleStaffId: idSchema,
		/** The operating procedure: a policy document of the tenant. */
		procedureDocumentId: idSchema,
		/** What may be posted. */
		postingRules: text(SOCIAL_MEDIA_LIMITS.postingRules),
		/** Who holds the login (staff ids); at least one. */
		credentialHolderIds: z.array(idSchema).min(1).max(SOCIAL_MEDIA_LIMITS.holders),
		mfaEnabled: z.boolean(),
	})
	.openapi("SocialMediaAccountRegistration");
export type RegisterSocialAccountInput = z.infer<typeof registerSocialAccountSchema>;

export const socialAccountVersionSchema = z
	.strictObject({ version: versionSchema })
	.openapi("SocialMediaAccountStep");

export const approveSocialAccountSchema = z
	.strictObject({
		version: versionSchema,
		reason: z.string().trim().max(SOCIAL_MEDIA_LIMITS.reason).default(""),
	})
	.openapi("SocialMediaAccountApproval");

/** A refusal, suspension or closure says why; an empty reason is refused with its own code. */
export const reasonedStepSchema = z
	.strictObject({
		version: versionSchema,
		reason: z.string().trim().max(SOCIAL_MEDIA_LIMITS.reason),
	})
	.openapi("SocialMediaAccountReasonedStep");
export type ReasonedStepInput = z.infer<typeof reasonedStepSchema>;

export const reviewSocialAccountSchema = z
	.strictObject({
		version: versionSchema,
		reviewedOn: daySchema,
		note: text(SOCIAL_MEDIA_LIMITS.note),
	})
	.openapi("SocialMediaAccountReview");
export type ReviewSocialAccountInput = z.infer<typeof reviewSocialAccountSchema>;

export const socialAccountQuerySchema = z.object({
	state: z.enum(SOCIAL_MEDIA_STATES).optional(),
	/** `true`: only accounts flagged 休眠 (no review for the period), `false`: the others. */
	dormant: z.enum(["true", "false"]).optional(),
	orgUnitId: idSchema.optional(),
	offset: offsetParam,
	limit: limitParam(50, 200),
});
export type SocialAccountQuery = z.infer<typeof socialAccountQuerySchema>;

export const socialAccountExportQuerySchema = z.object({
	format: z.enum(["csv", "xlsx"]).default("xlsx"),
	state: z.enum(SOCIAL_MEDIA_STATES).optional(),
	dormant: z.enum(["true", "false"]).optional(),
});

const named = z.object({ id: z.string(), name: z.string() });

export const socialAccountSummarySchema = z
	.object({
		id: z.string(),
		unit: named,
		service: z.string(),
		handle: z.string(),
		state: z.enum(SOCIAL_MEDIA_STATES),
		/** Flagged by the daily job: no review for the period, to be suspended. */
		dormant: z.boolean(),
		responsible: z.string(),
		mfaEnabled: z.boolean(),
		lastReviewedOn: z.string().nullable(),
		createdAt: z.string(),
	})
	.openapi("SocialMediaAccountSummary");

export const socialAccountSchema = socialAccountSummarySchema
	.extend({
		purpose: z.string(),
		responsibleStaff: z.object({ id: z.string(), name: z.string(), title: z.string().nullable() }),
		procedure: z.object({ id: z.string(), title: z.string() }),
		postingRules: z.string(),
		credentialHolders: z.array(named),
		dormantSince: z.string().nullable(),
		/** The Japan date by which the next review is due. */
		reviewDueOn: z.string().nullable(),
		decision: z
			.object({ by: z.string(), as: z.string(), at: z.string(), reason: z.string().nullable() })
			.nullable(),
		endReason: z.string().nullable(),
		suspendedAt: z.string().nullable(),
		closedAt: z.string().nullable(),
		registeredBy: z.string(),
		reviews: z.array(
			z.object({ id: z.string(), reviewedOn: z.string(), by: z.string(), note: z.string() }),
		),
		version: z.number().int(),
		allowedActions: z.array(z.string()),
	})
	.openapi("SocialMediaAccount");
export type SocialAccountView = z.infer<typeof socialAccountSchema>;

/** `allowedActions`: `social_media.register`, `social_media.export` as the caller holds them. */
export const socialAccountListSchema = pagedListSchema(socialAccountSummarySchema).openapi(
	"SocialMediaAccountList",
);

export const socialAccountOptionsSchema = z
	.object({
		/** The units the caller may register accounts for. */
		units: z.array(named),
		/** Active staff of the roster: responsible persons (課長) and credential holders. */
		staff: z.array(
			z.object({
				id: z.string(),
				name: z.string(),
				title: z.string().nullable(),
				unitId: z.string(),
				/** Holds 情報セキュリティ管理者 (課長) for a unit: may be the responsible person. */
				sectionManager: z.boolean(),
			}),
		),
		/** The tenant's policy documents, for the operating procedure. */
		documents: z.array(z.object({ id: z.string(), title: z.string() })),
		/** The roles that decide, and those told of an approval, as the pack names them. */
		deciders: z.array(z.string()),
		notified: z.array(z.string()),
		dormantAfterDays: z.number().int(),
		today: z.string(),
	})
	.openapi("SocialMediaAccountOptions");
