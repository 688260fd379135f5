import type { JobDeclaration } from "../../platform/jobs/job.ts";
import { deliverWebhook } from "./deliver-webhook.ts";
import { DELIVER_JOB } from "./emit-webhook-event.ts";
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
];
