import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { findAsset } from "../assets/assets.repository.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { findOrgUnit } from "../org/org.repository.ts";
import { contractClausesOf } from "./contract-clauses.ts";
import { assertManages, type ContractDesk } from "./contract-desk.ts";
import { codeTaken, contractEnded, invalidField, staleRecord } from "./contract-problems.ts";
import { contractsPolicy } from "./contracts.policy.ts";
import {
	type ContractHead,
	type ContractRow,
	contractAssets,
	findContract,
	findContractByCode,
	findContractor,
	insertContract,
	setContractAssets,
	updateContractRow,
} from "./contracts.repository.ts";
import type { ContractInput } from "./contracts.schemas.ts";

const unique = (values: readonly string[]) => [...new Set(values)];

/** Check the ids and codes a contract names; the assets' classification keys for the verdict. */
async function checkedFields(tx: Queryable, desk: ContractDesk, input: ContractInput) {
	const tenantId = desk.actor.tenantId;
	if (!(await findOrgUnit(tx, tenantId, input.orgUnitId)))
		throw invalidField("orgUnitId", "contract_unit_unknown", "no such org unit");
	assertManages(desk, input.orgUnitId);
	if (!(await findContractor(tx, tenantId, input.contractorId)))
		throw invalidField("contractorId", "contract_contractor_unknown", "no such contractor");
	const known = new Set(contractClausesOf(desk.pack).map((clause) => clause.code));
	const clauses = unique(input.clauses);
	for (const [i, code] of clauses.entries())
		if (!known.has(code))
			throw invalidField(
				`clauses.${i}`,
				"contract_clause_unknown",
				"not a clause of the checklist",
				{
					value: code,
				},
			);
	const assetIds = unique(input.assetIds);
	const keys: string[] = [];
	for (const [i, id] of assetIds.entries()) {
		const asset = await findAsset(tx, tenantId, id);
		if (!asset) throw invalidField(`assetIds.${i}`, "contract_asset_unknown", "no such asset");
		keys.push(asset.class_key);
	}
	// Keep the checklist's order.
	const ordered = contractClausesOf(desk.pack)
		.map((clause) => clause.code)
		.filter((code) => clauses.includes(code));
	return { clauses: ordered, assetIds, keys };
}

/**
 * Register a contract (業務委託) of a unit one manages: its contractor, purpose, the ledger assets
 * handled and the security clauses it contains; the clauses the classification involved requires
 * and lacks are kept with it, for the list and its "clause gaps" filter.
 *
 * @throws Problem `forbidden` (`contract_not_unit_manager`); `validation_failed`
 * (`contract_unit_unknown`, `contract_contractor_unknown`, `contract_asset_unknown`,
 * `contract_clause_unknown`); `conflict` (`contract_code_taken`)
 */
export async function createContract(
	tx: Tx,
	desk: ContractDesk,
	input: ContractInput,
	now: Date = new Date(),
): Promise<ContractHead> {
	const { actor } = desk;
	authorize(actor, contractsPolicy, "contract.manage");
	const fields = await checkedFields(tx, desk, input);
	if (await findContractByCode(tx, actor.tenantId, input.code)) throw codeTaken("code");
	const verdict = desk.check(fields.keys, fields.clauses);
	const at = now.toISOString();
	const row: ContractRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		code: input.code,
		title: input.title,
		purpose: input.purpose,
		contractor_id: input.contractorId,
		owner_unit_id: input.orgUnitId,
		starts_on: input.startsOn,
		ends_on: input.endsOn,
		clauses: JSON.stringify(fields.clauses),
		top_level: verdict.topLevel,
		gaps: JSON.stringify(verdict.gaps),
		gap_count: verdict.gaps.length,
		state: "active",
		end_kind: null,
		ended_on: null,
		end_note: null,
		end_file_name: null,
		end_media_type: null,
		end_size: null,
		end_sha256: null,
		end_content: null,
		ended_by_label: null,
		ended_at: null,
		created_by_label: actor.label,
		version: 1,
		created_at: at,
		updated_at: at,
	};
	await insertContract(tx, row);
	await setContractAssets(tx, actor.tenantId, row.id, fields.assetIds);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"contract.created",
		{
			code: row.code,
			contractorId: row.contractor_id,
			orgUnitId: row.owner_unit_id,
			assetIds: fields.assetIds,
			clauses: fields.clauses,
			gaps: verdict.gaps,
		},
		{ recordType: "contract", recordId: row.id },
	);
	const { end_content: _bytes, ...head } = row;
	return head;
}

/** A contract the caller sees; anyone else gets 404, as for an id of another tenant. */
export async function visibleContract(
	db: Queryable,
	desk: ContractDesk,
	id: string,
): Promise<ContractHead> {
	const row = await findContract(db, desk.actor.tenantId, id);
	if (!row || (desk.visibleUnits !== undefined && !desk.visibleUnits.has(row.owner_unit_id)))
		throw new Problem("not_found", "no such contract");
	return row;
}

/**
 * Change a contract (its clauses, assets, period…) if still at `version`; the clause gaps are
 * worked out anew. An ended contract is closed.
 */
export async function updateContract(
	tx: Tx,
	desk: ContractDesk,
	id: string,
	input: ContractInput & { version: number },
	now: Date = new Date(),
): Promise<ContractHead> {
	const { actor } = desk;
	authorize(actor, contractsPolicy, "contract.manage");
	const before = await visibleContract(tx, desk, id);
	assertManages(desk, before.owner_unit_id);
	if (before.state === "ended") throw contractEnded();
	const fields = await checkedFields(tx, desk, input);
	if (input.code !== before.code && (await findContractByCode(tx, actor.tenantId, input.code)))
		throw codeTaken("code");
	const verdict = desk.check(fields.keys, fields.clauses);
	const beforeAssets = (await contractAssets(tx, actor.tenantId, id)).map((a) => a.id);
	const patch = {
		code: input.code,
		title: input.title,
		purpose: input.purpose,
		contractor_id: input.contractorId,
		owner_unit_id: input.orgUnitId,
		starts_on: input.startsOn,
		ends_on: input.endsOn,
		clauses: JSON.stringify(fields.clauses),
		top_level: verdict.topLevel,
		gaps: JSON.stringify(verdict.gaps),
		gap_count: verdict.gaps.length,
		updated_at: now.toISOString(),
	};
	if (!(await updateContractRow(tx, actor.tenantId, id, input.version, patch))) throw staleRecord();
	await setContractAssets(tx, actor.tenantId, id, fields.assetIds);
	const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter(
		(key) => key !== "updated_at" && before[key] !== patch[key],
	);
	if ([...beforeAssets].sort().join() !== [...fields.assetIds].sort().join())
		changed.push("assets" as never);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"contract.updated",
		{ code: patch.code, changed, clauses: fields.clauses, gaps: verdict.gaps },
		{ recordType: "contract", recordId: id },
	);
	return { ...before, ...patch, version: input.version + 1 };
}
