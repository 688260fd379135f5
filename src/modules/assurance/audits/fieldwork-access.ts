import type { Queryable } from "../../../db/queryable.ts";
import { refusal } from "../../../shared/issues.ts";
import { can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { visibleAudit } from "./audit-access.ts";
import { auditsPolicy } from "./audits.policy.ts";
import {
	type AuditRow,
	type AuditUnitRow,
	auditTeams,
	auditUnits,
	type TeamRow,
} from "./audits.repository.ts";

/** An audit as its fieldwork sees it: the caller's part in it, its team and units. */
export interface AuditDesk {
	actor: Actor;
	row: AuditRow;
	team: readonly TeamRow[];
	units: readonly AuditUnitRow[];
	/** The caller is an auditor on the audit's team (its lead or a member). */
	onTeam: boolean;
	/** The caller is the audit's lead (監査責任者). */
	lead: boolean;
	/** The caller runs audits (統括, CISO). */
	runs: boolean;
}

/**
 * The audit if the caller may read it (otherwise `not_found`, as for an audit that does not
 * exist), with the caller's part in it.
 */
export async function openAuditDesk(db: Queryable, actor: Actor, id: string): Promise<AuditDesk> {
	const row = await visibleAudit(db, actor, id);
	const [team, units] = await Promise.all([
		auditTeams(db, actor.tenantId, [id]),
		auditUnits(db, actor.tenantId, [id]),
	]);
	const mine = team.find((member) => member.account_id === actor.accountId);
	return {
		actor,
		row,
		team,
		units,
		onTeam: mine !== undefined,
		lead: mine?.role === "lead",
		runs: can(actor, auditsPolicy, "assurance_audit.manage"),
	};
}

/** Fieldwork results and the report are read by the team and by those who run audits. */
export function assertMayReadFieldwork(desk: AuditDesk): void {
	if (!desk.onTeam && !desk.runs) {
		throw refusal(
			"forbidden",
			"audit_fieldwork_hidden",
			"only the audit's team and those who run audits read its fieldwork",
		);
	}
}

/** Only an auditor on the audit's team records its fieldwork. */
export function assertOnTeam(desk: AuditDesk): void {
	if (!desk.onTeam) {
		throw refusal("forbidden", "audit_not_on_team", "only the audit's auditors record fieldwork");
	}
}

export function assertInFieldwork(row: AuditRow): void {
	if (row.state !== "fieldwork") {
		throw refusal("conflict", "audit_not_in_fieldwork", `the audit is ${row.state}`, {
			state: row.state,
		});
	}
}

/** An audited unit of the audit; another unit is not found. */
export function assertAuditedUnit(desk: AuditDesk, unitId: string): void {
	if (!desk.units.some((unit) => unit.org_unit_id === unitId)) {
		throw refusal("not_found", "audit_unit_unknown", "the audit does not audit this unit");
	}
}
