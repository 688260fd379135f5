import type { JobDeclaration, JobRun } from "../../platform/jobs/job.ts";
import { mailNotification } from "./chain-mail.ts";
import { escalateIfUnacknowledged } from "./escalate-incident.ts";
import { GATEWAY_MALWARE_JOB, reportGatewayMalware } from "./gateway-malware.ts";
import { CHAIN_MAIL_JOB } from "./incident-chain.ts";
import { tenantReportingRules } from "./incident-desk.ts";
import { ESCALATION_JOB } from "./notify-chain.ts";
import { DEADLINE_REMINDER_JOB, remindDeadlines } from "./remind-deadlines.ts";
import { DUES_REDERIVE_JOB, rederiveTenantDues } from "./report-dues.ts";

function tenantOf(job: JobRun): string {
	if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
	return job.tenantId;
}

function payloadId(job: JobRun, key: string): string {
	const value = (job.payload as Record<string, unknown> | null)?.[key];
	if (typeof value !== "string" || value === "") throw new Error(`${job.name}: no ${key}`);
	return value;
}

/**
 * The instant a run acts at: now, but never before the job was due, so that what a job decides
 * (hours waited, the Japan day) follows its due time even when the runner's clock says otherwise.
 */
function runInstant(job: JobRun): Date {
	return new Date(Math.max(Date.now(), Date.parse(job.dueAt)));
}

/** Work of incident response on the clock; collected in platform/jobs/registry.ts. */
export const incidentsJobs: JobDeclaration[] = [
	{
		// One notification's mail, queued with it; retried while the SMTP server refuses.
		name: CHAIN_MAIL_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			await mailNotification(
				deps,
				tenantOf(job),
				payloadId(job, "notificationId"),
				runInstant(job),
			);
		},
	},
	{
		// Queued when a severe case's chain is told, due when the pack's hours are up.
		name: ESCALATION_JOB,
		async handler(deps, job) {
			await escalateIfUnacknowledged(
				deps,
				tenantOf(job),
				payloadId(job, "incidentId"),
				runInstant(job),
			);
		},
	},
	{
		// Queued by the mail gateway as it holds a message for malware: the case opens once.
		name: GATEWAY_MALWARE_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			await reportGatewayMalware(deps, tenantOf(job), job.payload);
		},
	},
	{
		name: DEADLINE_REMINDER_JOB,
		// 09:00 in Japan, with the policy reminders: the start of the working day.
		recurring: { every: "daily", hourJst: 9, perTenant: true },
		async handler(deps, job) {
			await remindDeadlines(deps, tenantOf(job), runInstant(job));
		},
	},
	{
		// Queued by a reader of the figures that found the tenant's rules changed; derives every
		// case's dues again under the rules as they are when it runs.
		name: DUES_REDERIVE_JOB,
		async handler(deps, job) {
			const tenantId = tenantOf(job);
			const rules = await tenantReportingRules(deps.db, tenantId);
			if (rules) await rederiveTenantDues(deps, rules, tenantId, runInstant(job));
		},
	},
];
