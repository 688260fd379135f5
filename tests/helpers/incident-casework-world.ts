import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { addIncidentEvidence } from "../../src/modules/incidents/add-incident-evidence.ts";
import { addDays } from "../../src/modules/incidents/closed-days.ts";
import { createIncidentTask } from "../../src/modules/incidents/create-incident-task.ts";
import { openIncidentDesk } from "../../src/modules/incidents/incident-desk.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { csirtActor, makeIncident, triageAsCsirt } from "./incident-world.ts";

/** A log extract kept as evidence: plain text, so stored as an opaque file. */
export const EVIDENCE_LOG = new TextEncoder().encode(
	"2025-11-30 08:55 VPN 切断\n2025-11-30 09:10 USBメモリ 接続履歴なし\n",
);

/** A due date a week from today (Japan): tasks are not given for the past. */
export const nextWeek = () => addDays(japanDate(new Date()), 7);

/** A task on a case, given by the CSIRT to `ownerId`. */
export async function makeTask(
	deps: AppDeps,
	tenantId: string,
	incidentId: string,
	ownerId: string,
	title = "警察への遺失届の提出",
) {
	const desk = await openIncidentDesk(deps.db, csirtActor(tenantId));
	return inTransaction(deps.db, (tx) =>
		createIncidentTask(tx, desk, incidentId, { title, ownerId, dueOn: nextWeek() }),
	);
}

/** An evidence file kept with a case by the CSIRT. */
export async function makeEvidence(deps: AppDeps, tenantId: string, incidentId: string) {
	const desk = await openIncidentDesk(deps.db, csirtActor(tenantId));
	return inTransaction(deps.db, (tx) =>
		addIncidentEvidence(tx, desk, incidentId, {
			fileName: "接続ログ.txt",
			description: "VPN の接続記録",
			bytes: EVIDENCE_LOG,
		}),
	);
}

/** Rows in every table of the casework: a triaged case with a task of `ownerId` and a file. */
export async function makeCaseworkFixtures(deps: AppDeps, tenantId: string, ownerId: string) {
	const incident = await makeIncident(deps, tenantId);
	await triageAsCsirt(deps, tenantId, incident.id);
	await makeTask(deps, tenantId, incident.id, ownerId);
	await makeEvidence(deps, tenantId, incident.id);
	return incident;
}
