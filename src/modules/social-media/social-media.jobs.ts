import type { JobDeclaration, JobRun } from "../../platform/jobs/job.ts";
import { DORMANT_JOB, flagDormantAccounts } from "./flag-dormant.ts";
import { SOCIAL_MEDIA_MAIL_JOB } from "./notify-approval.ts";
import { mailApprovalNotice } from "./social-media-mail.ts";

function tenantOf(job: JobRun): string {
	if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
	return job.tenantId;
}

/** Work of the social-media register on the clock; collected in platform/jobs/registry.ts. */
export const socialMediaJobs: JobDeclaration[] = [
	{
		name: DORMANT_JOB,
		// 09:00 in Japan, with the other reminders.
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			await flagDormantAccounts(
				deps,
				tenantOf(job),
				new Date(Math.max(Date.now(), Date.parse(job.dueAt))),
			);
		},
	},
	{
		// One approval notice's mail, queued with it; retried while the SMTP server refuses.
		name: SOCIAL_MEDIA_MAIL_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			const id = (job.payload as { notificationId?: unknown } | null)?.notificationId;
			if (typeof id !== "string" || id === "") throw new Error(`${job.name}: no notificationId`);
			await mailApprovalNotice(deps, tenantOf(job), id);
		},
	},
];
