import type { JobDeclaration } from "../../platform/jobs/job.ts";
import { CLAUSE_CHECK_JOB, recheckClauses } from "./clause-check.ts";

/** Work of 業務委託 on the clock; collected in platform/jobs/registry.ts. */
export const contractsJobs: JobDeclaration[] = [
	{
		name: CLAUSE_CHECK_JOB,
		// 09:00 in Japan, with the other daily checks: an asset reclassified yesterday is seen today.
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
			const at = new Date(Math.max(Date.now(), Date.parse(job.dueAt)));
			await recheckClauses(deps.db, job.tenantId, at);
		},
	},
];
