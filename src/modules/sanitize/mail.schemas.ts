import { z } from "@hono/zod-openapi";

export const MAIL_STATUSES = ["queued", "delivering", "delivered", "held", "failed"] as const;
export const RELEASE_STATUSES = ["pending", "approved", "refused"] as const;

export const mailListQuerySchema = z.object({
	status: z.enum(MAIL_STATUSES).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	offset: z.coerce.number().int().min(0).default(0),
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
		heldReason: z.string().nullable(),
		deliveredAt: z.string().nullable(),
		attachmentCount: z.number().int(),
	})
	.openapi("MailMessage");

export const mailMessageListSchema = z
	.object({
		items: z.array(mailMessageSchema),
		total: z.number().int(),
		limit: z.number().int(),
		offset: z.number().int(),
		allowedActions: z.array(z.string()),
	})
	.openapi("MailMessageList");

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
		allowedActions: z.array(z.enum(["decide"])),
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
		reason: z.string(),
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
