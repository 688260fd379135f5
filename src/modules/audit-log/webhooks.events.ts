import { z } from "zod";

/**
 * Audit events of webhook subscriptions (modules/webhooks), merged into the catalogue of
 * audit-log.events.ts. The signing secret is never here.
 */
const subscription = {
	url: z.string(),
	description: z.string(),
	eventTypes: z.array(z.string()),
	enabled: z.boolean(),
};

export const WEBHOOK_EVENTS = {
	"webhook.subscribed": z.object(subscription),
	/** What it was before and after the change. */
	"webhook.changed": z.object({ before: z.object(subscription), after: z.object(subscription) }),
	"webhook.secret_rotated": z.object({ url: z.string() }),
	"webhook.unsubscribed": z.object({ url: z.string() }),
	"webhook.test_sent": z.object({ url: z.string(), eventId: z.string() }),
	/** The daily clean-up: settled deliveries older than the retention, and how many. */
	"webhook.deliveries_purged": z.object({
		count: z.number().int(),
		retentionDays: z.number().int(),
	}),
};
