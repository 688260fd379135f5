import type { Queryable } from "../../db/queryable.ts";
import { refusal, ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { type AssetScope, assetScope, inScope } from "../assets/asset-scope.ts";
import { can } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { acceptingRole } from "./acceptance.ts";
import {
	levelBand,
	type MatrixSize,
	matrixSize,
	type Rating,
	ratingIssues,
	riskScore,
} from "./matrix.ts";
import { risksPolicy } from "./risks.policy.ts";
import type { LinkedAsset, RiskRow } from "./risks.repository.ts";
import type { RiskView, Treatment } from "./risks.schemas.ts";

/** Roles that oversee every incident, and so may raise a risk a case shows in any unit. */
const RAISE_ANYWHERE: ReadonlySet<Role> = new Set(["ciso", "csirt"]);

/** What every register use case needs: the tenant's pack, the caller's reach, and today. */
export interface Register {
	actor: Actor;
	pack: PolicyPack;
	size: MatrixSize;
	read: AssetScope;
	write: AssetScope;
	/** Where the caller may enter a risk a finding brought to light (`risk.raise`). */
	raise: AssetScope;
	/** The role the caller accepts risks under, if any. */
	acceptAs: Role | undefined;
	/** Today in Japan (YYYY-MM-DD): due dates are Japan dates. */
	today: string;
}

/** A Japan calendar date of an instant. */
export function japanDate(at: Date = new Date()): string {
	return new Date(at.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * Load the tenant's pack and the caller's scopes (the same as in the asset ledger).
 *
 * @throws Problem `not_found` when the tenant has no policy pack
 */
export async function openRegister(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<Register> {
	const current = await currentTenantPack(db, actor.tenantId);
	if (!current) throw new Problem("not_found", "this tenant has no policy pack yet");
	const write = await assetScope(db, actor, "write");
	return {
		actor,
		pack: current.pack,
		size: matrixSize(current.pack),
		read: await assetScope(db, actor, "read"),
		write,
		raise: actor.roles.some((held) => RAISE_ANYWHERE.has(held.role)) ? { all: true } : write,
		acceptAs: acceptingRole(actor, current.pack),
		today: japanDate(now),
	};
}

/** The filter context of the register for repository queries. */
export function filterContext(register: Register) {
	return {
		tenantId: register.actor.tenantId,
		scope: register.read,
		size: register.size,
		today: register.today,
	};
}

/** The risk if the caller may see it (404 otherwise: out-of-scope risks do not exist for them). */
export function visibleRisk(register: Register, row: RiskRow | undefined): RiskRow {
	if (!row || !inScope(register.read, row.owner_unit_id)) {
		throw new Problem("not_found", "no such risk");
	}
	return row;
}

/** The risk if the caller may change it. */
export function editableRisk(register: Register, row: RiskRow | undefined): RiskRow {
	const risk = visibleRisk(register, row);
	if (!inScope(register.write, risk.owner_unit_id)) {
		throw refusal("forbidden", "read_only_scope", "you may read this risk but not change it");
	}
	return risk;
}

/** Refuse a threat code the tenant's pack does not list, naming the field. */
export function assertThreat(register: Register, code: string, path = "threatCode"): void {
	if (!register.pack.threats.some((threat) => threat.code === code)) {
		const known = register.pack.threats.map((threat) => threat.code).join(", ");
		throw new Problem("validation_failed", `unknown threat "${code}"; the pack lists: ${known}`, {
			issues: [
				ruleIssue(path, "threat_unknown", `not a threat of the tenant's policy pack (${known})`, {
					value: code,
				}),
			],
		});
	}
}

/** Refuse ratings outside the pack's matrix, naming each field. */
export function assertRatings(register: Register, ratings: Record<string, Rating | undefined>) {
	const issues = Object.entries(ratings).flatMap(([path, rating]) =>
		rating ? ratingIssues(rating, register.size, path) : [],
	);
	if (issues.length > 0) {
		throw new Problem(
			"validation_failed",
			`ratings must lie on the ${register.size}×${register.size} risk matrix: ${issues
				.map((issue) => issue.path)
				.join(", ")}`,
			{ issues },
		);
	}
}

/** Whether the treatment is late: due date passed and the risk not closed. */
export function isOverdue(register: Register, row: Pick<RiskRow, "status" | "treatment_due">) {
	return (
		row.status !== "closed" && row.treatment_due !== null && row.treatment_due < register.today
	);
}

function rating(register: Register, likelihood: number, impact: number) {
	const score = riskScore({ likelihood, impact });
	return { likelihood, impact, score, band: levelBand(score, register.size) };
}

/** Whitelist what leaves the server; linked assets are shown only where the caller may see them. */
export function presentRisk(
	register: Register,
	row: RiskRow,
	assets: readonly LinkedAsset[],
): RiskView {
	const threat = register.pack.threats.find((entry) => entry.code === row.threat_code);
	const writable = inScope(register.write, row.owner_unit_id);
	const actions: string[] = ["risk.read"];
	if (writable && can(register.actor, risksPolicy, "risk.write")) actions.push("risk.write");
	if (register.acceptAs && row.status !== "closed") actions.push("risk.accept");
	return {
		id: row.id,
		title: row.title,
		description: row.description,
		systemName: row.system_name,
		assets: assets
			.filter((asset) => asset.risk_id === row.id && inScope(register.read, asset.owner_unit_id))
			.map((asset) => ({ id: asset.id, code: asset.code, name: asset.name, kind: asset.kind })),
		threat: { code: row.threat_code, label: threat?.label ?? null },
		ownerUnit: { id: row.owner_unit_id, code: row.unit_code, name: row.unit_name },
		inherent: rating(register, Number(row.inherent_likelihood), Number(row.inherent_impact)),
		residual: rating(register, Number(row.residual_likelihood), Number(row.residual_impact)),
		existingControls: row.existing_controls,
		treatment: row.treatment as Treatment | null,
		treatmentPlan: row.treatment_plan,
		treatmentOwner:
			row.treatment_owner_id === null
				? null
				: { id: row.treatment_owner_id, displayName: row.owner_name ?? "" },
		treatmentDue: row.treatment_due,
		overdue: isOverdue(register, row),
		status: row.status as RiskView["status"],
		acceptance:
			row.accepted_at === null
				? null
				: {
						by: row.accepted_by ?? "",
						byLabel: row.accepted_by_label ?? "",
						at: row.accepted_at,
						reason: row.acceptance_reason ?? "",
					},
		closedAt: row.closed_at,
		version: Number(row.version),
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		allowedActions: actions,
	};
}
