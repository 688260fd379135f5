import type { Queryable } from "../../db/queryable.ts";
import { levelLists } from "../assets/classification.ts";
import { allowedActions, authorize, can } from "../authz/policy.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { contractClausesOf } from "./contract-clauses.ts";
import { type ContractDesk, decidingRoles, mayManageUnit } from "./contract-desk.ts";
import { contractsPolicy } from "./contracts.policy.ts";
import {
	type ContractHead,
	type ContractListRow,
	checksOf,
	contractAssets,
	findContractor,
	listContracts,
	subcontractsOf,
} from "./contracts.repository.ts";
import type { ContractQuery, ContractView } from "./contracts.schemas.ts";
import { visibleContract } from "./save-contract.ts";

const list = (json: string) => JSON.parse(json) as string[];

function summary(row: ContractListRow) {
	return {
		id: row.id,
		code: row.code,
		title: row.title,
		contractor: { id: row.contractor_id, name: row.contractor_name },
		unit: { id: row.owner_unit_id, name: row.unit_name },
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		state: row.state as "active" | "ended",
		topLevel: row.top_level,
		gaps: list(row.gaps),
	};
}

/** The steps the caller may take on this contract now. */
function actionsOn(desk: ContractDesk, row: ContractHead, pending: boolean): string[] {
	const actions: string[] = [];
	const manager =
		can(desk.actor, contractsPolicy, "contract.manage") && mayManageUnit(desk, row.owner_unit_id);
	if (row.state === "active" && manager) actions.push("update", "request_subcontract", "end");
	if (pending && desk.decideAs !== undefined) actions.push("decide_subcontract");
	if (row.state === "active" && can(desk.actor, contractsPolicy, "contract.check"))
		actions.push("record_check");
	return actions;
}

/** One contract as the API sends it: assets, clauses and gaps worked out now, 再委託, checks. */
export async function presentContract(
	db: Queryable,
	desk: ContractDesk,
	row: ContractHead,
): Promise<ContractView> {
	const tenantId = desk.actor.tenantId;
	const [assets, contractor, units, subcontracts, checks] = await Promise.all([
		contractAssets(db, tenantId, row.id),
		findContractor(db, tenantId, row.contractor_id),
		listOrgUnits(db, tenantId),
		subcontractsOf(db, tenantId, row.id),
		checksOf(db, tenantId, row.id),
	]);
	const clauses = list(row.clauses);
	const verdict = desk.check(
		assets.map((asset) => asset.class_key),
		clauses,
	);
	return {
		id: row.id,
		code: row.code,
		title: row.title,
		contractor: { id: row.contractor_id, name: contractor?.name ?? "" },
		unit: {
			id: row.owner_unit_id,
			name: units.find((unit) => unit.id === row.owner_unit_id)?.name ?? "",
		},
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		state: row.state as "active" | "ended",
		topLevel: verdict.topLevel,
		gaps: verdict.gaps,
		purpose: row.purpose,
		assets: assets.map((asset) => ({
			id: asset.id,
			code: asset.code,
			name: asset.name,
			classKey: asset.class_key,
		})),
		clauses,
		required: verdict.required,
		subcontracts: subcontracts.map((sub) => ({
			id: sub.id,
			subcontractor: sub.subcontractor,
			work: sub.work,
			safeguards: sub.safeguards,
			state: sub.state as "requested" | "approved" | "refused",
			requestedBy: sub.requested_by_label,
			createdAt: sub.created_at,
			decision:
				sub.decided_at && sub.decided_by_label && sub.decided_as
					? {
							by: sub.decided_by_label,
							as: sub.decided_as,
							at: sub.decided_at,
							reason: sub.decision_reason,
						}
					: null,
			version: Number(sub.version),
		})),
		checks: checks.map((check) => ({
			id: check.id,
			checkedOn: check.checked_on,
			items: JSON.parse(check.items) as { code: string; ok: boolean; note: string }[],
			result: check.result as "passed" | "failed",
			note: check.note,
			evidence:
				check.evidence_file_name && check.evidence_sha256
					? {
							fileName: check.evidence_file_name,
							mediaType: check.evidence_media_type ?? "application/octet-stream",
							size: Number(check.evidence_size ?? 0),
							sha256: check.evidence_sha256,
						}
					: null,
			findingId: check.finding_id,
			recordedBy: check.recorded_by_label,
		})),
		end:
			row.end_kind && row.ended_on
				? {
						kind: row.end_kind as "returned" | "erased",
						endedOn: row.ended_on,
						note: row.end_note,
						certificate:
							row.end_file_name && row.end_sha256
								? {
										fileName: row.end_file_name,
										mediaType: row.end_media_type ?? "application/octet-stream",
										size: Number(row.end_size ?? 0),
										sha256: row.end_sha256,
									}
								: null,
						by: row.ended_by_label ?? "",
					}
				: null,
		version: Number(row.version),
		allowedActions: actionsOn(
			desk,
			row,
			subcontracts.some((sub) => sub.state === "requested"),
		),
	};
}

export async function getContract(db: Queryable, desk: ContractDesk, id: string) {
	authorize(desk.actor, contractsPolicy, "contract.read");
	return presentContract(db, desk, await visibleContract(db, desk, id));
}

/** A page of the contracts the caller sees, by code. */
export async function listVisibleContracts(
	db: Queryable,
	desk: ContractDesk,
	query: ContractQuery,
) {
	authorize(desk.actor, contractsPolicy, "contract.read");
	const { rows, total } = await listContracts(
		db,
		desk.actor.tenantId,
		{
			state: query.state,
			contractorId: query.contractorId,
			orgUnitId: query.orgUnitId,
			gaps: query.gaps,
			q: query.q,
			unitIds: desk.visibleUnits ? [...desk.visibleUnits] : undefined,
		},
		{ offset: query.offset, limit: query.limit },
	);
	return {
		items: rows.map(summary),
		total,
		offset: query.offset,
		limit: query.limit,
		allowedActions: allowedActions(desk.actor, contractsPolicy),
	};
}

/** The clause checklist, the units the caller registers for, the levels and who decides. */
export async function contractOptions(db: Queryable, desk: ContractDesk) {
	authorize(desk.actor, contractsPolicy, "contract.read");
	const units = await listOrgUnits(db, desk.actor.tenantId);
	return {
		clauses: contractClausesOf(desk.pack).map((clause) => ({
			code: clause.code,
			label: clause.label,
			requiredFrom: clause.requiredFrom ?? null,
		})),
		units: units
			.filter((unit) => mayManageUnit(desk, unit.id))
			.map((unit) => ({ id: unit.id, name: unit.name })),
		levels: (levelLists(desk.scheme)[0] ?? []).map((level) => level.code),
		deciders: decidingRoles(desk.pack),
		today: desk.today,
	};
}
