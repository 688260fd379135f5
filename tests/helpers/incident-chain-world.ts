import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { tellPeople } from "../../src/modules/incidents/incident-chain.ts";
import type { ChainRole } from "../../src/modules/policies/pack/incident-chain.schema.ts";
import { makeIncident } from "./incident-world.ts";

/** Tell one person of a case, as the chain does on triage (a notice and, with an address, a mail job). */
export function tellOf(
	deps: AppDeps,
	tenantId: string,
	incidentId: string,
	accountId: string,
	role: ChainRole = "ciso",
) {
	return inTransaction(deps.db, (tx) =>
		tellPeople(tx, {
			tenantId,
			incidentId,
			recipients: [{ accountId, role, orgUnitId: null }],
			reason: "triage",
			severity: 3,
			at: new Date(),
		}),
	);
}

/** Rows in the chain's table: a case a system reported, and `accountId` told of it. */
export async function makeIncidentChainFixtures(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
) {
	const incident = await makeIncident(deps, tenantId);
	await tellOf(deps, tenantId, incident.id, accountId);
	return incident;
}
