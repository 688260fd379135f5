import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { enqueueJob } from "../../platform/jobs/enqueue-job.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { roleHoldersInForce } from "../org/org.repository.ts";
import { CHAIN_ROLES, type ChainRole } from "../policies/pack/incident-chain.schema.ts";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import type { ChainHolder, ChainRecipient, ResolvedChain } from "./chain-rules.ts";
import { chainOf } from "./chain-rules.ts";
import {
	insertNotifications,
	type NotificationReason,
	type NotificationRow,
} from "./incident-chain.repository.ts";

/** The job that mails one notification; declared in incidents.jobs.ts. */
export const CHAIN_MAIL_JOB = "incidents.chain-mail";

let standardPack: PolicyPack | undefined;

/** The pack's chain, or the standard pack's when the pack states none. */
export function chainOfPack(pack: PolicyPack): ResolvedChain {
	standardPack ??= loadBundledPack("standard");
	return chainOf(pack, standardPack);
}

/** Holders of the chain's roles in force at `at`. */
export async function chainHolders(
	db: Queryable,
	tenantId: string,
	at: string,
): Promise<ChainHolder[]> {
	const roles: readonly string[] = CHAIN_ROLES;
	const rows = await roleHoldersInForce(db, tenantId, at);
	return rows
		.filter((row) => roles.includes(row.role))
		.map((row) => ({ accountId: row.account_id, role: row.role, orgUnitId: row.org_unit_id }));
}

/** Whom a notification went to, as the timeline records it (the name at the time). */
export interface ToldPerson {
	accountId: string;
	name: string;
	role: ChainRole;
	unitId: string | null;
}

export interface TellInput {
	tenantId: string;
	incidentId: string;
	recipients: readonly ChainRecipient[];
	reason: NotificationReason;
	severity: number | null;
	subject?: string;
	detail?: Record<string, unknown>;
	at: Date;
}

/**
 * Tell people of a case in the caller's transaction: a notification per person (what Home counts
 * until they acknowledge) and, for those with an address, a queued mail job. The job sends after
 * commit and is retried by the scheduler when the SMTP server refuses, so no mail is lost to a
 * rollback or a down server. Disabled accounts are skipped. Returns those told.
 */
export async function tellPeople(tx: Tx, input: TellInput): Promise<ToldPerson[]> {
	const told: ToldPerson[] = [];
	const rows: NotificationRow[] = [];
	for (const recipient of input.recipients) {
		const account = await findAccount(tx, input.tenantId, recipient.accountId);
		if (!account || account.disabled_at) continue;
		rows.push({
			id: randomUUID(),
			tenant_id: input.tenantId,
			incident_id: input.incidentId,
			account_id: account.id,
			role: recipient.role,
			org_unit_id: recipient.orgUnitId,
			reason: input.reason,
			severity: input.severity,
			subject: input.subject ?? null,
			detail: JSON.stringify(input.detail ?? {}),
			notified_at: input.at.toISOString(),
			acknowledged_at: null,
			mail_to: account.email,
			mailed_at: null,
		});
		told.push({
			accountId: account.id,
			name: account.display_name,
			role: recipient.role,
			unitId: recipient.orgUnitId,
		});
	}
	await insertNotifications(tx, rows);
	for (const row of rows) {
		if (!row.mail_to) continue;
		await enqueueJob(tx, {
			name: CHAIN_MAIL_JOB,
			tenantId: input.tenantId,
			payload: { notificationId: row.id },
			dueAt: input.at,
		});
	}
	return told;
}
