import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { formatJapanTime, japanDate } from "../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { findStaff } from "../org/staff.repository.ts";
import { type AreaDesk, canSeeArea, keptArea, visibleArea } from "./area-desk.ts";
import { alreadyExited, entryNotFound, entryRepeated, invalidField } from "./area-problems.ts";
import { peopleByIds } from "./people.ts";
import { permitMap, refusalOf } from "./permits.ts";
import {
	type EntryRow,
	entriesOfDay,
	findEntryRow,
	flaggedEntries,
	listAreaRows,
	nearbyEntry,
	permitsOf,
} from "./secure-areas.repository.ts";
import type { ENTRY_FLAGS, EntryInput, EntryRefusal } from "./secure-areas.schemas.ts";

/** Clocks of card readers and PCs drift: an entry up to this far ahead of now is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** A person's second entry into an area this close to a logged one is the same stay typed twice. */
const REPEAT_WINDOW_MS = 60_000;

export type EntryFlag = (typeof ENTRY_FLAGS)[number];

/**
 * Why an entry needs a look: its refusal, and `no_exit` once its day has ended without an exit
 * (an entry of today without an exit is not yet flagged: the person may still be inside).
 */
export function flagsOf(row: Pick<EntryRow, "refusal" | "exited_at" | "entry_day">, today: string) {
	const flags: EntryFlag[] = [];
	if (row.refusal) flags.push(row.refusal as EntryRefusal);
	if (row.exited_at === null && row.entry_day < today) flags.push("no_exit");
	return flags;
}

/** The person key of the natural key of an entry: the staff id, or the visitor's name. */
export function personKey(staffId: string | null, visitorName: string | null): string {
	return staffId ? `staff:${staffId}` : `visitor:${visitorName ?? ""}`;
}

/**
 * Record a stay in an area by hand: a member of staff, or a visitor with an escort who must be
 * allowed in the area. A member of staff without a permit is recorded and flagged, as it
 * happened. The area's manager (or the CISO, 統括) only.
 */
export async function recordEntry(
	tx: Tx,
	desk: AreaDesk,
	areaId: string,
	input: EntryInput,
	now: Date = new Date(),
): Promise<EntryRow> {
	const area = await keptArea(tx, desk, areaId);
	const tenantId = desk.actor.tenantId;
	const visitor = input.visitorName && input.visitorName !== "" ? input.visitorName : null;
	if ((input.staffId === null) === (visitor === null))
		throw invalidField("staffId", "secure_area_person_one_of", "a member of staff or a visitor");
	const enteredAt = new Date(input.enteredAt);
	if (enteredAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
		throw invalidField("enteredAt", "secure_area_time_in_future", "the entry is in the future");
	const exitedAt = input.exitedAt === null ? null : new Date(input.exitedAt);
	if (exitedAt && exitedAt < enteredAt)
		throw invalidField("exitedAt", "secure_area_exit_before_entry", "the exit is before the entry");
	const day = japanDate(enteredAt);
	const permits = permitMap(await permitsOf(tx, tenantId, [area.id]));
	let refusal: EntryRefusal | null = null;
	if (input.staffId !== null) {
		if (!(await findStaff(tx, tenantId, input.staffId)))
			throw invalidField("staffId", "secure_area_staff_unknown", "not on the roster");
		if (input.escortStaffId !== null)
			throw invalidField("escortStaffId", "secure_area_person_one_of", "only for a visitor");
		refusal = refusalOf(permits, area.id, input.staffId, day);
	} else {
		if (input.escortStaffId === null || !(await findStaff(tx, tenantId, input.escortStaffId)))
			throw invalidField("escortStaffId", "secure_area_staff_unknown", "a visitor needs an escort");
		if (refusalOf(permits, area.id, input.escortStaffId, day) !== null)
			throw invalidField(
				"escortStaffId",
				"secure_area_escort_not_permitted",
				"the escort is not allowed in the area",
			);
	}
	const key = personKey(input.staffId, visitor);
	const repeated = await nearbyEntry(
		tx,
		tenantId,
		area.id,
		key,
		new Date(enteredAt.getTime() - REPEAT_WINDOW_MS),
		new Date(enteredAt.getTime() + REPEAT_WINDOW_MS),
	);
	if (repeated) throw entryRepeated(formatJapanTime(repeated.entered_at));
	const row: EntryRow = {
		id: randomUUID(),
		tenant_id: tenantId,
		area_id: area.id,
		staff_id: input.staffId,
		visitor_name: visitor,
		visitor_organisation: visitor ? (input.visitorOrganisation ?? null) : null,
		escort_staff_id: visitor ? input.escortStaffId : null,
		person_key: key,
		entered_at: enteredAt.toISOString(),
		exited_at: exitedAt?.toISOString() ?? null,
		entry_day: day,
		refusal,
		flagged: refusal !== null || exitedAt === null,
		source: "app",
		recorded_by: desk.actor.accountId,
		created_at: now.toISOString(),
	};
	await tx.insertInto("secure_area_entries").values(row).execute();
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"secure_area.entry_recorded",
		{
			areaId: area.id,
			code: area.code,
			entryId: row.id,
			staffId: row.staff_id,
			visitorName: row.visitor_name,
			escortStaffId: row.escort_staff_id,
			enteredAt: row.entered_at,
			refusal,
		},
		{ recordType: "secure_area", recordId: area.id },
	);
	return row;
}

