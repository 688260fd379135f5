import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import {
	copyFileSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { auditEvents, auditHead, withoutAuditTriggers } from "../helpers/audit-db.ts";
import { runCli } from "../helpers/cli.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { openSession, unique } from "../helpers/route-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Issue #21 point 8: deleting the newest events and rewinding `audit_heads` passes
 * `mamori audit verify`, but not `--checkpoints DIR` once a signed checkpoint covers them.
 */

let runtime: TestRuntime;
let north: TenantRow;
let south: TenantRow;
let dir: string;
before(async () => {
	runtime = await createTestRuntime();
	north = await makeTenant(runtime, unique("cp-north"));
	south = await makeTenant(runtime, unique("cp-south"));
	dir = join(runtime.dataDir, "checkpoints");
});
after(() => runtime.cleanup());

const run = (...args: string[]) => runCli(args, runtime);

async function addEvents(tenant: TenantRow, count: number) {
	for (let i = 0; i < count; i++) {
		await inTransaction(runtime.db, (tx) =>
			createOrgUnit(tx, systemActor(tenant.id, "test"), {
				code: unique("ou"),
				name: `課${i}`,
				kind: "section",
				parentId: null,
			}),
		);
	}
}

/** Delete a tenant's newest `count` events and point its head at the one before them. */
async function cutTail(tenant: TenantRow, count: number): Promise<number> {
	const head = await auditHead(runtime.db, tenant.id);
	const keep = head.seq - count;
	await withoutAuditTriggers(runtime, async () => {
		await runtime.db
			.deleteFrom("audit_events")
			.where("tenant_id", "=", tenant.id)
			.where("seq", ">", keep)
			.execute();
		const last = await runtime.db
			.selectFrom("audit_events")
			.select("hash")
			.where("tenant_id", "=", tenant.id)
			.where("seq", "=", keep)
			.executeTakeFirstOrThrow();
		await runtime.db
			.updateTable("audit_heads")
			.set({ seq: keep, hash: last.hash })
			.where("tenant_id", "=", tenant.id)
			.execute();
	});
	return keep;
}

function checkpointFile(): string {
	const files = readdirSync(dir).filter((name) => name.endsWith(".jsonl"));
	assert.equal(files.length, 1, String(files));
	return files[0] as string;
}

test("a checkpoint signs every tenant's head; the key stays private, the public key is beside it", async () => {
	await addEvents(north, 4);
	await addEvents(south, 2);
	const northHead = await auditHead(runtime.db, north.id);
	const result = await run("audit", "checkpoint");
	assert.equal(result.code, 0, result.stderr);
	assert.match(result.stdout, new RegExp(`^${north.slug}: signed event ${northHead.seq} `, "m"));

	const keyFile = join(runtime.dataDir, "checkpoint.key");
	assert.equal(statSync(keyFile).mode & 0o777, 0o600);
	assert.match(readFileSync(keyFile, "utf8"), /BEGIN PRIVATE KEY/);
	const names = readdirSync(dir);
	assert.ok(
		names.some((name) => /^checkpoint-[0-9a-f]{16}\.pub\.pem$/.test(name)),
		String(names),
	);
	assert.ok(!names.some((name) => name.endsWith(".key")));
	const lines = readFileSync(join(dir, checkpointFile()), "utf8").trim().split("\n");
	const northLine = lines
		.map((line) => JSON.parse(line) as { tenant: string; seq: number; hash: string })
		.find((line) => line.tenant === north.slug);
	assert.deepEqual([northLine?.seq, northLine?.hash], [northHead.seq, northHead.hash]);

	const events = await auditEvents(runtime.db, north.id);
	const recorded = events.at(-1);
	assert.equal(recorded?.type, "audit.checkpointed");
	assert.equal(recorded?.payload.seq, northHead.seq);

	const verify = await run("audit", "verify", "--checkpoints", dir);
	assert.equal(verify.code, 0, verify.stdout + verify.stderr);
	assert.match(verify.stdout, /checkpoints in .*: 2 checked, 0 failing/);
	// More events after the checkpoint: still intact.
	await addEvents(north, 2);
	assert.equal((await run("audit", "verify", "--checkpoints", dir)).code, 0);
});

interface Latest {
	checkpoint: { seq: number; hash: string; signatureValid: boolean; inChain: boolean } | null;
}

/** The latest checkpoint as the CISO of `tenant` sees it on the audit page. */
async function latestSeenByCiso(tenant: TenantRow): Promise<Latest["checkpoint"]> {
	const app = createApp(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"], totp: true });
	const client = new TestClient(app, await openSession(runtime, ciso));
	const response = await client.get("/api/audit-checkpoints/latest");
	assert.equal(response.status, 200);
	return ((await response.json()) as Latest).checkpoint;
}

test("the CISO sees the latest checkpoint, verified", async () => {
	const checkpoint = await latestSeenByCiso(north);
	assert.ok(checkpoint);
	assert.deepEqual([checkpoint.signatureValid, checkpoint.inChain], [true, true]);
	const other = await makeTenant(runtime, unique("cp-none"));
	assert.equal(await latestSeenByCiso(other), null, "a tenant created since has none yet");
});

test("a checkpoint line with one changed signature byte fails verification", async () => {
	const copy = mkdtempSync(join(runtime.dataDir, "copy-"));
	for (const name of readdirSync(dir)) copyFileSync(join(dir, name), join(copy, name));
	const file = join(copy, checkpointFile());
	const lines = readFileSync(file, "utf8").trim().split("\n");
	const index = lines.findIndex((line) => line.includes(`"tenant":"${south.slug}"`));
	const entry = JSON.parse(lines[index] ?? "{}") as { signature: string };
	const signature = Buffer.from(entry.signature, "base64");
	signature[10] = (signature[10] ?? 0) ^ 0x01;
	lines[index] = JSON.stringify({ ...entry, signature: signature.toString("base64") });
	writeFileSync(file, `${lines.join("\n")}\n`);

	const result = await run("audit", "verify", "--checkpoints", copy);
	assert.equal(result.code, 1, result.stdout);
	assert.match(
		result.stdout,
		new RegExp(
			`^${south.slug}: CHECKPOINT FAILS \\(.*:${index + 1}, event \\d+\\): its signature does not verify`,
			"m",
		),
	);
	assert.equal((await run("audit", "verify", "--checkpoints", dir)).code, 0, "the original holds");
});

test("a pinned public key, an empty directory and a stray line are all failures", async () => {
	const names = readdirSync(dir);
	const pem = names.find((name) => name.endsWith(".pub.pem")) as string;
	const pinned = await run("audit", "verify", "--checkpoints", dir, "--public-key", join(dir, pem));
	assert.equal(pinned.code, 0, pinned.stdout);
	const otherKey = generateKeyPairSync("ed25519").publicKey.export({ format: "pem", type: "spki" });
	const otherFile = join(runtime.dataDir, "other.pub.pem");
	writeFileSync(otherFile, otherKey);
	const wrong = await run("audit", "verify", "--checkpoints", dir, "--public-key", otherFile);
	assert.equal(wrong.code, 1);
	assert.match(wrong.stdout, /CHECKPOINT FAILS .*its key [0-9a-f]{16} is not among/);

	const empty = mkdtempSync(join(runtime.dataDir, "empty-"));
	const none = await run("audit", "verify", "--checkpoints", empty);
	assert.equal(none.code, 1);
	assert.match(none.stdout, /no checkpoint files in the directory/);

	const stray = mkdtempSync(join(runtime.dataDir, "stray-"));
	for (const name of names) copyFileSync(join(dir, name), join(stray, name));
	writeFileSync(join(stray, checkpointFile()), "not json\n", { flag: "a" });
	const strayed = await run("audit", "verify", "--checkpoints", stray);
	assert.equal(strayed.code, 1);
	assert.match(
		strayed.stdout,
		/^\?: CHECKPOINT FAILS \(audit-checkpoints-.*\): the line is not a checkpoint$/m,
	);
});

test("deleting the newest events and rewinding the head passes verify, but not --checkpoints", async () => {
	const signed = (await auditEvents(runtime.db, north.id)).findLast(
		(event) => event.type === "audit.checkpointed",
	)?.payload.seq as number;
	const head = await auditHead(runtime.db, north.id);
	const kept = await cutTail(north, head.seq - signed + 2);
	assert.ok(kept < signed);

	const plain = await run("audit", "verify");
	assert.equal(plain.code, 0, "the chain alone cannot tell: this is the tester's finding");
	assert.match(plain.stdout, new RegExp(`^${north.slug}: intact \\(${kept} events\\)$`, "m"));

	const anchored = await run("audit", "verify", "--checkpoints", dir);
	assert.equal(anchored.code, 1, anchored.stdout);
	assert.match(
		anchored.stdout,
		new RegExp(
			`^${north.slug}: CHECKPOINT FAILS \\(audit-checkpoints-\\d{4}-\\d{2}-\\d{2}\\.jsonl:\\d+, event ${signed}\\): it signed event ${signed}, but the chain now has ${kept} events$`,
			"m",
		),
	);
	assert.doesNotMatch(anchored.stdout, new RegExp(`^${south.slug}: CHECKPOINT`, "m"));
	const json = JSON.parse(
		(await run("audit", "verify", "--checkpoints", dir, "--json")).stdout,
	) as { intact: boolean; checkpoints: { failures: { tenant: string }[] } };
	assert.equal(json.intact, false);
	assert.deepEqual(
		json.checkpoints.failures.map((failure) => failure.tenant),
		[north.slug],
	);
	assert.equal(
		(await run("audit", "verify", "--tenant", south.slug, "--checkpoints", dir)).code,
		0,
	);
});
