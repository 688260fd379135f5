import { Worker } from "node:worker_threads";
import type { Config } from "../../config.ts";
import type { AppDeps } from "../../deps.ts";
import type { Actor } from "../../modules/authz/roles.ts";
import { Problem, type ProblemCode, type ProblemIssue } from "../../shared/problem.ts";
import type { ImportOutcome, ImportProgress } from "./import-kind.ts";

/** What the import worker thread is started with. */
export interface WorkerInput {
	kind: string;
	/** A stored import to apply (its file, actor and options are read from the table)… */
	importId: string | null;
	/** …or a file given directly (a dry run, the CLI). */
	bytes: Uint8Array | null;
	actor: Actor | null;
	options: unknown;
	dryRun: boolean;
	config: Config;
	secretKey: Uint8Array;
}

/** What the worker thread says: progress while it runs, then its outcome or its failure. */
export type WorkerMessage =
	| { type: "progress"; progress: ImportProgress }
	| { type: "done"; outcome: ImportOutcome }
	| { type: "failed"; code: ProblemCode; detail: string; issues: ProblemIssue[] };

const WORKER = new URL("./import-worker.ts", import.meta.url);

/**
 * Import workers running at once in this process; more wait their turn, so that many dry runs
 * at once cannot take all the memory (a worker reading a large XLSX holds a few hundred MB).
 */
const MAX_WORKERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Wait for a free place; the returned function gives it up (to the next waiting, if any). */
async function turn(): Promise<() => void> {
	if (running < MAX_WORKERS) running++;
	else await new Promise<void>((resolve) => waiting.push(resolve));
	return () => {
		const next = waiting.shift();
		if (next) next();
		else running--;
	};
}

export interface ImportRequest {
	kind: string;
	importId?: string;
	bytes?: Uint8Array;
	actor?: Actor;
	options?: unknown;
	dryRun?: boolean;
}

/**
 * Run one import in a worker thread with its own database connection, so that reading,
 * checking and writing a large file never blocks this thread's event loop. Resolves with the
 * module's outcome; rejects with the run's `Problem` (its code kept) or the worker's crash.
 *
 * @example
 * const outcome = await runImportInWorker(deps, { kind: "assets.ledger", bytes, actor, options, dryRun: true }, console.log);
 */
export async function runImportInWorker(
	deps: AppDeps,
	request: ImportRequest,
	onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportOutcome> {
	const done = await turn();
	try {
		return await runWorker(deps, request, onProgress);
	} finally {
		done();
	}
}

function runWorker(
	deps: AppDeps,
	request: ImportRequest,
	onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
	const input: WorkerInput = {
		kind: request.kind,
		importId: request.importId ?? null,
		bytes: request.bytes ?? null,
		actor: request.actor ?? null,
		options: request.options ?? {},
		dryRun: request.dryRun ?? false,
		config: deps.config,
		secretKey: deps.secrets.keyForWorkerThread(),
	};
	return new Promise((resolve, reject) => {
		let settled = false;
		const worker = new Worker(WORKER, { workerData: input });
		const settle = (finish: () => void) => {
			if (settled) return;
			settled = true;
			finish();
		};
		worker.on("message", (message: WorkerMessage) => {
			if (message.type === "progress") onProgress(message.progress);
			else if (message.type === "done") settle(() => resolve(message.outcome));
			else
				settle(() => reject(new Problem(message.code, message.detail, { issues: message.issues })));
		});
		worker.on("error", (error) => settle(() => reject(error)));
		worker.on("exit", (code) =>
			settle(() => reject(new Error(`the import worker stopped (exit code ${code})`))),
		);
	});
}
