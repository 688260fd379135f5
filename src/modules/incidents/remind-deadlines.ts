import { systemActor } from "../../bootstrap.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { japanDate, startOfJapanDay } from "../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { type AssessedDeadline, ReportingRules } from "./assess-obligations.ts";
import { caseFacts } from "./case-rules.ts";
import type { ChainRecipient } from "./chain-rules.ts";
import { casesOwingReports, filedStages, remindedSince } from "./incident-chain.repository.ts";
import { chainHolders, chainOfPack, standardPackOf, tellPeople } from "./incident-chain.ts";
import {
	appendIncidentEvent,
	findIncident,
	type IncidentRow,
	touchIncident,
} from "./incidents.repository.ts";

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

function dueStages(
	rules: ReportingRules,
	row: IncidentRow,
	filed: ReadonlySet<string>,
	today: string,
	horizon: string,
): DueStage[] {
	const stages: DueStage[] = [];
	for (const obligation of rules.assess(caseFacts(row))) {
		if (!obligation.required) continue;
		const deadlines: ["preliminary" | "final", AssessedDeadline | null][] = [
			["preliminary", obligation.preliminary],
			["final", obligation.final],
		];
		for (const [stage, deadline] of deadlines) {
			if (!deadline || deadline.due > horizon) continue;
			if (filed.has(`${row.id}|${obligation.code}|${stage}`)) continue;
			stages.push({
				obligation: obligation.code,
				authority: obligation.authority,
				stage,
				label: deadline.label,
				due: deadline.due,
				overdue: deadline.due < today,
			});
		}
	}
	return stages;
}

/**
 * The daily reminder of one tenant's legal reports (速報 / 確報): for every case but the rejected,
 * each stage of a required report not yet filed whose due date lies within the pack's reminder
 * window, or has passed, is told to the holders of the chain's contact point and the CISO (a
 * notice and a mail each, a timeline entry and an audit event with the scheduler as actor). A
 * stage already reminded this Japan day is left alone, so a rerun after a crash, or a second
 * process, reminds nobody twice a day.
 *
 * @example
 * const reminded = await remindDeadlines(runtime, tenant.id, new Date());
 */
export async function remindDeadlines(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	now: Date = new Date(),
): Promise<RemindedStage[]> {
	const found = await currentTenantPack(deps.db, tenantId);
	if (!found) return [];
	const chain = chainOfPack(found.pack);
	const rules = new ReportingRules(found.pack, standardPackOf());
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
	const reminded: RemindedStage[] = [];
	let after: { createdAt: string; id: string } | null = null;
	for (;;) {
		const page = await casesOwingReports(deps.db, tenantId, after, PAGE);
		if (page.length === 0) break;
		const last = page.at(-1) as IncidentRow;
		after = { createdAt: last.created_at, id: last.id };
		const filed = await filedStages(
			deps.db,
			tenantId,
			page.map((row) => row.id),
		);
		for (const row of page) {
			const stages = dueStages(rules, row, filed, today, horizon);
			if (stages.length === 0) continue;
			reminded.push(...(await remindCase(deps, tenantId, row.id, stages, recipients, now)));
		}
		if (page.length < PAGE) break;
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
