import type { Queryable } from "../../db/queryable.ts";

/** What another register shows of a contract (業務委託) it links to, with its 再委託. */
export interface ContractSummary {
	contractId: string;
	code: string;
	title: string;
	contractorName: string;
	/** active | ended */
	state: string;
	startsOn: string;
	endsOn: string | null;
	subcontracts: { subcontractor: string; work: string; state: string }[];
}

/**
 * Contracts by id or by code with their contractor and 再委託, for registers that name who
 * handles their data (the My Number register). Read through this function, never from the
 * contract tables; whoever links decides who may see the link.
 *
 * @example
 * const [contract] = await contractSummaries(db, tenantId, { codes: ["K-2026-001"] });
 */
export async function contractSummaries(
	db: Queryable,
	tenantId: string,
	by: { ids?: readonly string[]; codes?: readonly string[] },
): Promise<ContractSummary[]> {
	const ids = [...new Set(by.ids ?? [])];
	const codes = [...new Set(by.codes ?? [])];
	if (ids.length === 0 && codes.length === 0) return [];
	let query = db
		.selectFrom("contracts")
		.innerJoin("contractors", "contractors.id", "contracts.contractor_id")
		.select([
			"contracts.id",
			"contracts.code",
			"contracts.title",
			"contracts.state",
			"contracts.starts_on",
			"contracts.ends_on",
			"contractors.name as contractor_name",
		])
		.where("contracts.tenant_id", "=", tenantId);
	query =
		ids.length > 0
			? query.where("contracts.id", "in", ids)
			: query.where("contracts.code", "in", codes);
	const rows = await query.orderBy("contracts.code").execute();
	if (rows.length === 0) return [];
	const subs = await db
		.selectFrom("contract_subcontracts")
		.select(["contract_id", "subcontractor", "work", "state"])
		.where("tenant_id", "=", tenantId)
		.where(
			"contract_id",
			"in",
			rows.map((row) => row.id),
		)
		.orderBy("created_at")
		.execute();
	return rows.map((row) => ({
		contractId: row.id,
		code: row.code,
		title: row.title,
		contractorName: row.contractor_name,
		state: row.state,
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		subcontracts: subs
			.filter((sub) => sub.contract_id === row.id)
			.map((sub) => ({ subcontractor: sub.subcontractor, work: sub.work, state: sub.state })),
	}));
}
