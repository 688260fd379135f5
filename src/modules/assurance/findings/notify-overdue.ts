import { randomUUID } from "node:crypto";
import { systemActor } from "../../../bootstrap.ts";
import type { Queryable } from "../../../db/queryable.ts";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { enqueueJob } from "../../../platform/jobs/enqueue-job.ts";
import { japanDate, startOfJapanDay } from "../../../shared/dates.ts";
import { findAccount } from "../../accounts/accounts.repository.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { listOrgUnits, roleHoldersInForce } from "../../org/org.repository.ts";
import { emitWebhookEvent } from "../../webhooks/emit-webhook-event.ts";
import { isOverdue } from "./finding-rules.ts";
import {
	appendFindingEvent,
	type FindingNotificationRow,
	type FindingRow,
	findFinding,
	insertFindingNotifications,
	lockFinding,
	overdueFindings,
	overdueToldSince,
	touchFinding,
} from "./findings.repository.ts";

/** The daily sweep of overdue findings; declared in findings.jobs.ts. */
export const OVERDUE_JOB = "assurance.findings-overdue";
/** The job that mails one overdue notice; queued with it. */
export const FINDING_MAIL_JOB = "assurance.finding-mail";
/** A finding that stays overdue is told again after this many days, not every morning. */
export const OVERDUE_REPEAT_DAYS = 7;

const PAGE = 500;
const MANAGER_ROLES = new Set(["section_manager", "department_officer"]);

/** Someone to tell, and why: the CISO, or a 管理者 of the owner unit (or a unit above it). */
export interface OverdueRecipient {
	accountId: string;
	role: string;
}

export interface OverdueNotice {
	findingId: string;
	reference: string;
	dueOn: string;
	accountIds: string[];
}

/** Who is told of a finding of `unitId`: its managers and those of the units above, and the CISO. */
async function recipientsBy(db: Queryable, tenantId: string, at: string) {
	const [holders, units] = await Promise.all([
		roleHoldersInForce(db, tenantId, at),
		listOrgUnits(db, tenantId),
	]);
	const parent = new Map(units.map((unit) => [unit.id, unit.parent_id]));
	return (unitId: string): OverdueRecipient[] => {
		const chain = new Set<string>();
		for (let id: string | null | undefined = unitId; id && !chain.has(id); id = parent.get(id)) {
			chain.add(id);
		}
		const found: OverdueRecipient[] = [];
		for (const holder of holders) {
			const manager =
				MANAGER_ROLES.has(holder.role) &&
				holder.org_unit_id !== null &&
				chain.has(holder.org_unit_id);
			if (!manager && holder.role !== "ciso") continue;
			if (found.some((person) => person.accountId === holder.account_id)) continue;
			found.push({ accountId: holder.account_id, role: holder.role });
		}
		return found;
	};
}

/**
 * The daily sweep of one tenant: every finding whose corrective action is past its due date and
 * not done is told to the owner unit's managers (and those above them) and the CISO, as a notice
 * in the app and a queued mail each, with a timeline entry and an audit event by the scheduler.
 * A finding is told again only after `OVERDUE_REPEAT_DAYS` (or at once for a new due date), so a
 * rerun after a crash, or a second process, tells nobody twice. The `finding.overdue` webhook
 * event goes to subscribers whether or not anyone in the app is told (a unit without a manager,
 * a tenant without a CISO), once per 7 days overdue.
 *
 * @example
 * const told = await notifyOverdueFindings(runtime, tenant.id, new Date());
 */
