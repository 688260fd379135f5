/**
 * The import worker thread: opens its own database connection and runs one module's import
 * (read, check, write in one transaction), posting progress to the thread that started it.
 * On PostgreSQL an applied import ends by analysing the tables it filled, so that the planner
 * knows their new size at once (autovacuum may be late, or off).
 */
import { parentPort, workerData } from "node:worker_threads";
import { sql } from "kysely";
import { openDatabase } from "../../db/connection.ts";
import type { AppDeps } from "../../deps.ts";
import { SecretBox } from "../../modules/auth/secret-box.ts";
import type { Actor } from "../../modules/authz/roles.ts";
import { Problem } from "../../shared/problem.ts";
import type { ImportProgress } from "./import-kind.ts";
import { findImportFile } from "./imports.repository.ts";
import { splitMapping } from "./mapping-options.ts";
import { importKind } from "./registry.ts";
import type { WorkerInput, WorkerMessage } from "./run-import.ts";

/** Progress is sent at most this often; the last value always goes with the outcome. */
const PROGRESS_EVERY_MS = 250;

const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const handle = openDatabase({
	databaseUrl: input.config.databaseUrl,
	dataDir: input.config.dataDir,
});
const deps: AppDeps = {
	db: handle.db,
	engine: handle.engine,
	config: input.config,
	secrets: new SecretBox(Buffer.from(input.secretKey)),
};

async function main(): Promise<void> {
	const kind = importKind(input.kind);
	let bytes = input.bytes;
	let actor = input.actor;
	let options = input.options;
	if (input.importId !== null) {
		const stored = await findImportFile(deps.db, input.importId);
		if (!stored) throw new Problem("not_found", `import ${input.importId} does not exist`);
		// A roster's apply has no file: its preview was stored.
		bytes = stored.file ?? new Uint8Array(0);
		actor = JSON.parse(stored.actor) as Actor;
		options = JSON.parse(stored.options) as unknown;
	}
	if (!bytes || !actor) throw new Problem("validation_failed", "no file to import");
	let sentAt = 0;
	const progress = (update: ImportProgress) => {
		const now = Date.now();
		if (now - sentAt < PROGRESS_EVERY_MS) return;
		sentAt = now;
		post({ type: "progress", progress: { ...update } });
	};
	const split = splitMapping(options);
	const outcome = await kind.run({
		deps,
		actor,
		bytes,
		options: split.options,
		mapping: split.mapping,
		importId: input.importId,
		dryRun: input.dryRun,
		progress,
	});
	post({ type: "progress", progress: outcome.progress });
	if (outcome.applied && deps.engine === "postgres" && kind.tables.length > 0) {
		await sql.raw(`ANALYZE ${kind.tables.join(", ")}`).execute(deps.db);
	}
	post({ type: "done", outcome });
}

try {
	await main();
} catch (error) {
	if (error instanceof Problem) {
		post({ type: "failed", code: error.code, detail: error.message, issues: error.issues });
	} else {
		const detail = error instanceof Error ? error.message : String(error);
		post({ type: "failed", code: "internal", detail, issues: [] });
	}
} finally {
	await handle.db.destroy();
}
