import type { JobDeclaration } from "../../../platform/jobs/job.ts";
import { REMINDER_SWEEP, sweepReminders } from "./sweep-reminders.ts";

/** Work of the documents module on the clock; collected in platform/jobs/registry.ts. */
export const documentsJobs: JobDeclaration[] = [
	{
		name: REMINDER_SWEEP,
		// 09:00 in Japan: the reminders arrive at the start of the working day.
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			if (!job.tenantId) throw new Error(`${REMINDER_SWEEP} runs per tenant`);
			await sweepReminders(deps, job.tenantId);
		},
	},
];
