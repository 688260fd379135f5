import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { GENESIS_HASH, hashEvent } from "./audit-log.chain.ts";
import {
	AUDIT_EVENT_SCHEMAS,
	type AuditEventData,
	type AuditEventType,
} from "./audit-log.events.ts";
import { countAudit } from "./audit-tally.ts";

/** Who caused an event, and from where. `actorId` is null for anonymous attempts (failed login). */
export interface AuditContext {
	tenantId: string;
	actorId: string | null;
	actorLabel: string | null;
	ip: string | null;
}

export interface AuditRecord {
	recordType?: string;
	recordId?: string;
}

/** Start a tenant's chain. Called once, in the transaction that creates the tenant. */
export async function startAuditChain(tx: Tx, tenantId: string): Promise<void> {
	await tx
		.insertInto("audit_heads")
		.values({ tenant_id: tenantId, seq: 0, hash: GENESIS_HASH })
		.execute();
}

/**
 * Append one typed event to the tenant's hash chain, inside the caller's transaction.
 *
 * Bumping the chain head first takes its row lock on PostgreSQL, so concurrent writers of one
 * tenant queue up instead of forking the chain; SQLite writers are serialised already.
 *
 * @example
 * await recordAudit(tx, ctx, "auth.logout", {}, { recordType: "account", recordId: account.id });
 */
export async function recordAudit<T extends AuditEventType>(
	tx: Tx,
	context: AuditContext,
	type: T,
	data: AuditEventData<T>,
	record: AuditRecord = {},
): Promise<void> {
	const parsed = AUDIT_EVENT_SCHEMAS[type].safeParse(data);
	if (!parsed.success) {
		throw new Problem(
			"internal",
			`audit event ${type} does not match its schema: ${parsed.error.message}`,
		);
	}
	const head = await tx
		.updateTable("audit_heads")
		.set((eb) => ({ seq: eb("seq", "+", 1) }))
		.where("tenant_id", "=", context.tenantId)
		.returning(["seq", "hash"])
		.executeTakeFirst();
	if (!head) throw new Problem("internal", `tenant ${context.tenantId} has no audit chain`);

	// Both engines store text as UTF-8, which cannot hold a lone surrogate: hash exactly what
	// will be stored, or such an event would read as altered forever after.
	const wellFormed = (value: string | null | undefined) => value?.toWellFormed() ?? null;
	const event = {
		tenant_id: context.tenantId,
		seq: Number(head.seq),
		id: randomUUID(),
		type,
		occurred_at: new Date().toISOString(),
		actor_id: wellFormed(context.actorId),
		actor_label: wellFormed(context.actorLabel),
		ip: wellFormed(context.ip),
		record_type: wellFormed(record.recordType),
		record_id: wellFormed(record.recordId),
		data: JSON.stringify(parsed.data),
		prev_hash: head.hash,
	};
	const hash = hashEvent(event);
	await tx
		.insertInto("audit_events")
		.values({ ...event, hash })
		.execute();
	await tx
		.updateTable("audit_heads")
		.set({ hash })
		.where("tenant_id", "=", context.tenantId)
		.execute();
	countAudit(context.actorId);
}

/** The audit context of a logged-in actor. */
export function auditContextOf(actor: {
	tenantId: string;
	accountId: string;
	label: string;
	ip: string | null;
}): AuditContext {
	return {
		tenantId: actor.tenantId,
		actorId: actor.accountId,
		actorLabel: actor.label,
		ip: actor.ip,
	};
}
