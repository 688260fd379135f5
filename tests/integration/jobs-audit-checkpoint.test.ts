import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { AUDIT_CHECKPOINT_JOB } from "../../src/modules/audit-log/audit-log.jobs.ts";
import { ensureRecurring } from "../../src/platform/jobs/ensure-recurring.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { runCli } from "../helpers/cli.ts";
import { makeTenant } from "../helpers/factories.ts";
import { unique } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** Issue #21 point 8: the audit chains are checkpointed each day by a job of the scheduler. */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());

test("the daily checkpoint is one instance-wide job that signs every tenant's head", async () => {
	const tenants = [
		await makeTenant(runtime, unique("cpj-a")),
		await makeTenant(runtime, unique("cpj-b")),
	];
	// 10:00 in Japan: today's 23:00 is still ahead.
	await ensureRecurring(runtime.db, JOBS, new Date("2026-12-06T01:00:00Z"));
	const queued = await runtime.db
		.selectFrom("jobs")
		.selectAll()
		.where("name", "=", AUDIT_CHECKPOINT_JOB)
		.execute();
	assert.deepEqual(
		queued.map((j) => [j.tenant_id, j.due_at, j.status]),
		[[null, "2026-12-06T14:00:00.000Z", "pending"]],
		"one job for the instance, at 23:00 JST",
	);

	const summary = await runDueJobs(runtime, {
		declarations: JOBS,
		now: () => new Date("2026-12-06T14:00:01Z"),
	});
	assert.ok(summary.done >= 1);
	const job = await runtime.db
		.selectFrom("jobs")
		.select(["status", "last_error"])
		.where("id", "=", queued[0]?.id ?? "")
		.executeTakeFirstOrThrow();
	assert.deepEqual({ ...job }, { status: "done", last_error: null });

	const dir = join(runtime.dataDir, "checkpoints");
	assert.ok(
		existsSync(join(runtime.dataDir, "checkpoint.key")),
		"the key is kept beside secret.key",
	);
	const lines = readdirSync(dir)
		.filter((name) => name.endsWith(".jsonl"))
		.flatMap((name) => readFileSync(join(dir, name), "utf8").trim().split("\n"))
		.map((line) => JSON.parse(line) as { tenantId?: string; tenant?: string });
	for (const tenant of tenants) {
		assert.ok(
			lines.some((line) => JSON.stringify(line).includes(tenant.id)),
			`a signed head for ${tenant.slug}`,
		);
	}

	const verified = await runCli(["audit", "verify", "--checkpoints", dir], runtime);
	assert.equal(verified.code, 0, verified.stderr);
});
