import type { JobDeclaration, JobRun } from "../../../platform/jobs/job.ts";
import {
	CAMPAIGN_MAIL_JOB,
	CAMPAIGN_REMINDER_JOB,
	mailReminder,
	remindRespondents,
} from "./remind-respondents.ts";

function tenantOf(job: JobRun): string {
	if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
	return job.tenantId;
}

/** The instant a run acts at: now, but never before the job was due. */
function runInstant(job: JobRun): Date {
	return new Date(Math.max(Date.now(), Date.parse(job.dueAt)));
}

/** Work of self-inspection campaigns on the clock; collected in platform/jobs/registry.ts. */
export const campaignsJobs: JobDeclaration[] = [
	{
		name: CAMPAIGN_REMINDER_JOB,
		// 09:00 in Japan, with the other reminders: the start of the working day.
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			await remindRespondents(deps, tenantOf(job), runInstant(job));
		},
	},
	{
		// One reminder's mail, queued with it; retried while the SMTP server refuses.
		name: CAMPAIGN_MAIL_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			const id = (job.payload as { reminderId?: unknown } | null)?.reminderId;
			if (typeof id !== "string" || id === "") throw new Error(`${job.name}: no reminderId`);
			await mailReminder(deps, tenantOf(job), id, runInstant(job));
		},
	},
];
