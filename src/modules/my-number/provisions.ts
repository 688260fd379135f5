import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import {
	findNotice,
	insertProvision,
	markNoticeSeen,
	type ProvisionRow,
} from "./my-number.repository.ts";
import type { AddProvisionInput } from "./my-number.schemas.ts";
import { keptAffair, type MyNumberDesk } from "./my-number-desk.ts";
import { notFound } from "./my-number-problems.ts";

/**
 * Record a provision of the affair's 特定個人情報 to another body (番号法19条): the day, the
 * recipient, the legal basis, the items and how many people.
 */
export async function recordProvision(
	tx: Tx,
	desk: MyNumberDesk,
	affairId: string,
	input: AddProvisionInput,
	now: Date = new Date(),
): Promise<ProvisionRow> {
	const { actor } = desk;
	const affair = await keptAffair(tx, desk, affairId);
	const row: ProvisionRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		affair_id: affair.id,
		provided_on: input.providedOn,
		recipient: input.recipient,
		legal_basis: input.legalBasis,
		items: input.items,
		person_count: input.personCount,
		recorded_by_label: actor.label,
		created_at: now.toISOString(),
	};
	await insertProvision(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"my_number.provision_recorded",
		{
			affairId: affair.id,
			providedOn: row.provided_on,
			recipient: row.recipient,
			legalBasis: row.legal_basis,
			personCount: row.person_count,
		},
		{ recordType: "my_number_affair", recordId: affair.id },
	);
	return row;
}

/** The responsible person marks a notice of an ended handler entry as seen. */
export async function markSeen(
	tx: Tx,
	desk: MyNumberDesk,
	affairId: string,
	noticeId: string,
	now: Date = new Date(),
): Promise<void> {
	const { actor } = desk;
	const affair = await keptAffair(tx, desk, affairId);
	const notice = await findNotice(tx, actor.tenantId, noticeId);
	if (!notice || notice.affair_id !== affair.id || notice.account_id !== actor.accountId)
		throw notFound("notice");
	if (notice.seen_at !== null) return;
	await markNoticeSeen(tx, actor.tenantId, notice.id, now.toISOString());
	await recordAudit(
		tx,
		auditContextOf(actor),
		"my_number.notice_seen",
		{ affairId: affair.id, noticeId: notice.id },
		{ recordType: "my_number_affair", recordId: affair.id },
	);
}
