import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { openLedger } from "../../src/modules/assets/ledger.ts";
import { reclassifyAsset } from "../../src/modules/assets/update-asset.ts";
import { CLAUSE_CHECK_JOB } from "../../src/modules/contracts/clause-check.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { makeAsset, unitOf } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { ALL_BUT_ERASURE, makeContract } from "../helpers/contract-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The daily clause check: a contract follows its assets when they are reclassified through the
 * ledger, without anyone saving the contract again; a second run changes nothing.
 */

let runtime: TestRuntime;
before(async () => {
	runtime = await createTestRuntime();
});
after(() => runtime.cleanup());

/** Run the tenant's next queued clause check through the scheduler, at its due time. */
async function runClauseCheck(tenantId: string): Promise<void> {
	await runDueJobs(runtime, { declarations: JOBS });
	const next = await runtime.db
		.selectFrom("jobs")
		.select(["id", "due_at"])
		.where("name", "=", CLAUSE_CHECK_JOB)
		.where("tenant_id", "=", tenantId)
		.where("status", "=", "pending")
		.orderBy("due_at")
		.executeTakeFirst();
	assert.ok(next, "the clause check is queued for the tenant");
	await runDueJobs(runtime, {
		declarations: JOBS,
		now: () => new Date(Date.parse(next.due_at) + 1000),
	});
	const done = await runtime.db
		.selectFrom("jobs")
		.select("status")
		.where("id", "=", next.id)
		.executeTakeFirstOrThrow();
	assert.equal(done.status, "done");
}

async function contractGaps(id: string) {
	const row = await runtime.db
		.selectFrom("contracts")
		.select(["gaps", "gap_count", "updated_at"])
		.where("id", "=", id)
		.executeTakeFirstOrThrow();
	return {
		gaps: JSON.parse(row.gaps) as string[],
		count: Number(row.gap_count),
		at: row.updated_at,
	};
}

test("a contract is flagged by the daily check once its asset is reclassified to 機密性2", async () => {
	const tenant = await makeTenant(runtime);
	const holder = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
	const unit = await unitOf(runtime, tenant.id, holder.id, "");
	const asset = await makeAsset(runtime, tenant.id, unit, { levels: ["C1", "I1", "A1"] });
	const contract = await makeContract(runtime, tenant.id, unit, {
		assetIds: [asset.id],
		clauses: ALL_BUT_ERASURE,
	});
	assert.equal(contract.gap_count, 0, "機密性1 data needs no erasure clause");

	// Nothing to change yet: the run leaves the contract and the log alone.
	await runClauseCheck(tenant.id);
	assert.equal((await contractGaps(contract.id)).count, 0);
	const checked = async () =>
		(await auditEvents(runtime.db, tenant.id)).filter((e) => e.type === "contract.clauses_checked");
	assert.equal((await checked()).length, 0);

	const ledger = await openLedger(runtime.db, systemActor(tenant.id, "test"));
	await inTransaction(runtime.db, (tx) =>
		reclassifyAsset(tx, ledger, asset.id, {
			levels: ["C2", "I1", "A1"],
			reason: "個人情報を含むことが判明したため",
			version: Number(asset.version),
		}),
	);
	assert.equal((await contractGaps(contract.id)).count, 0, "not yet: the contract was not saved");

	await runClauseCheck(tenant.id);
	const flagged = await contractGaps(contract.id);
	assert.deepEqual(flagged.gaps, ["return_or_erasure"]);
	assert.equal(flagged.count, 1);
	const events = await checked();
	assert.equal(events.length, 1);
	assert.equal(events[0]?.actor_id, "system");
	assert.deepEqual(events[0]?.payload, { contracts: 1, withGaps: 1, changed: 1 });

	// Twice: nothing more changes and nothing more is logged.
	await runClauseCheck(tenant.id);
	assert.deepEqual(await contractGaps(contract.id), flagged);
	assert.equal((await checked()).length, 1);
});
