import { Problem } from "../../../shared/problem.ts";
import { can } from "../../authz/policy.ts";
import { inScope } from "../asset-scope.ts";
import { japanToday, seesUnit, type TakeOutDesk } from "./take-out-desk.ts";
import { takeOutsPolicy } from "./take-outs.policy.ts";
import type { TakeOutRow } from "./take-outs.repository.ts";
import type { TakeOutStatus, TakeOutView } from "./take-outs.schemas.ts";

/** The take-out if the caller may see it: their own request, or one of a unit they oversee. */
export function visibleTakeOut(desk: TakeOutDesk, row: TakeOutRow | undefined): TakeOutRow {
	if (!row) throw new Problem("not_found", "no such take-out");
	const mine = row.requested_by === desk.ledger.actor.accountId;
	if (!mine && !seesUnit(desk, row.owner_unit_id)) {
		throw new Problem("not_found", "no such take-out");
	}
	return row;
}

export function isOverdue(row: TakeOutRow, today: string): boolean {
	return row.status === "approved" && row.until_date < today;
}

/** Whether the caller may decide this request: a decider of the unit, and not the requester. */
export function mayDecide(desk: TakeOutDesk, row: TakeOutRow): boolean {
	return (
		can(desk.ledger.actor, takeOutsPolicy, "take_out.decide") &&
		inScope(desk.decide, row.owner_unit_id) &&
		row.requested_by !== desk.ledger.actor.accountId
	);
}

/** Whether the caller may record the return: the requester, a decider, or a manager of the asset. */
export function mayRecordReturn(desk: TakeOutDesk, row: TakeOutRow): boolean {
	return (
		row.requested_by === desk.ledger.actor.accountId ||
		(can(desk.ledger.actor, takeOutsPolicy, "take_out.decide") &&
			inScope(desk.decide, row.owner_unit_id)) ||
		inScope(desk.ledger.write, row.owner_unit_id)
	);
}

/** Whitelist what leaves the server, with the actions the caller may take on it now. */
export function presentTakeOut(
	desk: TakeOutDesk,
	row: TakeOutRow,
	today = japanToday(),
): TakeOutView {
	const actions: string[] = [];
	if (row.status === "requested" && mayDecide(desk, row)) actions.push("take_out.decide");
	if (row.status === "approved" && mayRecordReturn(desk, row)) actions.push("take_out.return");
	return {
		id: row.id,
		asset: {
			id: row.asset_id,
			code: row.asset_code,
			name: row.asset_name,
			unitName: row.unit_name,
			zone: row.asset_zone as TakeOutView["asset"]["zone"],
		},
		status: row.status as TakeOutStatus,
		overdue: isOverdue(row, today),
		purpose: row.purpose,
		destination: row.destination,
		from: row.from_date,
		until: row.until_date,
		encrypted: Boolean(row.encrypted),
		lockedCase: Boolean(row.locked_case),
		requestedBy: row.requested_by_label,
		requestedAt: row.requested_at,
		decidedBy: row.decided_by_label,
		decidedAt: row.decided_at,
		decisionReason: row.decision_reason,
		returnedBy: row.returned_by_label,
		returnedAt: row.returned_at,
		returnNote: row.return_note,
		allowedActions: actions,
	};
}
