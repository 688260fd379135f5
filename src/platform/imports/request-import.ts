import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import type { Actor } from "../../modules/authz/roles.ts";
import { enqueueJob } from "../jobs/enqueue-job.ts";
import type { ImportKind } from "./import-kind.ts";
import { IMPORT_JOB } from "./imports.jobs.ts";
import { insertImport } from "./imports.repository.ts";

export interface ImportRequestInput {
	kind: ImportKind;
	actor: Actor;
	fileName: string;
	bytes: Uint8Array;
	/** The module's options, stored as JSON and handed back to its run. */
	options: unknown;
}

/**
 * Store a file to be applied and queue the job that applies it, in the caller's transaction:
 * the request and its job commit together. Wake the scheduler after commit
 * (`wakeSchedulers()`), so it starts without waiting for its next poll. Returns the import's id.
 *
 * @example
 * const id = await inTransaction(db, (tx) => requestImport(tx, { kind: ledgerImport, actor, fileName, bytes, options }));
 * wakeSchedulers();
 */
export async function requestImport(tx: Tx, input: ImportRequestInput): Promise<string> {
	const { kind, actor } = input;
	kind.authorize(actor);
	const id = randomUUID();
	const jobId = await enqueueJob(tx, {
		name: IMPORT_JOB,
		tenantId: actor.tenantId,
		payload: { importId: id },
		// An import is all or nothing and is not repeated behind its requester's back.
		maxAttempts: 1,
	});
	const now = new Date().toISOString();
	await insertImport(tx, {
		id,
		tenant_id: actor.tenantId,
		kind: kind.name,
		job_id: jobId,
		status: "queued",
		file_name: input.fileName,
		file: input.bytes,
		options: JSON.stringify(input.options ?? {}),
		actor: JSON.stringify(actor),
		rows_checked: 0,
		rows_written: 0,
		result: null,
		error_code: null,
		error_detail: null,
		created_by: actor.accountId,
		created_at: now,
		started_at: null,
		finished_at: null,
		updated_at: now,
	});
	return id;
}
