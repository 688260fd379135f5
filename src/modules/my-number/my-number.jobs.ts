import type { JobDeclaration, JobRun } from "../../platform/jobs/job.ts";
import { LAPSE_JOB, lapseHandlers, MY_NUMBER_MAIL_JOB } from "./lapse-handlers.ts";
import { mailLapseNotice } from "./my-number-mail.ts";

function tenantOf(job: JobRun): string {
	if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
	return job.tenantId;
}

/** Work of the 特定個人情報 register on the clock; collected in platform/jobs/registry.ts. */
export const myNumberJobs: JobDeclaration[] = [
	{
		name: LAPSE_JOB,
		// 06:00 in Japan: before the working day, so a 発令日 of today is already reflected.
		recurring: { every: "daily", hourJst: 6, perTenant: true },
		async handler(deps, job) {
			await lapseHandlers(
				deps,
				tenantOf(job),
				new Date(Math.max(Date.now(), Date.parse(job.dueAt))),
			);
		},
	},
	{
		// One notice's mail to the responsible person; retried while the SMTP server refuses.
		name: MY_NUMBER_MAIL_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			const id = (job.payload as { noticeId?: unknown } | null)?.noticeId;
			if (typeof id !== "string" || id === "") throw new Error(`${job.name}: no noticeId`);
			await mailLapseNotice(deps, tenantOf(job), id);
		},
	},
];
