import type { JobDeclaration } from "../../platform/jobs/job.ts";
import { dailyAuditCheckpoint } from "./checkpoint-audit.ts";

export const AUDIT_CHECKPOINT_JOB = "audit.daily-checkpoint";

/** Work of the audit module on the clock; collected in platform/jobs/registry.ts. */
export const auditJobs: JobDeclaration[] = [
	{
		name: AUDIT_CHECKPOINT_JOB,
		// Once a day, signing every tenant's head together: at 23:00 in Japan, so each day's file
		// holds that working day's last head.
		recurring: { every: "daily", hourJst: 23, perTenant: false },
		async handler(deps, job) {
			await dailyAuditCheckpoint(deps, new Date(job.dueAt), `scheduler (${AUDIT_CHECKPOINT_JOB})`);
		},
	},
];
