import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { App } from "../../src/http/app.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { fiscalYear } from "../../src/shared/dates.ts";
import { makeAsset } from "./asset-world.ts";
import type { TestClient } from "./client.ts";
import { ensureStaffUnit } from "./custody-world.ts";
import { makeAccount, makeTenant } from "./factories.ts";
import { activeClient } from "./http.ts";
import { unique } from "./route-world.ts";
import type { TestRuntime } from "./test-db.ts";

/** The people of the incident tests, each logged in over HTTP. */

export interface CaseList {
	items: { id: string; reference: string; state: string }[];
	total: number;
}

export async function newUnit(
	runtime: TestRuntime,
	tenant: TenantRow,
	name = "市民課",
): Promise<OrgUnitTable> {
	return inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: unique("ou"),
			name,
			kind: "section",
			parentId: null,
		}),
	);
}

/** A logged-in person holding `roles` (per-unit roles on `unit`), on the roster of `unit`. */
export async function person(
	runtime: TestRuntime,
	app: App,
	tenant: TenantRow,
	unit: OrgUnitTable,
	roles: Role[] = [],
) {
	const account = await makeAccount(runtime, tenant, { totp: roles.length > 0 });
	const actor = systemActor(tenant.id, "test");
	for (const role of roles) {
		const orgUnitId = role === "section_manager" || role === "department_officer" ? unit.id : null;
		await inTransaction(runtime.db, (tx) =>
			assignRole(tx, actor, account.id, { role, orgUnitId, validTo: null }),
		);
	}
	await ensureStaffUnit(runtime, tenant.id, account.id, unit.id);
	return { account, client: await activeClient(runtime, app, account) };
}

/**
 * A tenant with two units (市民課, 税務課), a USB stick in the ledger of the first, two of its
 * staff, each unit's manager, and a CSIRT member working in the second.
 */
export async function incidentTenant(runtime: TestRuntime, app: App) {
	const tenant = await makeTenant(runtime);
	const unit = await newUnit(runtime, tenant);
	const other = await newUnit(runtime, tenant, "税務課");
	const usb = await makeAsset(runtime, tenant.id, unit.id, {
		name: "USBメモリ（市民課）",
		kind: "information",
		zone: "lgwan",
	});
	const who = (at: OrgUnitTable, roles: Role[] = []) => person(runtime, app, tenant, at, roles);
	return {
		tenant,
		unit,
		other,
		usb,
		reporter: await who(unit),
		colleague: await who(unit),
		manager: await who(unit, ["section_manager"]),
		otherManager: await who(other, ["section_manager"]),
		csirt: await who(other, ["csirt"]),
	};
}
export type IncidentTenant = Awaited<ReturnType<typeof incidentTenant>>;

export const report = (client: TestClient, body: unknown) => client.post("/api/incidents", body);
export const viewCase = (client: TestClient, id: string) => client.get(`/api/incidents/${id}`);
/** Cases are numbered in the fiscal year of their report (today), not of the facts. */
export const thisFiscalYear = () => fiscalYear(new Date().toISOString());
export const ppcOf = (incident: IncidentView) =>
	incident.obligations.find((o) => o.code === "ppc_personal_information");
