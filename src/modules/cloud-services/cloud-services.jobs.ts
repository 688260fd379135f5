import type { JobDeclaration } from "../../platform/jobs/job.ts";
import { REVIEW_JOB, reviewCloudServices } from "./review-cloud-services.ts";
import { CLOUD_REVIEW_MAIL_JOB, mailReviewNotice } from "./review-notices.ts";

/** Work of the cloud service register on the clock; collected in platform/jobs/registry.ts. */
export const cloudServicesJobs: JobDeclaration[] = [
	{
		name: REVIEW_JOB,
		// 09:00 in Japan, with the other reminders.
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
			const at = new Date(Math.max(Date.now(), Date.parse(job.dueAt)));
			await reviewCloudServices(deps.db, job.tenantId, at);
		},
	},
	{
		// One review notice's mail, queued with it; retried while the SMTP server refuses.
		name: CLOUD_REVIEW_MAIL_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
			const id = (job.payload as { notificationId?: unknown } | null)?.notificationId;
			if (typeof id !== "string" || id === "") throw new Error(`${job.name}: no notificationId`);
			await mailReviewNotice(deps, job.tenantId, id);
		},
	},
];
