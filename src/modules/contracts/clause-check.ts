import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { ClauseChecker } from "./contract-clauses.ts";
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

/**
 * The clause check of all contracts: recompute every active contract's gaps and store the ones
 * that changed, with one audit event for the run.
 */
export async function checkAllClauses(db: Db, desk: ContractDesk, now: Date = new Date()) {
	authorize(desk.actor, contractsPolicy, "contract.check");
	const tenantId = desk.actor.tenantId;
	return inTransaction(db, async (tx) => {
		const result = await computeClauseGaps(tx, tenantId, desk.check);
		const at = now.toISOString();
		for (const change of result.changes) {
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
