import { systemActor } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { SESSION_COOKIE } from "../src/http/cookies.ts";
import { createOrgUnit } from "../src/modules/org/create-org-unit.ts";
import { listOrgUnits } from "../src/modules/org/org.repository.ts";
import { openRuntime } from "../src/runtime.ts";
import { makeAccount, makeSessionToken, makeTenant } from "../tests/helpers/factories.ts";

/** Org units the read lists at least: the tenant's pack may bring some; the bench tops up. */
const MIN_ORG_UNITS = 20;

export interface SeededReader {
	cookie: string;
	/** How many org units `GET /api/org-units` must return. */
	orgUnits: number;
}

/**
 * A tenant with a small organisation, a section manager (TOTP enrolled) and an active session for
 * them, written straight into the data directory the server will open.
 */
export async function seedReader(dataDir: string): Promise<SeededReader> {
	const runtime = await openRuntime({ ...loadConfig({}), dataDir });
	try {
		const tenant = await makeTenant(runtime, "bench-read");
		const actor = systemActor(tenant.id, "bench");
		// makeAccount below adds one more unit, for the manager's role.
		const missing = MIN_ORG_UNITS - 1 - (await listOrgUnits(runtime.db, tenant.id)).length;
		await inTransaction(runtime.db, async (tx) => {
			for (let i = 1; i <= missing; i++) {
				await createOrgUnit(tx, actor, {
					code: `bench-${String(i).padStart(3, "0")}`,
					name: `ベンチ課 ${i}`,
					kind: "section",
					parentId: null,
				});
			}
		});
		const account = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
		const token = await makeSessionToken(runtime, account);
		const orgUnits = (await listOrgUnits(runtime.db, tenant.id)).length;
		return { cookie: `${SESSION_COOKIE}=${token}`, orgUnits };
	} finally {
		await runtime.close();
	}
}
