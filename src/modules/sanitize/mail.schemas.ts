import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../shared/paging.schema.ts";
import {
	ATTACHMENT_RULES,
	type AttachmentRule,
	HELD_REASON_CODES,
	NEVER_AS_IS,
	NEVER_DELIVERED,
	SANITIZE_REASON_CODES,
	type SanitizeLimits,
	TYPE_CATEGORIES,
	type TypeCategory,
} from "./sanitize.contract.ts";

export const MAIL_STATUSES = ["queued", "delivering", "delivered", "held", "failed"] as const;
export const RELEASE_STATUSES = ["pending", "approved", "refused"] as const;

export const mailListQuerySchema = z.object({
	status: z.enum(MAIL_STATUSES).optional(),
	limit: limitParam(50, 200),
	offset: offsetParam,
});

export const mailMessageSchema = z
	.object({
		id: z.string(),
		from: z.string(),
		to: z.array(z.string()),
		subject: z.string().nullable(),
		size: z.number().int(),
		receivedAt: z.string(),
		status: z.enum(MAIL_STATUSES),
		attempts: z.number().int(),
		/** English, as stored; screens show the catalogue text of `heldReasonCode` when set. */
		heldReason: z.string().nullable(),
		/** Why it was held, as a stable code; null when not held or held before codes existed. */
		heldReasonCode: z.enum(HELD_REASON_CODES).nullable(),
		heldReasonParams: z.record(z.string(), z.union([z.string(), z.number()])),
		deliveredAt: z.string().nullable(),
		attachmentCount: z.number().int(),
	})
	.openapi("MailMessage");

export const mailMessageListSchema = pagedListSchema(mailMessageSchema).openapi("MailMessageList");

export const releaseRequestSchema = z
	.object({
		id: z.string(),
		messageId: z.string(),
		subject: z.string().nullable(),
		from: z.string().nullable(),
		attachmentIndex: z.number().int(),
		filename: z.string(),
		category: z.string(),
		sha256: z.string(),
		requestedBy: z.string(),
		recipient: z.string(),
		reason: z.string(),
		status: z.enum(RELEASE_STATUSES),
		decidedBy: z.string().nullable(),
		decisionReason: z.string().nullable(),
		decidedAt: z.string().nullable(),
		deliveryMode: z.enum(["as_is", "sanitized"]).nullable(),
		deliveredAt: z.string().nullable(),
		createdAt: z.string(),
		allowedActions: z.array(z.enum(["decide", "resend"])),
	})
	.openapi("MailReleaseRequest");

export const mailAttachmentSchema = z
	.object({
		index: z.number().int(),
		filename: z.string(),
		trueType: z.string(),
		category: z.string(),
		size: z.number().int(),
		sha256: z.string(),
		action: z.enum(["removed", "sanitized", "passed", "held"]),
		/** English, as stored; screens show the catalogue text of `reasonCode` when there is one. */
		reason: z.string(),
		/** Why, as a stable code; null for reports stored before codes existed. */
		reasonCode: z.enum(SANITIZE_REASON_CODES).nullable(),
		reasonParams: z.record(z.string(), z.union([z.string(), z.number()])),
		findings: z.array(z.string()),
		/** Whether the caller may ask for the original now. */
		mayRequest: z.boolean(),
	})
	.openapi("MailAttachment");

export const mailMessageDetailSchema = mailMessageSchema
	.extend({
		actions: z.array(z.string()),
		attachments: z.array(mailAttachmentSchema),
		quarantined: z.boolean(),
		releaseRequests: z.array(releaseRequestSchema),
	})
	.openapi("MailMessageDetail");

export const requestReleaseSchema = z
	.object({
		attachmentIndex: z.number().int().min(0).max(10_000),
		reason: z.string().trim().min(1).max(2000),
	})
	.strict()
	.openapi("MailReleaseRequestInput");

export const decideReleaseSchema = z
	.object({
		outcome: z.enum(["approve", "refuse"]),
		reason: z.string().trim().min(1).max(2000),
	})
	.strict()
	.openapi("MailReleaseDecision");

export const releaseRequestListSchema = z
	.object({ items: z.array(releaseRequestSchema) })
	.openapi("MailReleaseRequestList");

export const releaseListQuerySchema = z.object({ status: z.enum(RELEASE_STATUSES).optional() });

export const mailSummarySchema = z
	.object({
		since: z.string(),
		received: z.number().int(),
		byStatus: z.record(z.enum(MAIL_STATUSES), z.number().int()),
		attachmentActions: z.record(
			z.enum(["removed", "sanitized", "passed", "held"]),
			z.number().int(),
		),
		engineActions: z.record(z.string(), z.number().int()),
		held: z.array(mailMessageSchema),
		pendingRequests: z.number().int(),
	})
	.openapi("MailSummary");

/**
 * Bounds of each configurable limit: positive integers, with maxima that keep one message from
 * exhausting the gateway. Units are in the field names (bytes, ms, MB).
 */
