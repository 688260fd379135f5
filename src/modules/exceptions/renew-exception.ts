import type { Tx } from "../../db/transaction.ts";
import { authorize } from "../authz/policy.ts";
import { type ExceptionDesk, visibleException } from "./exception-desk.ts";
import { stepRefused } from "./exception-problems.ts";
import { type ExceptionState, stepAllowed } from "./exception-rules.ts";
import { exceptionsPolicy } from "./exceptions.policy.ts";
import type { ExceptionRow } from "./exceptions.repository.ts";
import type { RenewExceptionInput } from "./exceptions.schemas.ts";
import { requestException } from "./request-exception.ts";

/**
 * Renewal is a new decision: a new request (with its own reference) for the same deviation,
 * assets, flows and nodes over a new period, linked to the one it renews. The old one runs to
 * its end (or has lapsed) meanwhile.
 *
 * @throws Problem `conflict` (`exception_step_not_allowed`) unless approved or lapsed
 */
export async function renewException(
	tx: Tx,
	desk: ExceptionDesk,
	id: string,
	input: RenewExceptionInput,
	now: Date = new Date(),
): Promise<ExceptionRow> {
	authorize(desk.actor, exceptionsPolicy, "exception.request");
	const old = await visibleException(tx, desk, id);
	if (!stepAllowed(old.state as ExceptionState, "renew")) throw stepRefused("renew", old.state);
	return requestException(
		tx,
		desk,
		{
			orgUnitId: old.org_unit_id,
			clause: old.clause,
			...(old.network_rule ? { networkRule: old.network_rule } : {}),
			deviation: old.deviation,
			reason: input.reason,
			compensatingMeasures: input.compensatingMeasures ?? old.compensating_measures,
			assetIds: JSON.parse(old.asset_ids) as string[],
			networkFlows: JSON.parse(old.network_flows) as string[],
			networkNodes: JSON.parse(old.network_nodes) as string[],
			startsOn: input.startsOn,
			endsOn: input.endsOn,
		},
		{ now, renewalOf: old.id },
	);
}