/** Record the exit of a stay without one. */
export async function recordExit(
	tx: Tx,
	desk: AreaDesk,
	areaId: string,
	entryId: string,
	exitedAtText: string,
	now: Date = new Date(),
): Promise<EntryRow> {
	const area = await keptArea(tx, desk, areaId);
	const entry = await findEntryRow(tx, desk.actor.tenantId, area.id, entryId);
	if (!entry) throw entryNotFound();
	if (entry.exited_at !== null) throw alreadyExited();
	const exitedAt = new Date(exitedAtText);
	if (exitedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
		throw invalidField("exitedAt", "secure_area_time_in_future", "the exit is in the future");
	if (exitedAt < new Date(entry.entered_at))
		throw invalidField("exitedAt", "secure_area_exit_before_entry", "the exit is before the entry");
	const exited = exitedAt.toISOString();
	const flagged = entry.refusal !== null;
	await tx
		.updateTable("secure_area_entries")
		.set({ exited_at: exited, flagged })
		.where("id", "=", entry.id)
		.execute();
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"secure_area.exit_recorded",
		{ areaId: area.id, code: area.code, entryId: entry.id, exitedAt: exited },
		{ recordType: "secure_area", recordId: area.id },
	);
	return { ...entry, exited_at: exited, flagged };
}

/** Entries as the API sends them, with the people named. */
export async function presentEntries(db: Queryable, desk: AreaDesk, rows: readonly EntryRow[]) {
	const people = await peopleByIds(
		db,
		desk.actor.tenantId,
		rows.flatMap((row) => [row.staff_id, row.escort_staff_id]),
	);
	return rows.map((row) => ({
		id: row.id,
		areaId: row.area_id,
		staff: row.staff_id ? (people.get(row.staff_id) ?? null) : null,
		visitorName: row.visitor_name,
		visitorOrganisation: row.visitor_organisation,
		escort: row.escort_staff_id ? (people.get(row.escort_staff_id) ?? null) : null,
		enteredAt: row.entered_at,
		exitedAt: row.exited_at,
		entryDay: row.entry_day,
		source: row.source as "app" | "card_reader",
		flags: flagsOf(row, desk.today),
	}));
}

/** One area's entries of a Japan day: its manager, the CISO, 統括 and auditors only. */
export async function dayEntries(db: Queryable, desk: AreaDesk, areaId: string, day: string) {
	const area = await visibleArea(db, desk, areaId);
	const rows = await entriesOfDay(db, desk.actor.tenantId, area.id, day);
	return { areaId: area.id, day, items: await presentEntries(db, desk, rows) };
}

/** The last day of a month `YYYY-MM`. */
function monthEnd(month: string): string {
	const [year, mon] = month.split("-").map(Number) as [number, number];
	return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}

/**
 * The month's flagged entries of every area the caller sees: entries by people not allowed
 * (or past their permit), visitors whose escort was not allowed, and stays without an exit
 * after their day ended. A query, not a stored state: an exit recorded later clears the flag.
 */
export async function monthFlags(db: Queryable, desk: AreaDesk, month: string) {
	const areas = (await listAreaRows(db, desk.actor.tenantId)).filter((a) => canSeeArea(desk, a));
	const byId = new Map(areas.map((area) => [area.id, area]));
	const rows = (
		await flaggedEntries(db, desk.actor.tenantId, [...byId.keys()], `${month}-01`, monthEnd(month))
	).filter((row) => flagsOf(row, desk.today).length > 0);
	const items = await presentEntries(db, desk, rows);
	return {
		month,
		items: items.map((item) => {
			const area = byId.get(item.areaId);
			return { ...item, areaCode: area?.code ?? "", areaName: area?.name ?? "" };
		}),
	};
}
