import type { JobDeclaration } from "../../platform/jobs/job.ts";
import { deliverWebhook } from "./deliver-webhook.ts";
import { DELIVER_JOB } from "./emit-webhook-event.ts";
import { PURGE_JOB, purgeOldDeliveries } from "./purge-deliveries.ts";
import { DELIVERY_ATTEMPTS } from "./webhook-events.ts";

/** Work of webhooks on the clock; collected in platform/jobs/registry.ts. */
export const webhooksJobs: JobDeclaration[] = [
	{
		// One delivery of one event to one subscription, queued with the event.
		name: DELIVER_JOB,
		maxAttempts: DELIVERY_ATTEMPTS,
		async handler(deps, job) {
			if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
			const id = (job.payload as { deliveryId?: unknown } | null)?.deliveryId;
			if (typeof id !== "string" || id === "") throw new Error(`${job.name}: no deliveryId`);
			await deliverWebhook(deps, job.tenantId, id, job.attempt);
		},
	},
	{
		// Settled deliveries past the retention; at night, away from the 09:00 sweeps.
		name: PURGE_JOB,
		recurring: { every: "daily", hourJst: 3, perTenant: true },
		async handler(deps, job) {
			if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
			const at = new Date(Math.max(Date.now(), Date.parse(job.dueAt)));
			await purgeOldDeliveries(deps.db, job.tenantId, deps.config.webhookDeliveryRetentionDays, at);
		},
	},
];
