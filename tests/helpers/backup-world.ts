import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import pg from "pg";
import { systemActor } from "../../src/bootstrap.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { quarantineBox } from "../../src/modules/sanitize/gateway/sealed-bytes.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { Problem } from "../../src/shared/problem.ts";
import { makeAsset } from "./asset-world.ts";
import { runCli } from "./cli.ts";
import { CERTIFICATE_PDF, makeDisposal } from "./custody-world.ts";
import { makeVersion } from "./documents-world.ts";
import { makeTenant } from "./factories.ts";
import { makeGatewayMessage } from "./mail-world.ts";
import { unique } from "./route-world.ts";

export const BACKUP_PASSPHRASE = "correct horse battery staple backup";
export const WITH_PASSPHRASE = { MAMORI_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE };

/** A tenant with assets, a published policy document, a disposal with its certificate, a quarantined mail. */
export interface BackupWorld {
	tenant: TenantRow;
	unitId: string;
	disposalFileId: string;
	mailId: string;
}

export async function makeBackupWorld(deps: AppDeps): Promise<BackupWorld> {
	const tenant = await makeTenant(deps, unique("bk"));
	const unit = await inTransaction(deps.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: unique("ou"),
			name: "情報政策課",
			kind: "section",
			parentId: null,
		}),
	);
	for (let i = 0; i < 5; i++) await makeAsset(deps, tenant.id, unit.id);
	await makeVersion(deps, tenant.id, "published");
	const { fileId } = await makeDisposal(deps, tenant.id, unit.id, { certificate: true });
	const mailId = await makeGatewayMessage(deps, tenant.id, "taro@city.example.jp");
	return { tenant, unitId: unit.id, disposalFileId: fileId ?? "", mailId };
}

/**
 * `count` writers adding assets until `stop()`; `acknowledged()` lists the ids whose transaction
 * had committed when it is called.
 */
export function startWriters(deps: AppDeps, world: BackupWorld, count: number) {
	const acknowledged: string[] = [];
	let running = true;
	let failure: unknown;
	const loops = Array.from({ length: count }, async () => {
		while (running) {
			// node:sqlite answers synchronously: without a turn of the event loop, four writers
			// would starve every timer (and the backup's child process of its test's attention).
			await new Promise((resolve) => setImmediate(resolve));
			try {
				const asset = await makeAsset(deps, world.tenant.id, world.unitId);
				acknowledged.push(asset.id);
			} catch (error) {
				// Two writers racing for the tenant's next audit event: one is refused, not acknowledged.
				if (!(error instanceof Problem && error.code === "conflict")) {
					failure ??= error;
					running = false;
				}
			}
		}
	});
	return {
		acknowledged: () => {
			if (failure) throw failure;
			return [...acknowledged];
		},
		async stop() {
			running = false;
			await Promise.all(loops);
			if (failure) throw failure;
		},
	};
}

/** SHA-256 of every file under `dir` but the SQLite database, by relative path. */
export function stateFileHashes(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (at: string) => {
		for (const entry of readdirSync(at, { withFileTypes: true })) {
			const path = join(at, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (!entry.name.startsWith("mamori.sqlite")) {
				out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
			}
		}
	};
	if (existsSync(dir)) walk(dir);
	return out;
}

type Place = { dataDir: string; databaseUrl: string | undefined };

/** Whether nothing was written to a place: no file in its directory, no table in its database. */
export async function assertUntouched(place: Place): Promise<void> {
	assert.deepEqual(existsSync(place.dataDir) ? readdirSync(place.dataDir) : [], []);
	if (place.databaseUrl) {
		const client = new pg.Client({ connectionString: place.databaseUrl });
		await client.connect();
		try {
			const { rows } = await client.query(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
			);
			assert.deepEqual(rows, []);
		} finally {
			await client.end();
		}
	}
}

/**
 * The restored place holds every acknowledged asset, the certificate's bytes, a quarantined
 * original that opens with the restored secret key, and audit chains that verify.
 */
export async function assertRestored(
	place: Place,
	world: BackupWorld,
	acknowledgedBefore: string[],
): Promise<void> {
	const handle = openDatabase(place);
	try {
		const ids = new Set(
			(
				await handle.db
					.selectFrom("assets")
					.select("id")
					.where("tenant_id", "=", world.tenant.id)
					.execute()
			).map((r) => r.id),
		);
		const missing = acknowledgedBefore.filter((id) => !ids.has(id));
		assert.deepEqual(missing, [], "every write acknowledged before the backup is restored");
		const file = await handle.db
			.selectFrom("asset_disposal_files")
			.select("content")
			.where("id", "=", world.disposalFileId)
			.executeTakeFirstOrThrow();
		assert.deepEqual(Buffer.from(file.content), Buffer.from(CERTIFICATE_PDF));
		const original = await handle.db
			.selectFrom("mail_quarantine")
			.select("sealed")
			.where("message_id", "=", world.mailId)
			.executeTakeFirstOrThrow();
		const raw = quarantineBox(place.dataDir).open(original.sealed).toString("utf8");
		assert.match(raw, /original attachment text|b3JpZ2luYWwgYXR0YWNobWVudCB0ZXh0/);
		const policies = await handle.db
			.selectFrom("policy_documents")
			.select("id")
			.where("tenant_id", "=", world.tenant.id)
			.execute();
		assert.ok(policies.length > 0);
	} finally {
		await handle.db.destroy();
	}
	const verify = await runCli(["audit", "verify", "--json"], place);
	assert.equal(verify.code, 0, verify.stdout + verify.stderr);
	assert.equal(JSON.parse(verify.stdout).intact, true);
}