export async function notifyOverdueFindings(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	now: Date = new Date(),
): Promise<OverdueNotice[]> {
	const today = japanDate(now);
	const recipientsOf = await recipientsBy(deps.db, tenantId, now.toISOString());
	const since = startOfJapanDay(new Date(now.getTime() - (OVERDUE_REPEAT_DAYS - 1) * 86_400_000));
	const told: OverdueNotice[] = [];
	let after: { createdAt: string; id: string } | null = null;
	for (;;) {
		const page: FindingRow[] = await overdueFindings(deps.db, tenantId, today, after, PAGE);
		if (page.length === 0) break;
		const last = page.at(-1) as FindingRow;
		after = { createdAt: last.created_at, id: last.id };
		for (const row of page) {
			// With nobody to tell in the app, the webhook subscribers are still told.
			const recipients = recipientsOf(row.owner_unit_id);
			const notice = await tellOverdue(deps, row.id, recipients, { tenantId, today, since, now });
			if (notice) told.push(notice);
		}
		if (page.length < PAGE) break;
	}
	return told;
}

/**
 * The webhook event's key: one event per finding, due date and 7 days overdue (days 1–7 after
 * the due date, 8–14, …), however many sweeps see it and whether or not anyone is notified.
 */
function overdueEventKey(findingId: string, dueOn: string, today: string): string {
	const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000;
	const week = Math.max(0, Math.floor((days - 1) / OVERDUE_REPEAT_DAYS));
	return `finding.overdue:${findingId}:${dueOn}:${week}`;
}

/**
 * One overdue finding: the `finding.overdue` webhook event (once per 7 days overdue), then the
 * notices to `recipients` unless they were told within `OVERDUE_REPEAT_DAYS`.
 */
async function tellOverdue(
	deps: Pick<AppDeps, "db">,
	findingId: string,
	recipients: readonly OverdueRecipient[],
	when: { tenantId: string; today: string; since: string; now: Date },
): Promise<OverdueNotice | null> {
	const { tenantId, now } = when;
	const actor = systemActor(tenantId, `scheduler (${OVERDUE_JOB})`);
	const at = now.toISOString();
	return inTransaction(deps.db, async (tx) => {
		// The finding's row lock first, then the checks: two runs at once tell people once.
		await lockFinding(tx, tenantId, findingId);
		const row = await findFinding(tx, tenantId, findingId);
		if (!row || row.due_on === null || !isOverdue(row, when.today)) return null;
		const data = { findingId: row.id, reference: row.reference, dueOn: row.due_on };
		await emitWebhookEvent(tx, tenantId, "finding.overdue", data, {
			dedupeKey: overdueEventKey(row.id, row.due_on, when.today),
		});
		if (recipients.length === 0) return null;
		if (await overdueToldSince(tx, tenantId, row.id, row.due_on, when.since)) return null;
		const rows: FindingNotificationRow[] = [];
		for (const recipient of recipients) {
			const account = await findAccount(tx, tenantId, recipient.accountId);
			if (!account || account.disabled_at) continue;
			rows.push({
				id: randomUUID(),
				tenant_id: tenantId,
				finding_id: row.id,
				account_id: account.id,
				role: recipient.role,
				reason: "overdue",
				due_on: row.due_on,
				notified_at: at,
				mail_to: account.email,
				mailed_at: null,
			});
		}
		if (rows.length === 0) return null;
		await touchFinding(tx, tenantId, row.id, at);
		await insertFindingNotifications(tx, rows);
		for (const notification of rows) {
			if (!notification.mail_to) continue;
			await enqueueJob(tx, {
				name: FINDING_MAIL_JOB,
				tenantId,
				payload: { notificationId: notification.id },
				dueAt: now,
			});
		}
		const accountIds = rows.map((notification) => notification.account_id);
		await appendFindingEvent(tx, {
			tenant_id: tenantId,
			finding_id: row.id,
			kind: "overdue_notified",
			actor_id: actor.accountId,
			actor_label: actor.label,
			at,
			text: null,
			data: { dueOn: row.due_on, notified: rows.length },
		});
		await recordAudit(
			tx,
			auditContextOf(actor),
			"finding.overdue_notified",
			{ reference: row.reference, dueOn: row.due_on, accountIds },
			{ recordType: "finding", recordId: row.id },
		);
		return { findingId: row.id, reference: row.reference, dueOn: row.due_on, accountIds };
	});
}
