import { randomBytes } from "node:crypto";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { applyRoster } from "../../src/modules/org/roster/apply-roster.ts";
import { previewRoster } from "../../src/modules/org/roster/preview-roster.ts";
import { loadRosterState } from "../../src/modules/org/roster/roster.repository.ts";
import { ROSTER_HEADERS } from "../../src/modules/org/roster/roster-format.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeStaff } from "./org-factories.ts";

/** A tenant administrator acting as `accountId` (an existing account: imports name their author). */
export function rosterActor(tenantId: string, accountId: string): Actor {
	return {
		tenantId,
		accountId,
		label: "roster fixture",
		ip: null,
		roles: [{ role: "tenant_admin", orgUnitId: null }],
	};
}

/**
 * The tenant's staff as a roster CSV, exactly as they are now (so that it changes nothing),
 * plus `extra` rows.
 */
export async function currentRosterCsv(
	deps: AppDeps,
	tenantId: string,
	extra: string[][] = [],
): Promise<Uint8Array> {
	const state = await loadRosterState(deps.db, tenantId, new Date().toISOString());
	const codeOf = new Map(state.units.map((u) => [u.id, u.code]));
	const rows = state.staff
		.filter((s) => s.active)
		.map((s) => [
			s.staffNumber,
			s.displayName,
			s.username,
			s.email ?? "",
			s.category,
			codeOf.get(s.orgUnitId) ?? "",
			s.title ?? "",
			state.roles
				.filter((r) => r.accountId === s.accountId)
				.map((r) => (r.orgUnitId ? `${r.role}@${codeOf.get(r.orgUnitId)}` : r.role))
				.join(";"),
			s.worksInMynumber ? "○" : "",
			"",
		]);
	const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
	const text = [[...ROSTER_HEADERS], ...rows, ...extra]
		.map((cells) => cells.map(quote).join(","))
		.join("\r\n");
	return new TextEncoder().encode(text);
}

/** A stored preview of a roster that changes nothing (or adds `extra` rows). */
export async function makeRosterPreview(
	deps: AppDeps,
	tenantId: string,
	actorAccountId: string,
	extra: string[][] = [],
) {
	const bytes = await currentRosterCsv(deps, tenantId, extra);
	return inTransaction(deps.db, (tx) =>
		previewRoster(tx, rosterActor(tenantId, actorAccountId), { fileName: "roster.csv", bytes }),
	);
}

/** An applied roster that created one account, its one-time password still to download. */
export async function makeAppliedRoster(
	deps: AppDeps,
	tenantId: string,
	actorAccountId: string,
	unitCode: string,
) {
	const id = randomBytes(4).toString("hex");
	const preview = await makeRosterPreview(deps, tenantId, actorAccountId, [
		[`N${id}`, "新規 職員", `new-${id}`, "", "regular", unitCode, "", "", "", ""],
	]);
	await inTransaction(deps.db, (tx) =>
		applyRoster(tx, rosterActor(tenantId, actorAccountId), preview.id, deps.secrets),
	);
	return preview;
}

/** The org rows every walk tenant has: a member of staff and a stored roster preview. */
export async function makeOrgFixtures(
	deps: AppDeps,
	tenant: TenantRow,
	orgUnitId: string,
	actorAccountId: string,
): Promise<void> {
	await makeStaff(deps, tenant, orgUnitId);
	await makeRosterPreview(deps, tenant.id, actorAccountId);
}
