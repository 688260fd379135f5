import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { Problem } from "../../shared/problem.ts";
import type { JobDeclaration } from "../jobs/job.ts";
import type { ImportProgress } from "./import-kind.ts";
import { findImportKind, updateImport } from "./imports.repository.ts";
import { runImportInWorker } from "./run-import.ts";

export const IMPORT_JOB = "platform.import";

/** How often a running import's progress is saved to its row on PostgreSQL. */
const SAVE_PROGRESS_EVERY_MS = 1000;

/**
 * Progress of the imports this process is running. On SQLite the import's own transaction
 * holds the write lock, so progress cannot be saved until it ends and is read from here; on
 * PostgreSQL it is saved too, for the other processes.
 */
const live = new Map<string, ImportProgress>();

/** The progress of an import running in this process, if it is. */
export function liveImportProgress(id: string): ImportProgress | undefined {
	return live.get(id);
}

const payloadSchema = z.object({ importId: z.string() });

/**
 * Apply a stored import in the worker thread, then record its end: `done` with the module's
 * report, `refused` (nothing written) or `failed` with the problem's code. The job itself
 * ends `done` either way: the import's row carries the outcome, and it is not retried.
 */
async function applyImport(deps: AppDeps, importId: string): Promise<void> {
	const stored = await findImportKind(deps.db, importId);
	if (!stored) return;
	const startedAt = new Date().toISOString();
	const claimed = await updateImport(
		deps.db,
		importId,
		{ status: "running", started_at: startedAt, updated_at: startedAt },
		["queued"],
	);
	if (!claimed) return;
	live.set(importId, { checked: 0, written: 0 });
	let savedAt = 0;
	const onProgress = (progress: ImportProgress) => {
		live.set(importId, progress);
		const now = Date.now();
		if (deps.engine !== "postgres" || now - savedAt < SAVE_PROGRESS_EVERY_MS) return;
		savedAt = now;
		updateImport(
			deps.db,
			importId,
			{
				rows_checked: progress.checked,
				rows_written: progress.written,
				updated_at: new Date(now).toISOString(),
			},
			["running"],
		).catch(() => {
			// Progress is a hint; the end of the run is recorded below.
		});
	};
	const end = (changes: Parameters<typeof updateImport>[2]) => {
		const at = new Date().toISOString();
		return updateImport(deps.db, importId, {
			...changes,
			file: null,
			finished_at: at,
			updated_at: at,
		});
	};
	try {
		const outcome = await runImportInWorker(deps, { kind: stored.kind, importId }, onProgress);
		await end({
			status: outcome.applied ? "done" : "refused",
			result: JSON.stringify(outcome.result),
			rows_checked: outcome.progress.checked,
			rows_written: outcome.applied ? outcome.progress.written : 0,
		});
	} catch (error) {
		const problem = error instanceof Problem && error.code !== "internal" ? error : null;
		if (!problem) console.error(`import ${importId} failed:`, error);
		await end({
			status: "failed",
			rows_written: 0,
			error_code: problem?.code ?? "internal",
			error_detail: problem?.message ?? "the import stopped unexpectedly",
		});
	} finally {
		live.delete(importId);
	}
}

export const importJobs: JobDeclaration[] = [
	{
		name: IMPORT_JOB,
		maxAttempts: 1,
		handler: (deps, job) => applyImport(deps, payloadSchema.parse(job.payload).importId),
	},
];
