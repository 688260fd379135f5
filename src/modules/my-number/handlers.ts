import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { refusal } from "../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { activeStaffAt } from "./affairs.ts";
import {
	endHandlerRow,
	type HandlerRow,
	handlersOf,
	insertHandler,
} from "./my-number.repository.ts";
import type { AddHandlerInput } from "./my-number.schemas.ts";
import { keptAffair, type MyNumberDesk } from "./my-number-desk.ts";
import { invalidField, notFound } from "./my-number-problems.ts";

/**
 * The responsible person (or the CISO, 統括) names a 事務取扱担当者 of the affair: a member of the
 * roster, from a day, until a day or until removed. The handler's unit now is kept: a transfer
 * to another unit ends the entry (the lapse job).
 *
 * @throws Problem `validation_failed` (`my_number_staff_unknown`, `my_number_dates_reversed`);
 * `conflict` (`my_number_handler_open`) when the person already has an open entry
 */
export async function addHandler(
	tx: Tx,
	desk: MyNumberDesk,
	affairId: string,
	input: AddHandlerInput,
	now: Date = new Date(),
): Promise<HandlerRow> {
	const { actor } = desk;
	const affair = await keptAffair(tx, desk, affairId);
	const person = await activeStaffAt(tx, actor.tenantId, input.staffId, "staffId");
	if (input.endsOn !== null && input.endsOn <= input.startsOn)
		throw invalidField("endsOn", "my_number_dates_reversed", "the end must come after the start");
	const existing = await handlersOf(tx, actor.tenantId, [affair.id]);
	if (existing.some((entry) => entry.staff_id === person.staffId && entry.end_reason === null))
		throw refusal(
			"conflict",
			"my_number_handler_open",
			"this person already handles the affair; remove the entry first",
		);
	const row: HandlerRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		affair_id: affair.id,
		staff_id: person.staffId,
		org_unit_id: person.orgUnitId,
		starts_on: input.startsOn,
		ends_on: input.endsOn,
		end_reason: null,
		ended_by_label: null,
		created_by_label: actor.label,
		created_at: now.toISOString(),
	};
	await insertHandler(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"my_number.handler_added",
		{
			affairId: affair.id,
			staffId: row.staff_id,
			orgUnitId: row.org_unit_id,
			startsOn: row.starts_on,
			endsOn: row.ends_on,
		},
		{ recordType: "my_number_affair", recordId: affair.id },
	);
	return row;
}

/**
 * Remove a handler from the affair: the entry ends on `endsOn` (the first day it no longer
 * holds), never before it started.
 *
 * @throws Problem `not_found`; `conflict` (`my_number_handler_ended`)
 */
export async function removeHandler(
	tx: Tx,
	desk: MyNumberDesk,
	affairId: string,
	handlerId: string,
	endsOn: string,
): Promise<void> {
	const { actor } = desk;
	const affair = await keptAffair(tx, desk, affairId);
	const entry = (await handlersOf(tx, actor.tenantId, [affair.id])).find((h) => h.id === handlerId);
	if (!entry) throw notFound("handler entry");
	const day = endsOn < entry.starts_on ? entry.starts_on : endsOn;
	const ended = await endHandlerRow(tx, actor.tenantId, entry.id, {
		ends_on: entry.ends_on !== null && entry.ends_on < day ? entry.ends_on : day,
		end_reason: "removed",
		ended_by_label: actor.label,
	});
	if (!ended)
		throw refusal("conflict", "my_number_handler_ended", "this handler entry has already ended");
	await recordAudit(
		tx,
		auditContextOf(actor),
		"my_number.handler_ended",
		{
			affairId: affair.id,
			staffId: entry.staff_id,
			endsOn: day,
			reason: "removed",
			notifiedAccountIds: [],
		},
		{ recordType: "my_number_affair", recordId: affair.id },
	);
}
