import { systemActor } from "../../src/bootstrap.ts";
import type { IncidentTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { openIncidentDesk } from "../../src/modules/incidents/incident-desk.ts";
import type {
	ReportIncidentInput,
	TriageIncidentInput,
} from "../../src/modules/incidents/incidents.schemas.ts";
import { recordFiling } from "../../src/modules/incidents/record-filing.ts";
import { reportIncident } from "../../src/modules/incidents/report-incident.ts";
import { transitionIncident } from "../../src/modules/incidents/transition-incident.ts";
import { triageIncident } from "../../src/modules/incidents/triage-incident.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { csirtActor, usbReport } from "./incident-world.ts";

/** What happens to a case after its report, each step at its own instant (UTC ISO). */
export interface CaseSteps {
	triage?: { at: string; input: Omit<TriageIncidentInput, "version"> };
	filings?: { obligation?: string; stage: "preliminary" | "final"; filedOn: string }[];
	close?: { at: string; action?: "close" | "reject"; reason?: string; prevention?: string };
}

/** A use case's desk as it was at an instant (its "today" is that day in Japan). */
function deskAt(deps: AppDeps, actor: Actor, at: string) {
	return openIncidentDesk(deps.db, actor, new Date(at));
}

/**
 * A case with a past: reported by a system at `at` (known that day unless `input` says), then triaged, filed and closed (or rejected)
 * by the CSIRT at the instants given, all through the use cases. Filings are recorded today.
 *
 * @example
 * await caseAt(runtime, tenant.id, "2025-06-02T01:00:00Z", { knownAt: "2025-06-02" }, { triage: … });
 */
export async function caseAt(
	deps: AppDeps,
	tenantId: string,
	at: string,
	input: Partial<ReportIncidentInput>,
	steps: CaseSteps = {},
): Promise<IncidentTable> {
	const reporting = await deskAt(deps, systemActor(tenantId, "テスト"), at);
	const row = await inTransaction(deps.db, (tx) =>
		reportIncident(
			tx,
			reporting,
			usbReport({ noticedAt: at, knownAt: japanDate(new Date(at)), ...input }),
			{ kind: "system", name: "テスト" },
			new Date(at),
		),
	);
	const team = csirtActor(tenantId);
	let version = 1;
	if (steps.triage) {
		const { at: when, input: triage } = steps.triage;
		const desk = await deskAt(deps, team, when);
		await inTransaction(deps.db, (tx) =>
			triageIncident(tx, desk, row.id, { version, ...triage }, new Date(when)),
		);
		version++;
	}
	for (const filing of steps.filings ?? []) {
		const desk = await deskAt(deps, team, new Date().toISOString());
		await inTransaction(deps.db, (tx) =>
			recordFiling(tx, desk, row.id, {
				obligation: filing.obligation ?? "ppc_personal_information",
				stage: filing.stage,
				filedOn: filing.filedOn,
			}),
		);
	}
	if (steps.close) {
		const { at: when, action = "close", reason, prevention } = steps.close;
		const desk = await deskAt(deps, team, when);
		await inTransaction(deps.db, (tx) =>
			transitionIncident(
				tx,
				desk,
				row.id,
				{
					version,
					action,
					...(reason ? { reason } : {}),
					...(prevention ? { prevention } : {}),
				},
				new Date(when),
			),
		);
	}
	return row;
}
