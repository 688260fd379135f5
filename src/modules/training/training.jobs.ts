import type { JobDeclaration, JobRun } from "../../platform/jobs/job.ts";
import {
	ASSIGN_JOB,
	assignNewStaff,
	mailReminder,
	REMINDER_JOB,
	REMINDER_MAIL_JOB,
	remindDue,
} from "./training-sweeps.ts";

function tenantOf(job: JobRun): string {
	if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
	return job.tenantId;
}

/** The instant a run acts at: now, but never before the job was due. */
function runInstant(job: JobRun): Date {
	return new Date(Math.max(Date.now(), Date.parse(job.dueAt)));
}

/** Work of training on the clock; collected in platform/jobs/registry.ts. */
export const trainingJobs: JobDeclaration[] = [
	{
		name: ASSIGN_JOB,
		// 08:00 in Japan: new staff owe their course before the 09:00 reminders run.
		recurring: { every: "daily", hourJst: 8, perTenant: true },
		async handler(deps, job) {
			await assignNewStaff(deps, tenantOf(job), runInstant(job));
		},
	},
	{
		name: REMINDER_JOB,
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			await remindDue(deps, tenantOf(job), runInstant(job));
		},
	},
	{
		name: REMINDER_MAIL_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			await mailReminder(deps, tenantOf(job), job.payload);
		},
	},
];
