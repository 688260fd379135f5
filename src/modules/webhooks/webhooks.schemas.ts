import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../shared/paging.schema.ts";
import { WEBHOOK_EVENT_TYPES } from "./webhook-events.ts";

/** Length limits shared by the form and the API. */
export const WEBHOOK_LIMITS = { url: 2000, description: 200 } as const;

const eventTypesSchema = z
	.array(z.enum(WEBHOOK_EVENT_TYPES))
	.min(1)
	.max(WEBHOOK_EVENT_TYPES.length)
	.refine((types) => new Set(types).size === types.length, "each event type once");

/** A new subscription; the URL's host must be in the instance's allow-list. */
export const createSubscriptionSchema = z
	.strictObject({
		url: z.url().max(WEBHOOK_LIMITS.url),
		description: z.string().trim().max(WEBHOOK_LIMITS.description).default(""),
		eventTypes: eventTypesSchema,
	})
	.openapi("CreateWebhookSubscription");

export const changeSubscriptionSchema = z
	.strictObject({
		version: z.number().int().min(1),
		url: z.url().max(WEBHOOK_LIMITS.url),
		description: z.string().trim().max(WEBHOOK_LIMITS.description),
		eventTypes: eventTypesSchema,
		enabled: z.boolean(),
	})
	.openapi("ChangeWebhookSubscription");

export const subscriptionVersionSchema = z
	.strictObject({ version: z.number().int().min(1) })
	.openapi("WebhookSubscriptionVersion");

export const subscriptionSchema = z
	.object({
		id: z.string(),
		url: z.string(),
		description: z.string(),
		eventTypes: z.array(z.string()),
		enabled: z.boolean(),
		version: z.number().int(),
		createdBy: z.string(),
		createdAt: z.string(),
		updatedAt: z.string(),
		/** Set only in the answer that created it or rotated it: shown once, never again. */
		secret: z.string().optional(),
		allowedActions: z.array(z.string()),
	})
	.openapi("WebhookSubscription");

export const subscriptionListSchema = z
	.object({
		items: z.array(subscriptionSchema),
		/** The event types one may subscribe to. */
		eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
		allowedActions: z.array(z.string()),
	})
	.openapi("WebhookSubscriptionList");

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

export const deliverySchema = z
	.object({
		id: z.string(),
		subscriptionId: z.string(),
		url: z.string(),
		eventId: z.string(),
		eventType: z.string(),
		status: z.enum(DELIVERY_STATUSES),
		attempts: z.number().int(),
		maxAttempts: z.number().int(),
		/** The receiver's last HTTP status; null when none answered. */
		lastStatus: z.number().int().nullable(),
		lastError: z.string().nullable(),
		/** When the next attempt is due; null once delivered or failed. */
		nextAttemptAt: z.string().nullable(),
		deliveredAt: z.string().nullable(),
		createdAt: z.string(),
	})
	.openapi("WebhookDelivery");

export const deliveryListSchema = pagedListSchema(deliverySchema).openapi("WebhookDeliveryList");

export const deliveryQuerySchema = z.object({
	subscriptionId: z.string().min(1).max(64).optional(),
	status: z.enum(DELIVERY_STATUSES).optional(),
	offset: offsetParam,
	limit: limitParam(50, 200),
});

export type CreateSubscriptionInput = z.infer<typeof createSubscriptionSchema>;
export type ChangeSubscriptionInput = z.infer<typeof changeSubscriptionSchema>;
export type SubscriptionView = z.infer<typeof subscriptionSchema>;
export type DeliveryView = z.infer<typeof deliverySchema>;
