import { randomUUID } from "node:crypto";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { openAreaDesk } from "../../src/modules/secure-areas/area-desk.ts";
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
