import { systemActor } from "../../src/bootstrap.ts";
import type { IncidentTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { openIncidentDesk } from "../../src/modules/incidents/incident-desk.ts";
import { openObligations } from "../../src/modules/incidents/incident-stats.ts";
import type { ReportIncidentInput } from "../../src/modules/incidents/incidents.schemas.ts";
import { recordFiling } from "../../src/modules/incidents/record-filing.ts";
import { reportIncident } from "../../src/modules/incidents/report-incident.ts";
import { triageIncident } from "../../src/modules/incidents/triage-incident.ts";
import { makeAsset } from "./asset-world.ts";

/** A lost USB stick holding residents' data, as a member of staff would report it. */
export function usbReport(overrides: Partial<ReportIncidentInput> = {}): ReportIncidentInput {
	return {
		whatHappened:
			"住民150人分の氏名と住所が入ったUSBメモリを、出張先から戻る電車の中でなくした。\n暗号化はしていない。",
		noticedAt: "2025-11-30T09:15:00+09:00",
		knownAt: "2025-11-30",
		personalData: true,
		assetIds: [],
		...overrides,
	};
}

/** A member of the CSIRT, for triaging fixtures without an account of their own. */
export function csirtActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "incident-csirt",
		label: "CSIRT（テスト）",
		roles: [{ role: "csirt", orgUnitId: null }],
		ip: null,
	};
}

/**
 * A case reported through the use case: by `reporter` (staff) or, without one, by a system.
 *
 * @example
 * const incident = await makeIncident(deps, tenant.id, { reporter: await actorFor(…) });
 */
export async function makeIncident(
	deps: AppDeps,
	tenantId: string,
	options: { reporter?: Actor; input?: Partial<ReportIncidentInput> } = {},
): Promise<IncidentTable> {
	const actor = options.reporter ?? systemActor(tenantId, "test factory");
	const desk = await openIncidentDesk(deps.db, actor);
	const source = options.reporter
		? ({ kind: "staff" } as const)
		: ({ kind: "system", name: "無害化ゲートウェイ（テスト）" } as const);
	return inTransaction(deps.db, (tx) => reportIncident(tx, desk, usbReport(options.input), source));
}

/** Triage a case as the CSIRT would for the lost USB stick: 150 people, severe. */
export async function triageAsCsirt(deps: AppDeps, tenantId: string, id: string, version = 1) {
	const desk = await openIncidentDesk(deps.db, csirtActor(tenantId));
	await inTransaction(deps.db, (tx) =>
		triageIncident(tx, desk, id, {
			version,
			category: "unintentional",
			severity: 3,
			priority: "high",
			people: 150,
			dataKinds: ["personal"],
		}),
	);
}

/** Rows in every table incident response owns: a triaged case with an asset and a filing. */
export async function makeIncidentFixtures(deps: AppDeps, tenantId: string, unitId: string) {
	const asset = await makeAsset(deps, tenantId, unitId);
	const incident = await makeIncident(deps, tenantId, { input: { assetIds: [asset.id] } });
	await triageAsCsirt(deps, tenantId, incident.id);
	const desk = await openIncidentDesk(deps.db, csirtActor(tenantId));
	await inTransaction(deps.db, (tx) =>
		recordFiling(tx, desk, incident.id, {
			obligation: "ppc_personal_information",
			stage: "preliminary",
			filedOn: "2025-12-03",
		}),
	);
	// The figures' first read stamps the rules the tenant's dues were derived under.
	await openObligations(deps, desk);
	return incident;
}
