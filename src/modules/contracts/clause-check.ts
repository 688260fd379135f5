import { systemActor } from "../../bootstrap.ts";
import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import { ledgerScheme } from "../assets/classification.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { type ClauseChecker, clauseChecker } from "./contract-clauses.ts";
import type { ContractDesk } from "./contract-desk.ts";
import { contractsPolicy } from "./contracts.policy.ts";

export interface ClauseGapChange {
	id: string;
	topLevel: string | null;
	gaps: string[];
}

/**
 * Work out the clause gaps of every contract of a tenant from its assets' classification now
 * (an asset reclassified since the contract was saved may require more), reading the ledger's
 * classification keys in one pass. Returns the contracts whose stored verdict is out of date.
 */
export async function computeClauseGaps(
	db: Queryable,
	tenantId: string,
	check: ClauseChecker,
): Promise<{ contracts: number; withGaps: number; changes: ClauseGapChange[] }> {
	const contracts = await db
		.selectFrom("contracts")
		.select(["id", "clauses", "top_level", "gaps"])
		.where("tenant_id", "=", tenantId)
		.where("state", "=", "active")
		.execute();
	const keys = new Map<string, string[]>(contracts.map((contract) => [contract.id, []]));
	// Every link of the tenant with its asset's key; links of ended contracts are passed over.
	const links = await db
		.selectFrom("contract_assets")
		.innerJoin("assets", "assets.id", "contract_assets.asset_id")
		.select(["contract_assets.contract_id", "assets.class_key"])
		.where("contract_assets.tenant_id", "=", tenantId)
		.execute();
	for (const link of links) keys.get(link.contract_id)?.push(link.class_key);
	const changes: ClauseGapChange[] = [];
	let withGaps = 0;
	for (const contract of contracts) {
		const verdict = check(keys.get(contract.id) ?? [], JSON.parse(contract.clauses) as string[]);
		if (verdict.gaps.length > 0) withGaps++;
		const gaps = JSON.stringify(verdict.gaps);
		if (gaps !== contract.gaps || verdict.topLevel !== contract.top_level)
			changes.push({ id: contract.id, topLevel: verdict.topLevel, gaps: verdict.gaps });
	}
	return { contracts: contracts.length, withGaps, changes };
}

/** Save the recomputed verdicts of `changes`. */
async function storeClauseGaps(
	tx: Queryable,
	tenantId: string,
	changes: readonly ClauseGapChange[],
	now: Date,
): Promise<void> {
	const at = now.toISOString();
	for (const change of changes) {
		await tx
			.updateTable("contracts")
			.set({
				top_level: change.topLevel,
				gaps: JSON.stringify(change.gaps),
				gap_count: change.gaps.length,
				updated_at: at,
			})
			.where("tenant_id", "=", tenantId)
			.where("id", "=", change.id)
			.execute();
	}
}

/**
 * The clause check of all contracts: recompute every active contract's gaps and store the ones
 * that changed, with one audit event for the run.
 */
export async function checkAllClauses(db: Db, desk: ContractDesk, now: Date = new Date()) {
	authorize(desk.actor, contractsPolicy, "contract.check");
	const tenantId = desk.actor.tenantId;
	return inTransaction(db, async (tx) => {
		const result = await computeClauseGaps(tx, tenantId, desk.check);
		await storeClauseGaps(tx, tenantId, result.changes, now);
		await recordAudit(tx, auditContextOf(desk.actor), "contract.clauses_checked", {
			contracts: result.contracts,
			withGaps: result.withGaps,
			changed: result.changes.length,
		});
		return {
			contracts: result.contracts,
			withGaps: result.withGaps,
			changed: result.changes.length,
		};
	});
}

/** The daily clause check of a tenant; declared in contracts.jobs.ts. */
export const CLAUSE_CHECK_JOB = "contracts.clause-check";

/**
 * The daily clause check of one tenant, so that a contract follows its assets when they are
 * reclassified: the same recomputation as `checkAllClauses`, run by the scheduler. Only a run
 * that changed a verdict saves anything, with its audit event in the same transaction; a rerun
 * finds nothing to change.
 */
export async function recheckClauses(
	db: Db,
	tenantId: string,
	now: Date = new Date(),
): Promise<{ contracts: number; withGaps: number; changed: number }> {
	const current = await currentTenantPack(db, tenantId);
	if (!current) return { contracts: 0, withGaps: 0, changed: 0 };
	const check = clauseChecker(current.pack, ledgerScheme(current.pack));
	return inTransaction(db, async (tx) => {
		const result = await computeClauseGaps(tx, tenantId, check);
		const outcome = {
			contracts: result.contracts,
			withGaps: result.withGaps,
			changed: result.changes.length,
		};
		if (result.changes.length === 0) return outcome;
		await storeClauseGaps(tx, tenantId, result.changes, now);
		await recordAudit(
			tx,
			auditContextOf(systemActor(tenantId, `scheduler (${CLAUSE_CHECK_JOB})`)),
			"contract.clauses_checked",
			outcome,
		);
		return outcome;
	});
}
