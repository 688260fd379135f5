import type { Queryable } from "../../db/queryable.ts";
import type { IncidentNotificationTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

/** SQL of the reporting chain's notifications; no rules. */

export type NotificationRow = IncidentNotificationTable;

/** Reasons the chain itself tells people (as opposed to the escalation and the reminders). */
export const CHAIN_REASONS = ["triage", "severity_raised", "units_changed"] as const;
export type NotificationReason = (typeof CHAIN_REASONS)[number] | "escalation" | "deadline";

export async function insertNotifications(tx: Tx, rows: NotificationRow[]): Promise<void> {
	if (rows.length === 0) return;
	await tx.insertInto("incident_notifications").values(rows).execute();
}

/** Every notification of a case, in the order people were told. */
export function caseNotifications(db: Queryable, tenantId: string, incidentId: string) {
	return db
		.selectFrom("incident_notifications")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.orderBy("notified_at")
		.orderBy("id")
		.execute();
}

export function findNotification(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("incident_notifications")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** A person's notifications of a case that wait for their acknowledgement. */
export function pendingOfAccount(
	db: Queryable,
	tenantId: string,
	incidentId: string,
	accountId: string,
) {
	return db
		.selectFrom("incident_notifications")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.where("account_id", "=", accountId)
		.where("acknowledged_at", "is", null)
		.execute();
}

/** Acknowledge every one of a person's waiting notifications of a case; returns how many. */
export async function acknowledgeNotifications(
	tx: Tx,
	tenantId: string,
	incidentId: string,
	accountId: string,
	at: string,
): Promise<number> {
	const result = await tx
		.updateTable("incident_notifications")
		.set({ acknowledged_at: at })
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.where("account_id", "=", accountId)
		.where("acknowledged_at", "is", null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/**
 * The cases a person was told of and has not acknowledged, with the earliest waiting notice of
 * each; cases found not to be incidents (rejected) are left out.
 */
export function casesAwaitingAcknowledgement(db: Queryable, tenantId: string, accountId: string) {
	return db
		.selectFrom("incident_notifications as n")
		.innerJoin("incidents as i", "i.id", "n.incident_id")
		.select((eb) => [
			"i.id",
			"i.reference",
			"i.title",
			"i.state",
			"i.severity",
			eb.fn.min("n.notified_at").as("first_notified_at"),
			eb.fn.count<number>("n.id").as("notices"),
		])
		.where("n.tenant_id", "=", tenantId)
		.where("n.account_id", "=", accountId)
		.where("n.acknowledged_at", "is", null)
		.where("i.tenant_id", "=", tenantId)
		.where("i.state", "!=", "rejected")
		.groupBy(["i.id", "i.reference", "i.title", "i.state", "i.severity"])
		.orderBy("first_notified_at")
		.orderBy("i.id")
		.execute();
}

/** How many cases wait for the person's acknowledgement (Home's count). */
export async function countCasesAwaitingAcknowledgement(
	db: Queryable,
	tenantId: string,
	accountId: string,
): Promise<number> {
	const row = await db
		.selectFrom("incident_notifications as n")
		.innerJoin("incidents as i", "i.id", "n.incident_id")
		.select((eb) => eb.fn.count<number>("n.incident_id").distinct().as("n"))
		.where("n.tenant_id", "=", tenantId)
		.where("n.account_id", "=", accountId)
		.where("n.acknowledged_at", "is", null)
		.where("i.tenant_id", "=", tenantId)
		.where("i.state", "!=", "rejected")
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Record that the notification's mail was accepted by the SMTP server. */
export async function markMailed(tx: Tx, tenantId: string, id: string, at: string): Promise<void> {
	await tx
		.updateTable("incident_notifications")
		.set({ mailed_at: at })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

/** Whether a deadline reminder about `subject` went out for the case since `since`. */
export async function remindedSince(
	db: Queryable,
	tenantId: string,
	incidentId: string,
	subject: string,
	since: string,
): Promise<boolean> {
	const row = await db
		.selectFrom("incident_notifications")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.where("reason", "=", "deadline")
		.where("subject", "=", subject)
		.where("notified_at", ">=", since)
		.executeTakeFirst();
	return row !== undefined;
}

/** Whether the case already has a timeline entry of this kind (an escalation happens once). */
export async function hasEventOfKind(
	db: Queryable,
	tenantId: string,
	incidentId: string,
	kind: string,
): Promise<boolean> {
	const row = await db
		.selectFrom("incident_events")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.where("kind", "=", kind)
		.executeTakeFirst();
	return row !== undefined;
}
