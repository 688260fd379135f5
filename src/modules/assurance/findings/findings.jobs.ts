import type { JobDeclaration, JobRun } from "../../../platform/jobs/job.ts";
import { mailFindingNotice } from "./finding-mail.ts";
import { FINDING_MAIL_JOB, notifyOverdueFindings, OVERDUE_JOB } from "./notify-overdue.ts";

function tenantOf(job: JobRun): string {
	if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
	return job.tenantId;
}

/** The instant a run acts at: now, but never before the job was due. */
function runInstant(job: JobRun): Date {
	return new Date(Math.max(Date.now(), Date.parse(job.dueAt)));
}

/** Work of the findings register on the clock; collected in platform/jobs/registry.ts. */
export const findingsJobs: JobDeclaration[] = [
	{
		name: OVERDUE_JOB,
		// 09:00 in Japan, with the other reminders: the start of the working day.
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			await notifyOverdueFindings(deps, tenantOf(job), runInstant(job));
		},
	},
	{
		// One overdue notice's mail, queued with it; retried while the SMTP server refuses.
		name: FINDING_MAIL_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			const id = (job.payload as { notificationId?: unknown } | null)?.notificationId;
			if (typeof id !== "string" || id === "") throw new Error(`${job.name}: no notificationId`);
			await mailFindingNotice(deps, tenantOf(job), id, runInstant(job));
		},
	},
];
