import type { Role } from "../authz/roles.ts";
import { UNIT_SCOPED_ROLES } from "../authz/roles.ts";
import type { ChainRole, IncidentChain } from "../policies/pack/incident-chain.schema.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";

/** The chain a tenant works under, with the escalation threshold resolved on its scale. */
export interface ResolvedChain {
	contactPoint: IncidentChain["contactPoint"];
	notify: IncidentChain["notify"];
	escalation: { fromSeverity: number; afterHours: number };
	deadlineReminders: { daysBefore: number };
}

/**
 * The pack's reporting chain, or the standard pack's when it states none. An escalation without a
 * threshold starts at the top step of the pack's impact scale (the severe step).
 *
 * @example
 * const chain = chainOf(tenantPack, loadBundledPack("standard")); chain.escalation.afterHours; // 2
 */
export function chainOf(pack: PolicyPack, standard: PolicyPack): ResolvedChain {
	const chain = pack.incident.chain ?? standard.incident.chain;
	if (!chain) throw new Error(`neither ${pack.id} nor ${standard.id} states a reporting chain`);
	return {
		contactPoint: chain.contactPoint,
		notify: chain.notify,
		escalation: {
			fromSeverity: chain.escalation.fromSeverity ?? pack.riskMatrix.size,
			afterHours: chain.escalation.afterHours,
		},
		deadlineReminders: chain.deadlineReminders,
	};
}

/** The roles told of a case of this severity, in the chain's order. */
export function rolesToTell(chain: ResolvedChain, severity: number): ChainRole[] {
	return chain.notify.filter((step) => severity >= step.fromSeverity).map((step) => step.role);
}

/** Whether a case of this severity escalates to the CISO when its chain does not acknowledge. */
export function escalates(chain: ResolvedChain, severity: number | null): boolean {
	return severity !== null && severity >= chain.escalation.fromSeverity;
}

/** A role assignment in force, as the chain reads it. */
export interface ChainHolder {
	accountId: string;
	role: string;
	orgUnitId: string | null;
}

/** A person to tell: who, as which role, and for per-unit roles through which unit. */
export interface ChainRecipient {
	accountId: string;
	role: ChainRole;
	orgUnitId: string | null;
}

/** A link of the chain nobody holds: told to the CSIRT so that the gap shows on the case. */
export interface ChainGap {
	role: ChainRole;
	/** The case's unit no holder was found above; null for a tenant-wide role or a case without units. */
	unitId: string | null;
}

/**
 * Who must be told, from the role holders of the tenant: for a per-unit role the holders nearest
 * above each of the case's units (the unit first, then its parents: the 課長 of a 係, the 部長 of
 * a 課), for the others every holder. Each person once, as the first role of the chain they
 * hold; the links nobody holds are returned as gaps.
 *
 * @example
 * const { recipients, gaps } = chainRecipients(["ciso"], [unitId], units, holders);
 */
export function chainRecipients(
	roles: readonly ChainRole[],
	caseUnitIds: readonly string[],
	units: readonly { id: string; parent_id: string | null }[],
	holders: readonly ChainHolder[],
): { recipients: ChainRecipient[]; gaps: ChainGap[] } {
	const parentOf = new Map(units.map((unit) => [unit.id, unit.parent_id]));
	const recipients: ChainRecipient[] = [];
	const gaps: ChainGap[] = [];
	const add = (found: readonly ChainHolder[], role: ChainRole, orgUnitId: string | null) => {
		for (const holder of found) {
			if (recipients.some((r) => r.accountId === holder.accountId)) continue;
			recipients.push({ accountId: holder.accountId, role, orgUnitId });
		}
	};
	for (const role of roles) {
		const ofRole = holders.filter((holder) => holder.role === role);
		if (!UNIT_SCOPED_ROLES.has(role as Role)) {
			if (ofRole.length === 0) gaps.push({ role, unitId: null });
			add(ofRole, role, null);
			continue;
		}
		if (caseUnitIds.length === 0) gaps.push({ role, unitId: null });
		for (const unitId of caseUnitIds) {
			const nearest = nearestHolders(unitId, ofRole, parentOf);
			if (!nearest) {
				gaps.push({ role, unitId });
				continue;
			}
			add(nearest.holders, role, nearest.unitId);
		}
	}
	return { recipients, gaps };
}

function nearestHolders(
	unitId: string,
	holders: readonly ChainHolder[],
	parentOf: ReadonlyMap<string, string | null>,
): { unitId: string; holders: ChainHolder[] } | null {
	const seen = new Set<string>();
	let at: string | null | undefined = unitId;
	while (at && !seen.has(at)) {
		seen.add(at);
		const here = holders.filter((holder) => holder.orgUnitId === at);
		if (here.length > 0) return { unitId: at, holders: here };
		at = parentOf.get(at);
	}
	return null;
}
