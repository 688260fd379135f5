import { definePolicy } from "../authz/policy.ts";

/**
 * Webhooks tell other systems of the tenant what happened: the tenant administrator, who keeps
 * its connections to other systems, subscribes them and sees their deliveries.
 */
export const webhooksPolicy = definePolicy({
	"webhook.read": ["tenant_admin"],
	/** Subscribe, change, rotate the secret, unsubscribe, send a test event. */
	"webhook.manage": ["tenant_admin"],
});

export type WebhookAction = keyof typeof webhooksPolicy;
