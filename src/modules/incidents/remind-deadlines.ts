import { systemActor } from "../../bootstrap.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { japanDate, startOfJapanDay } from "../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import type { ReportingRules } from "./assess-obligations.ts";
import type { ChainRecipient } from "./chain-rules.ts";
import { remindedSince } from "./incident-chain.repository.ts";
import { chainHolders, chainOfPack, tellPeople } from "./incident-chain.ts";
import { tenantReportingRules } from "./incident-desk.ts";
import { appendIncidentEvent, findIncident, touchIncident } from "./incidents.repository.ts";
import { FILING_STAGES } from "./incidents.schemas.ts";
import { caseIdsOwingBy, unfiledDuesBy } from "./report-dues.repository.ts";
import { rederiveTenantDues } from "./report-dues.ts";

/** The daily job of legal-report reminders; declared in incidents.jobs.ts. */
export const DEADLINE_REMINDER_JOB = "incidents.deadline-reminders";

const PAGE = 500;

/** One stage of a legal report a case still owes, due within the reminder window or overdue. */
export interface DueStage {
	obligation: string;
	authority: { ja: string; en: string };
	stage: "preliminary" | "final";
	label: { ja: string; en: string };
	due: string;
	overdue: boolean;
}

export interface RemindedStage extends DueStage {
	incidentId: string;
	reference: string;
	recipients: number;
}

type UnfiledDue = Awaited<ReturnType<typeof unfiledDuesBy>>[number];

/** The kept unfiled dues of one case as stages to remind, in the rules' order of obligations. */
function dueStages(rules: ReportingRules, dues: readonly UnfiledDue[], today: string): DueStage[] {
	const stages: DueStage[] = [];
	for (const obligation of rules.reporting.obligations) {
		for (const stage of FILING_STAGES) {
			const deadline = obligation[stage];
			const due = dues.find((d) => d.obligation_code === obligation.code && d.stage === stage);
			if (!deadline || !due) continue;
			stages.push({
				obligation: obligation.code,
				authority: obligation.authority,
				stage,
				label: deadline.label,
				due: due.due_on,
				overdue: due.due_on < today,
			});
		}
	}
	return stages;
}

/**
 * The daily reminder of one tenant's legal reports (速報 / 確報): each stage of a required report
 * not yet filed whose due date lies within the pack's reminder window, or has passed, as kept in
 * `incident_report_dues` (derived again first when the tenant's rules changed), is told to the holders of the chain's contact point and the CISO (a
 * notice and a mail each, a timeline entry and an audit event with the scheduler as actor). A
 * stage already reminded this Japan day is left alone, so a rerun after a crash, or a second
 * process, reminds nobody twice a day.
 *
 * @example
 * const reminded = await remindDeadlines(runtime, tenant.id, new Date());
 */
export async function remindDeadlines(
	deps: Pick<AppDeps, "db" | "engine">,
	tenantId: string,
	now: Date = new Date(),
): Promise<RemindedStage[]> {
	const found = await currentTenantPack(deps.db, tenantId);
	const rules = await tenantReportingRules(deps.db, tenantId);
	if (!found || !rules) return [];
	const chain = chainOfPack(found.pack);
	const today = japanDate(now);
	const horizonDate = new Date(`${today}T00:00:00Z`);
	horizonDate.setUTCDate(horizonDate.getUTCDate() + chain.deadlineReminders.daysBefore);
	const horizon = horizonDate.toISOString().slice(0, 10);
	const roles = new Set<string>([chain.contactPoint, "ciso"]);
	const recipients: ChainRecipient[] = [];
	for (const holder of await chainHolders(deps.db, tenantId, now.toISOString())) {
		if (!roles.has(holder.role) || recipients.some((r) => r.accountId === holder.accountId)) {
			continue;
		}
		recipients.push({
			accountId: holder.accountId,
			role: holder.role === "ciso" ? "ciso" : chain.contactPoint,
			orgUnitId: null,
		});
	}
	if (recipients.length === 0) return [];
	// A job may do this work: the kept dues follow the tenant's rules before they are read.
	await rederiveTenantDues(deps, rules, tenantId, now);
	const reminded: RemindedStage[] = [];
	let after: string | null = null;
	for (;;) {
		const ids = await caseIdsOwingBy(deps.db, tenantId, horizon, after, PAGE);
		if (ids.length === 0) break;
		after = ids.at(-1) ?? null;
		const dues = await unfiledDuesBy(deps.db, tenantId, ids, horizon);
		for (const incidentId of ids) {
			const stages = dueStages(
				rules,
				dues.filter((due) => due.incident_id === incidentId),
				today,
			);
			if (stages.length === 0) continue;
			reminded.push(...(await remindCase(deps, tenantId, incidentId, stages, recipients, now)));
		}
		if (ids.length < PAGE) break;
	}
	return reminded;
}

async function remindCase(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	incidentId: string,
	stages: readonly DueStage[],
	recipients: readonly ChainRecipient[],
	now: Date,
): Promise<RemindedStage[]> {
	const actor = systemActor(tenantId, `scheduler (${DEADLINE_REMINDER_JOB})`);
	const since = startOfJapanDay(now);
	const at = now.toISOString();
	return inTransaction(deps.db, async (tx) => {
		const row = await findIncident(tx, tenantId, incidentId);
		if (!row) return [];
		const open: DueStage[] = [];
		for (const stage of stages) {
			const subject = `${stage.obligation}:${stage.stage}`;
			if (!(await remindedSince(tx, tenantId, row.id, subject, since))) open.push(stage);
		}
		if (open.length === 0) return [];
		// The case's row lock, then each stage checked again: two runs at once remind it once.
		await touchIncident(tx, tenantId, row.id, at);
		const done: RemindedStage[] = [];
		for (const stage of open) {
			const subject = `${stage.obligation}:${stage.stage}`;
			if (await remindedSince(tx, tenantId, row.id, subject, since)) continue;
			const told = await tellPeople(tx, {
				tenantId,
				incidentId: row.id,
				recipients,
				reason: "deadline",
				severity: row.severity === null ? null : Number(row.severity),
				subject,
				detail: { ...stage },
				at: now,
			});
			if (told.length === 0) continue;
			await appendIncidentEvent(tx, {
				tenant_id: tenantId,
				incident_id: row.id,
				kind: "deadline_reminded",
				actor_id: actor.accountId,
				actor_label: actor.label,
				at,
				text: null,
				data: { ...stage, notified: told },
			});
			await recordAudit(
				tx,
				auditContextOf(actor),
				"incident.deadline_reminded",
				{
					reference: row.reference,
					obligation: stage.obligation,
					stage: stage.stage,
					due: stage.due,
					overdue: stage.overdue,
					accountIds: told.map((person) => person.accountId),
				},
				{ recordType: "incident", recordId: row.id },
			);
			done.push({
				...stage,
				incidentId: row.id,
				reference: row.reference,
				recipients: told.length,
			});
		}
		return done;
	});
}
