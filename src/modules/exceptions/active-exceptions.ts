import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { exceptionsInForce } from "./exceptions.repository.ts";
import type { ActiveException } from "./exceptions.schemas.ts";

/**
 * The tenant's exceptions in force on `now` (approved, within their period in Japan dates), as
 * other modules read them: the network check marks what they cover as 例外, the asset page lists
 * them. The caller has already authorised its own read (the network model, the asset); this
 * gives only references, clauses, periods and the ids covered. An exception past its end date
 * is not returned even before the daily job marks it lapsed.
 *
 * @example
 * const active = await activeExceptions(db, actor.tenantId);
 */
export async function activeExceptions(
	db: Queryable,
	tenantId: string,
	now: Date = new Date(),
): Promise<ActiveException[]> {
	const rows = await exceptionsInForce(db, tenantId, japanDate(now));
	return rows.map((row) => ({
		id: row.id,
		reference: row.reference,
		clause: row.clause,
		networkRule: row.network_rule,
		networkFlows: JSON.parse(row.network_flows) as string[],
		networkNodes: JSON.parse(row.network_nodes) as string[],
		assetIds: JSON.parse(row.asset_ids) as string[],
		startsOn: row.starts_on,
		endsOn: row.ends_on,
	}));
}

/** The exceptions in force that cover one asset. */
export async function activeExceptionsForAsset(
	db: Queryable,
	tenantId: string,
	assetId: string,
	now: Date = new Date(),
): Promise<ActiveException[]> {
	return (await activeExceptions(db, tenantId, now)).filter((exception) =>
		exception.assetIds.includes(assetId),
	);
}
