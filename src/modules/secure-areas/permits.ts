import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { findStaff } from "../org/staff.repository.ts";
import { type AreaDesk, keptArea } from "./area-desk.ts";
import { invalidField } from "./area-problems.ts";
import type { PermitRow } from "./secure-areas.repository.ts";
import type { EntryRefusal } from "./secure-areas.schemas.ts";

/**
 * Allow a member of staff to enter an area until a Japan date (inclusive), or move the date of
 * an existing permit. The area's manager (or the CISO, 統括) only.
 */
export async function grantPermit(
	tx: Tx,
	desk: AreaDesk,
	areaId: string,
	input: { staffId: string; untilOn: string },
): Promise<void> {
	const area = await keptArea(tx, desk, areaId);
	const tenantId = desk.actor.tenantId;
	const staff = await findStaff(tx, tenantId, input.staffId);
	if (!staff?.active)
		throw invalidField("staffId", "secure_area_staff_unknown", "not active on the roster");
	if (input.untilOn < desk.today)
		throw invalidField("untilOn", "secure_area_permit_in_past", "the date has passed");
	const before = await tx
		.selectFrom("secure_area_permits")
		.selectAll()
		.where("area_id", "=", area.id)
		.where("staff_id", "=", staff.id)
		.executeTakeFirst();
	if (before)
		await tx
			.updateTable("secure_area_permits")
			.set({ until_on: input.untilOn })
			.where("id", "=", before.id)
			.execute();
	else
		await tx
			.insertInto("secure_area_permits")
			.values({
				id: randomUUID(),
				tenant_id: tenantId,
				area_id: area.id,
				staff_id: staff.id,
				until_on: input.untilOn,
				granted_by: desk.actor.accountId,
				granted_by_label: desk.actor.label,
				created_at: new Date().toISOString(),
			})
			.execute();
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"secure_area.permit_granted",
		{
			areaId: area.id,
			code: area.code,
			staffId: staff.id,
			untilOn: input.untilOn,
			previousUntilOn: before?.until_on ?? null,
		},
		{ recordType: "secure_area", recordId: area.id },
	);
}

/** Take a permit away: from now on the person's entries are flagged. */
export async function revokePermit(
	tx: Tx,
	desk: AreaDesk,
	areaId: string,
	permitId: string,
): Promise<void> {
	const area = await keptArea(tx, desk, areaId);
	const permit = await tx
		.selectFrom("secure_area_permits")
		.selectAll()
		.where("tenant_id", "=", desk.actor.tenantId)
		.where("area_id", "=", area.id)
		.where("id", "=", permitId)
		.executeTakeFirst();
	if (!permit) throw invalidField("permitId", "secure_area_staff_unknown", "no such permit");
	await tx.deleteFrom("secure_area_permits").where("id", "=", permit.id).execute();
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"secure_area.permit_revoked",
		{ areaId: area.id, code: area.code, staffId: permit.staff_id, untilOn: permit.until_on },
		{ recordType: "secure_area", recordId: area.id },
	);
}

/**
 * Whether a member of staff may enter on `day`: null when allowed, else why not. Permits are
 * keyed `area|staff` → until date.
 *
 * @example
 * refusalOf(permits, area.id, staffId, "2026-04-01") // "permit_expired"
 */
export function refusalOf(
	permits: ReadonlyMap<string, string>,
	areaId: string,
	staffId: string,
	day: string,
): Exclude<EntryRefusal, "escort_not_permitted"> | null {
	const until = permits.get(`${areaId}|${staffId}`);
	if (until === undefined) return "not_permitted";
	return until < day ? "permit_expired" : null;
}

export function permitMap(rows: readonly PermitRow[]): Map<string, string> {
	return new Map(rows.map((row) => [`${row.area_id}|${row.staff_id}`, row.until_on]));
}
