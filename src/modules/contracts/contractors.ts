import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import type { ContractDesk } from "./contract-desk.ts";
import { codeTaken, staleRecord } from "./contract-problems.ts";
import { contractsPolicy } from "./contracts.policy.ts";
import {
	type ContractorRow,
	findContractor,
	findContractorByCode,
	insertContractor,
	listContractors,
	updateContractorRow,
} from "./contracts.repository.ts";
import type { ContractorInput, ContractorQuery } from "./contracts.schemas.ts";

export function presentContractor(row: ContractorRow, contracts = 0) {
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		address: row.address,
		contact: row.contact,
		notes: row.notes,
		contracts,
		version: Number(row.version),
	};
}

/**
 * Register a contractor (委託先) under a code of the tenant's own.
 *
 * @throws Problem `conflict` (`contract_code_taken`) for a code in use
 */
export async function createContractor(
	tx: Tx,
	desk: ContractDesk,
	input: ContractorInput,
	now: Date = new Date(),
): Promise<ContractorRow> {
	const { actor } = desk;
	authorize(actor, contractsPolicy, "contract.manage");
	if (await findContractorByCode(tx, actor.tenantId, input.code)) throw codeTaken("code");
	const at = now.toISOString();
	const row: ContractorRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		code: input.code,
		name: input.name,
		address: input.address,
		contact: input.contact,
		notes: input.notes,
		version: 1,
		created_at: at,
		updated_at: at,
	};
	await insertContractor(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"contractor.created",
		{ code: row.code, name: row.name },
		{ recordType: "contractor", recordId: row.id },
	);
	return row;
}

/** Change a contractor's code, name or particulars, if still at `version`. */
export async function updateContractor(
	tx: Tx,
	desk: ContractDesk,
	id: string,
	input: ContractorInput & { version: number },
	now: Date = new Date(),
): Promise<ContractorRow> {
	const { actor } = desk;
	authorize(actor, contractsPolicy, "contract.manage");
	const before = await findContractor(tx, actor.tenantId, id);
	if (!before) throw new Problem("not_found", "no such contractor");
	if (input.code !== before.code && (await findContractorByCode(tx, actor.tenantId, input.code)))
		throw codeTaken("code");
	const patch = {
		code: input.code,
		name: input.name,
		address: input.address,
		contact: input.contact,
		notes: input.notes,
		updated_at: now.toISOString(),
	};
	if (!(await updateContractorRow(tx, actor.tenantId, id, input.version, patch)))
		throw staleRecord();
	const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter(
		(key) => key !== "updated_at" && before[key] !== patch[key],
	);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"contractor.updated",
		{ code: patch.code, changed },
		{ recordType: "contractor", recordId: id },
	);
	return { ...before, ...patch, version: input.version + 1 };
}

export async function getContractor(db: Queryable, desk: ContractDesk, id: string) {
	authorize(desk.actor, contractsPolicy, "contract.read");
	const row = await findContractor(db, desk.actor.tenantId, id);
	if (!row) throw new Problem("not_found", "no such contractor");
	return presentContractor(row);
}

/** A page of the tenant's contractors by code (every reader of contracts sees them all). */
export async function listVisibleContractors(
	db: Queryable,
	desk: ContractDesk,
	query: ContractorQuery,
) {
	authorize(desk.actor, contractsPolicy, "contract.read");
	const { rows, total } = await listContractors(db, desk.actor.tenantId, query.q, query);
	return {
		items: rows.map((row) => presentContractor(row, Number(row.contract_count ?? 0))),
		total,
		offset: query.offset,
		limit: query.limit,
		allowedActions: allowedActions(desk.actor, contractsPolicy),
	};
}
