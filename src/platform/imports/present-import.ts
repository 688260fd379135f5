import type { Queryable } from "../../db/queryable.ts";
import type { Actor } from "../../modules/authz/roles.ts";
import { Problem } from "../../shared/problem.ts";
import { jobStatus } from "../jobs/jobs.repository.ts";
import { liveImportProgress } from "./imports.jobs.ts";
import { findImport, type ImportListing } from "./imports.repository.ts";
import type { ImportJob } from "./imports.schemas.ts";
import { importKind } from "./registry.ts";

function parseResult(text: string | null): ImportJob["result"] {
	return text === null ? null : (JSON.parse(text) as ImportJob["result"]);
}

/** An import as its requester sees it; progress of a run in this process is read live. */
export function presentImport(row: ImportListing, jobStatus: string | undefined): ImportJob {
	let status = row.status as ImportJob["status"];
	let error =
		row.error_code === null ? null : { code: row.error_code, detail: row.error_detail ?? "" };
	// Its job was lost (the process running it stopped on its last attempt): nothing was written.
	if ((status === "queued" || status === "running") && jobStatus === "failed") {
		status = "failed";
		error = { code: "internal", detail: "the process running the import stopped" };
	}
	const live = status === "running" ? liveImportProgress(row.id) : undefined;
	return {
		id: row.id,
		kind: row.kind,
		status,
		fileName: row.file_name,
		progress: live ?? { checked: row.rows_checked, written: row.rows_written },
		result: parseResult(row.result),
		error,
		createdAt: row.created_at,
		startedAt: row.started_at,
		finishedAt: row.finished_at,
		allowedActions: [],
	};
}

/**
 * Read one import the actor requested, checking they may still use that kind of import.
 *
 * @example
 * const job = await readImport(db, actor, id); // job.progress.checked, job.result
 */
export async function readImport(db: Queryable, actor: Actor, id: string): Promise<ImportJob> {
	const row = await findImport(db, actor.tenantId, id);
	// Its report may name rows outside another importer's units: only its requester reads it.
	if (!row || row.created_by !== actor.accountId) {
		throw new Problem("not_found", `import ${id} does not exist`);
	}
	importKind(row.kind).authorize(actor);
	return presentImport(row, await jobStatus(db, row.job_id));
}
