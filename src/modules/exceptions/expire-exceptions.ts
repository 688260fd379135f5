import { randomUUID } from "node:crypto";
import { systemActor } from "../../bootstrap.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { enqueueJob } from "../../platform/jobs/enqueue-job.ts";
import { japanDate } from "../../shared/dates.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import type { Role } from "../authz/roles.ts";
import { listOrgUnits, roleHoldersInForce } from "../org/org.repository.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event.ts";
import { DEFAULT_REMINDER_DAYS, decidingRoles, reminderDays } from "./exception-rules.ts";
import {
	approvedEndingBy,
	type ExceptionNoticeRow,
	type ExceptionRow,
	findException,
	insertExceptionNotices,
	lockException,
	updateException,
} from "./exceptions.repository.ts";

/** The daily sweep of exceptions near or past their end; declared in exceptions.jobs.ts. */
export const EXPIRY_JOB = "exceptions.expiry";
/** The job that mails one reminder; queued with it. */
export const EXCEPTION_MAIL_JOB = "exceptions.notice-mail";

const MANAGER_ROLES: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

export interface ExpiryOutcome {
	reminded: { reference: string; endsOn: string; accountIds: string[] }[];
	lapsed: string[];
}

/** The Japan date `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Who is told of an exception of `unitId`: its managers and those above, and the deciders. */
async function recipientsBy(
	db: Queryable,
	tenantId: string,
	at: string,
	pack: PolicyPack | undefined,
) {
	const [holders, units] = await Promise.all([
		roleHoldersInForce(db, tenantId, at),
		listOrgUnits(db, tenantId),
	]);
	const deciders = new Set<string>(pack ? decidingRoles(pack) : ["ciso"]);
	const parent = new Map(units.map((unit) => [unit.id, unit.parent_id]));
	return (unitId: string): string[] => {
		const chain = new Set<string>();
		for (let id: string | null | undefined = unitId; id && !chain.has(id); id = parent.get(id)) {
			chain.add(id);
		}
		const found = new Set<string>();
		for (const holder of holders) {
			const manager =
				MANAGER_ROLES.has(holder.role as Role) &&
				holder.org_unit_id !== null &&
				chain.has(holder.org_unit_id);
			if (manager || deciders.has(holder.role)) found.add(holder.account_id);
		}
		return [...found];
	};
}

/**
 * The daily sweep of one tenant. An approved exception ending within the pack's reminder days
 * (`organisation.approvals.exception.reminderDays`, else 14) is told
 * once (per end date) to the requesting unit's managers and the pack's deciders: a notice in the
 * app and a queued mail each. One past its end date is marked lapsed: it covers nothing any more
 * (the network check already stops honouring it the day after its end). Each is its own
 * transaction with its audit event; a rerun finds nothing left to do.
 *
 * @example
 * await expireExceptions(runtime, tenant.id, new Date());
 */
export async function expireExceptions(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	now: Date = new Date(),
): Promise<ExpiryOutcome> {
	const today = japanDate(now);
	const pack = (await currentTenantPack(deps.db, tenantId))?.pack;
	const horizon = addDays(today, pack ? reminderDays(pack) : DEFAULT_REMINDER_DAYS);
	const recipientsOf = await recipientsBy(deps.db, tenantId, now.toISOString(), pack);
	const outcome: ExpiryOutcome = { reminded: [], lapsed: [] };
	for (const candidate of await approvedEndingBy(deps.db, tenantId, horizon)) {
		if (candidate.ends_on < today) {
			if (await lapse(deps, tenantId, candidate.id, today, now))
				outcome.lapsed.push(candidate.reference);
		} else if (candidate.reminded_for !== candidate.ends_on) {
			const told = await remind(
				deps,
				tenantId,
				candidate.id,
				recipientsOf(candidate.org_unit_id),
				now,
			);
			if (told) outcome.reminded.push(told);
		}
	}
	return outcome;
}

const scheduler = (tenantId: string) => systemActor(tenantId, `scheduler (${EXPIRY_JOB})`);

async function lapse(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	id: string,
	today: string,
	now: Date,
): Promise<boolean> {
	return inTransaction(deps.db, async (tx) => {
		await lockException(tx, tenantId, id);
		const row = await findException(tx, tenantId, id);
		if (row?.state !== "approved" || row.ends_on >= today) return false;
		const at = now.toISOString();
		const patch: Partial<ExceptionRow> = { state: "lapsed", lapsed_at: at, updated_at: at };
		if (!(await updateException(tx, tenantId, id, Number(row.version), patch))) return false;
		await recordAudit(
			tx,
			auditContextOf(scheduler(tenantId)),
			"exception.lapsed",
			{ reference: row.reference, endsOn: row.ends_on },
			{ recordType: "exception", recordId: row.id },
		);
		const data = { exceptionId: row.id, reference: row.reference, endsOn: row.ends_on };
		await emitWebhookEvent(tx, tenantId, "exception.lapsed", data);
		return true;
	});
}

async function remind(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	id: string,
	accountIds: readonly string[],
	now: Date,
): Promise<ExpiryOutcome["reminded"][number] | null> {
	return inTransaction(deps.db, async (tx) => {
		await lockException(tx, tenantId, id);
		const row = await findException(tx, tenantId, id);
		if (row?.state !== "approved" || row.reminded_for === row.ends_on) return null;
		const at = now.toISOString();
		const notices: ExceptionNoticeRow[] = [];
		for (const accountId of accountIds) {
			const account = await findAccount(tx, tenantId, accountId);
			if (!account || account.disabled_at) continue;
			notices.push({
				id: randomUUID(),
				tenant_id: tenantId,
				exception_id: row.id,
				account_id: account.id,
				reason: "expiring",
				ends_on: row.ends_on,
				notified_at: at,
				mail_to: account.email,
				mailed_at: null,
			});
		}
		const patch: Partial<ExceptionRow> = { reminded_for: row.ends_on, updated_at: at };
		if (!(await updateException(tx, tenantId, id, Number(row.version), patch))) return null;
		await insertExceptionNotices(tx, notices);
		for (const notice of notices) {
			if (!notice.mail_to) continue;
			await enqueueJob(tx, {
				name: EXCEPTION_MAIL_JOB,
				tenantId,
				payload: { noticeId: notice.id },
				dueAt: now,
			});
		}
		const told = notices.map((notice) => notice.account_id);
		await recordAudit(
			tx,
			auditContextOf(scheduler(tenantId)),
			"exception.expiry_notified",
			{ reference: row.reference, endsOn: row.ends_on, accountIds: told },
			{ recordType: "exception", recordId: row.id },
		);
		const data = { exceptionId: row.id, reference: row.reference, endsOn: row.ends_on };
		await emitWebhookEvent(tx, tenantId, "exception.lapsing", data);
		return { reference: row.reference, endsOn: row.ends_on, accountIds: told };
	});
}
