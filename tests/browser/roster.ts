import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Db } from "../../src/db/connection.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import type { RunningServer } from "./helpers.ts";

/** Someone to put on the roster: an account by id, or by its username. */
export interface RosterPlace {
	tenantSlug?: string;
	accountId?: string;
	username?: string;
	unitId: string;
	/** 職員番号; by default derived from the account id. */
	staffNumber?: string;
	title?: string | null;
}

/**
 * Put an account on the tenant's staff roster directly in the server's database (as a roster
 * import would; the import is not what these browser tests are about). Returns the staff id.
 *
 * @example
 * await putOnRoster(server, { accountId: account.id, unitId: unit.id, staffNumber: "E1001" });
 */
export async function putOnRoster(server: RunningServer, place: RosterPlace): Promise<string> {
	return withServerDb(server, async (db) => {
		const tenant = await findTenantBySlug(db, place.tenantSlug ?? "saga");
		assert.ok(tenant, `tenant ${place.tenantSlug ?? "saga"}`);
		const accountId =
			place.accountId ??
			(
				await db
					.selectFrom("accounts")
					.select("id")
					.where("tenant_id", "=", tenant.id)
					.where("username", "=", place.username ?? "")
					.executeTakeFirstOrThrow()
			).id;
		const now = new Date().toISOString();
		const id = randomUUID();
		await inTransaction(db, (tx) =>
			insertStaff(tx, {
				id,
				tenant_id: tenant.id,
				account_id: accountId,
				staff_number: place.staffNumber ?? `S-${accountId.slice(0, 8)}`,
				category: "regular",
				org_unit_id: place.unitId,
				title: place.title ?? null,
				active: true,
				left_at: null,
				created_at: now,
				updated_at: now,
			}),
		);
		return id;
	});
}

/** Work on the running server's database through a second connection, closed afterwards. */
export async function withServerDb<T>(
	server: RunningServer,
	work: (db: Db) => Promise<T>,
): Promise<T> {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		return await work(handle.db);
	} finally {
		await handle.db.destroy();
	}
}
