import { randomUUID } from "node:crypto";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { locateAsset } from "../../src/modules/secure-areas/area-assets.ts";
import { openAreaDesk } from "../../src/modules/secure-areas/area-desk.ts";
import { recordEntry } from "../../src/modules/secure-areas/entry-log.ts";
import { grantPermit } from "../../src/modules/secure-areas/permits.ts";
import { createArea } from "../../src/modules/secure-areas/save-area.ts";
import type { AreaRow } from "../../src/modules/secure-areas/secure-areas.repository.ts";

/** An actor holding `role` tenant-wide, without an account of its own. */
export function areaActor(tenantId: string, role: Actor["roles"][number]["role"] = "ciso"): Actor {
	return {
		tenantId,
		accountId: `secure-area-factory-${role}`,
		label: `${role}（管理区域テスト）`,
		roles: [{ role, orgUnitId: null }],
		ip: null,
	};
}

/** The account's staff row, made in `unitId` when it has none (an area's manager is staff). */
export async function staffOfAccount(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
	unitId: string,
): Promise<string> {
	const found = await deps.db
		.selectFrom("staff")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.executeTakeFirst();
	if (found) return found.id;
	const id = randomUUID();
	const now = new Date().toISOString();
	await inTransaction(deps.db, (tx) =>
		insertStaff(tx, {
			id,
			tenant_id: tenantId,
			account_id: accountId,
			staff_number: `A${randomUUID().slice(0, 8)}`,
			category: "regular",
			org_unit_id: unitId,
			title: null,
			active: true,
			left_at: null,
			created_at: now,
			updated_at: now,
		}),
	);
	return id;
}

/**
 * A secure area set up by the CISO through the use case, managed by `managerStaffId`, with
 * permits for `allowed` (until `untilOn`).
 *
 * @example
 * const area = await makeArea(deps, tenant.id, manager.staffId, { allowed: [staff.staffId] });
 */
export async function makeArea(
	deps: AppDeps,
	tenantId: string,
	managerStaffId: string,
	options: { code?: string; allowed?: string[]; untilOn?: string } = {},
): Promise<AreaRow> {
	const desk = await openAreaDesk(deps.db, areaActor(tenantId));
	const area = await inTransaction(deps.db, (tx) =>
		createArea(tx, desk, {
			code: options.code ?? `SR-${randomUUID().slice(0, 6)}`,
			name: "サーバ室",
			level: "strict",
			location: "本庁舎 地下1階",
			managerStaffId,
		}),
	);
	for (const staffId of options.allowed ?? [])
		await inTransaction(deps.db, (tx) =>
			grantPermit(tx, desk, area.id, { staffId, untilOn: options.untilOn ?? "2099-03-31" }),
		);
	return area;
}

/** Tenant data for the route walk: an area with a permit, an entry and a located asset. */
export async function makeSecureAreaFixtures(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	managerAccountId: string,
	assetCode?: string,
): Promise<void> {
	const manager = await staffOfAccount(deps, tenantId, managerAccountId, unitId);
	const area = await makeArea(deps, tenantId, manager, { allowed: [manager] });
	const desk = await openAreaDesk(deps.db, areaActor(tenantId));
	if (assetCode) await inTransaction(deps.db, (tx) => locateAsset(tx, desk, area.id, assetCode));
	await inTransaction(deps.db, (tx) =>
		recordEntry(tx, desk, area.id, {
			staffId: manager,
			visitorName: null,
			visitorOrganisation: null,
			escortStaffId: null,
			enteredAt: new Date(Date.now() - 3_600_000).toISOString(),
			exitedAt: null,
		}),
	);
}

/**
 * For the accessibility walk: a stay of yesterday by someone not allowed and without an exit
 * (flagged twice), and the asset located in the area.
 */
export async function makeSecureAreaScreens(
	deps: AppDeps,
	tenantId: string,
	areaId: string,
	strangerStaffId: string,
	assetCode: string,
): Promise<void> {
	const desk = await openAreaDesk(deps.db, areaActor(tenantId));
	await inTransaction(deps.db, async (tx) => {
		await recordEntry(tx, desk, areaId, {
			staffId: strangerStaffId,
			visitorName: null,
			visitorOrganisation: null,
			escortStaffId: null,
			enteredAt: new Date(Date.now() - 86_400_000).toISOString(),
			exitedAt: null,
		});
		await locateAsset(tx, desk, areaId, assetCode);
	});
}
