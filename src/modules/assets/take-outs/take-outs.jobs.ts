import type { JobDeclaration } from "../../../platform/jobs/job.ts";
import { OVERDUE_TAKE_OUTS_JOB, signalOverdueTakeOuts } from "./signal-overdue-take-outs.ts";

/** Work of take-outs on the clock; collected in platform/jobs/registry.ts. */
export const takeOutsJobs: JobDeclaration[] = [
	{
		name: OVERDUE_TAKE_OUTS_JOB,
		// 09:00 in Japan, with the other reminders.
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
			await signalOverdueTakeOuts(
				deps,
				job.tenantId,
				new Date(Math.max(Date.now(), Date.parse(job.dueAt))),
			);
		},
	},
];