export const LIMIT_BOUNDS: Readonly<Record<keyof SanitizeLimits, { min: number; max: number }>> = {
	maxMessageBytes: { min: 1024, max: 512 * 1024 * 1024 },
	maxMimeDepth: { min: 1, max: 100 },
	maxParts: { min: 1, max: 10_000 },
	maxArchiveDepth: { min: 1, max: 10 },
	maxArchiveEntries: { min: 1, max: 100_000 },
	maxExpandedBytes: { min: 1024, max: 4 * 1024 * 1024 * 1024 },
	maxCompressionRatio: { min: 1, max: 10_000 },
	timeoutMs: { min: 1000, max: 30 * 60 * 1000 },
	workerMemoryMb: { min: 64, max: 16_384 },
	maxPdfPages: { min: 1, max: 100_000 },
};

const limitField = (name: keyof SanitizeLimits) => {
	const { min, max } = LIMIT_BOUNDS[name];
	return z
		.number({ error: `${name} must be a number` })
		.int({ error: `${name} must be an integer` })
		.min(min, { error: `${name} must be at least ${min}` })
		.max(max, { error: `${name} must be at most ${max}` });
};

export const sanitizeLimitsSchema = z
	.object({
		maxMessageBytes: limitField("maxMessageBytes"),
		maxMimeDepth: limitField("maxMimeDepth"),
		maxParts: limitField("maxParts"),
		maxArchiveDepth: limitField("maxArchiveDepth"),
		maxArchiveEntries: limitField("maxArchiveEntries"),
		maxExpandedBytes: limitField("maxExpandedBytes"),
		maxCompressionRatio: limitField("maxCompressionRatio"),
		timeoutMs: limitField("timeoutMs"),
		workerMemoryMb: limitField("workerMemoryMb"),
		maxPdfPages: limitField("maxPdfPages"),
	})
	.strict()
	.openapi("MailSanitizeLimits");

export const attachmentRulesSchema = z
	.object(
		Object.fromEntries(TYPE_CATEGORIES.map((c) => [c, z.enum(ATTACHMENT_RULES)])) as Record<
			TypeCategory,
			z.ZodEnum<{ [K in AttachmentRule]: K }>
		>,
	)
	.strict()
	.openapi("MailAttachmentRules");

/**
 * A tenant's settings as an administrator writes them. The invariants are checked here, so that
 * every writer (API, CLI) gets the same answer naming the field at fault.
 */
export const mailSettingsInputSchema = z
	.object({
		retentionDays: z
			.number()
			.int({ error: "retentionDays must be an integer" })
			.min(1, { error: "retentionDays must be at least 1" })
			.max(3650, { error: "retentionDays must be at most 3650" }),
		releaseAsIs: z.array(z.enum(TYPE_CATEGORIES)).max(TYPE_CATEGORIES.length),
		attachments: attachmentRulesSchema,
		limits: sanitizeLimitsSchema,
		/** A message held for malware opens an incident case; on when left out. */
		malwareIncidents: z.boolean().default(true),
	})
	.strict()
	.superRefine((value, ctx) => {
		for (const category of TYPE_CATEGORIES) {
			if (NEVER_AS_IS.has(category) && value.attachments[category] === "pass") {
				ctx.addIssue({
					code: "custom",
					path: ["attachments", category],
					params: { code: "attachment_rule_never", category },
					message: NEVER_DELIVERED.has(category)
						? `attachments.${category}: ${category} files are never delivered; the rule must be remove or hold`
						: `attachments.${category}: ${category} files are never delivered as they are; the rule must be sanitize, remove or hold`,
				});
			}
		}
		value.releaseAsIs.forEach((category, index) => {
			if (NEVER_AS_IS.has(category)) {
				ctx.addIssue({
					code: "custom",
					path: ["releaseAsIs", index],
					params: { code: "release_as_is_never", category },
					message: `releaseAsIs: ${category} files are never released as they are`,
				});
			}
		});
	})
	.openapi("MailSettingsInput");

export const mailSettingsSchema = z
	.object({
		retentionDays: z.number().int(),
		releaseAsIs: z.array(z.enum(TYPE_CATEGORIES)),
		attachments: attachmentRulesSchema,
		limits: sanitizeLimitsSchema,
		malwareIncidents: z.boolean(),
		/** The instance's defaults, for the settings screen. */
		defaults: z.object({
			retentionDays: z.number().int(),
			releaseAsIs: z.array(z.enum(TYPE_CATEGORIES)),
			attachments: attachmentRulesSchema,
			limits: sanitizeLimitsSchema,
			malwareIncidents: z.boolean(),
		}),
		/** Categories that are never delivered: their rule is remove or hold, never pass. */
		neverDelivered: z.array(z.enum(TYPE_CATEGORIES)),
		/** Categories never passed nor released as they are (`neverDelivered` and converted-only). */
		neverAsIs: z.array(z.enum(TYPE_CATEGORIES)),
		limitBounds: z.record(z.string(), z.object({ min: z.number(), max: z.number() })),
		updatedAt: z.string().nullable(),
		/**
		 * The poppler tools this server finds on PATH: while any is missing, PDF attachments are
		 * held, not rebuilt; `install` says how to add them.
		 */
		pdfTools: z.object({
			available: z.boolean(),
			missing: z.array(z.string()),
			package: z.string(),
			install: z.string(),
		}),
		allowedActions: z.array(z.enum(["change"])),
	})
	.openapi("MailSettings");
