import type { JobDeclaration, JobRun } from "../../platform/jobs/job.ts";
import { mailExceptionNotice } from "./exception-mail.ts";
import { EXCEPTION_MAIL_JOB, EXPIRY_JOB, expireExceptions } from "./expire-exceptions.ts";

function tenantOf(job: JobRun): string {
	if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
	return job.tenantId;
}

/** The instant a run acts at: now, but never before the job was due. */
function runInstant(job: JobRun): Date {
	return new Date(Math.max(Date.now(), Date.parse(job.dueAt)));
}

/** Work of 例外措置 on the clock; collected in platform/jobs/registry.ts. */
export const exceptionsJobs: JobDeclaration[] = [
	{
		name: EXPIRY_JOB,
		// 09:00 in Japan, with the other reminders; lapsing only needs the date to have turned.
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			await expireExceptions(deps, tenantOf(job), runInstant(job));
		},
	},
	{
		// One reminder's mail, queued with it; retried while the SMTP server refuses.
		name: EXCEPTION_MAIL_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			const id = (job.payload as { noticeId?: unknown } | null)?.noticeId;
			if (typeof id !== "string" || id === "") throw new Error(`${job.name}: no noticeId`);
			await mailExceptionNotice(deps, tenantOf(job), id, runInstant(job));
		},
	},
];
