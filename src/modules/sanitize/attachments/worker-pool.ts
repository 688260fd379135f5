import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { AttachmentInput, AttachmentOutcome, SanitizePolicy } from "../sanitize.contract.ts";
import type { WorkerRequest } from "./attachment-worker.ts";

/**
 * Worker processes for the attachment sanitisers. Starting one costs a few hundred milliseconds
 * (Node, the sources, sharp and pdfkit), so finished workers wait, unreferenced, for the next
 * message: at most `MAX_IDLE_WORKERS`, each reused `MAX_USES` times. A worker that overruns the
 * deadline is killed, never reused.
 */

/** The worker script; tests may substitute one that misbehaves. */
export const WORKER_SCRIPT = fileURLToPath(new URL("./attachment-worker.ts", import.meta.url));
export const MAX_IDLE_WORKERS = 2;
export const MAX_USES = 50;
/** Workers sanitising at once; further messages wait their turn (their deadline still runs). */
export const MAX_ACTIVE_WORKERS = Math.max(2, availableParallelism());

export interface WorkerOptions {
	workerScript?: string;
}

/** Why a worker stopped before answering for an attachment. */
export type WorkerFailure = "timeout" | "crash";

type WorkerMessage = { index: number; outcome: AttachmentOutcome } | { done: true };

interface PooledWorker {
	child: ChildProcess;
	/** Script and heap limit: a worker only serves requests it was started for. */
	key: string;
	uses: number;
	alive: boolean;
}

const idle: PooledWorker[] = [];
let active = 0;
const waiting: (() => void)[] = [];

/** Wait for a free worker slot, or give up at the deadline (false). */
function takeSlot(deadline: number): Promise<boolean> {
	if (active < MAX_ACTIVE_WORKERS) {
		active++;
		return Promise.resolve(true);
	}
	return new Promise((resolve) => {
		const grant = () => {
			clearTimeout(timer);
			active++;
			resolve(true);
		};
		const timer = setTimeout(
			() => {
				const at = waiting.indexOf(grant);
				if (at >= 0) waiting.splice(at, 1);
				resolve(false);
			},
			Math.max(0, deadline - Date.now()),
		);
		waiting.push(grant);
	});
}

function giveSlot(): void {
	active--;
	waiting.shift()?.();
}

/** Buffers arrive as plain Uint8Arrays after the structured clone; make them Buffers again. */
function reviveBuffers(outcome: AttachmentOutcome): AttachmentOutcome {
	const output = outcome.output
		? {
				...outcome.output,
				content: Buffer.from(
					outcome.output.content.buffer,
					outcome.output.content.byteOffset,
					outcome.output.content.byteLength,
				),
			}
		: undefined;
	return {
		...outcome,
		...(output ? { output } : {}),
		...(outcome.members ? { members: outcome.members.map(reviveBuffers) } : {}),
	};
}

/** A clean environment: no inherited NODE_OPTIONS to override the heap limit, no test runner hooks. */
function workerEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	delete env.NODE_OPTIONS;
	delete env.NODE_TEST_CONTEXT;
	return env;
}

function setReferenced(worker: PooledWorker, referenced: boolean): void {
	if (referenced) {
		worker.child.ref();
		worker.child.channel?.ref();
	} else {
		worker.child.unref();
		worker.child.channel?.unref();
	}
}

function startWorker(script: string, memoryMb: number, key: string): PooledWorker {
	const child = fork(script, [], {
		// Our pinned Node, whatever `node` on the PATH is; it runs the .ts sources natively.
		execPath: process.execPath,
		execArgv: [`--max-old-space-size=${memoryMb}`],
		serialization: "advanced",
		stdio: ["ignore", "ignore", "ignore", "ipc"],
		env: workerEnv(),
	});
	const worker: PooledWorker = { child, key, uses: 0, alive: true };
	child.on("exit", () => {
		worker.alive = false;
		const at = idle.indexOf(worker);
		if (at >= 0) idle.splice(at, 1);
	});
	child.on("error", () => {
		worker.alive = false;
	});
	return worker;
}

function acquire(script: string, memoryMb: number): PooledWorker {
	const key = `${memoryMb}:${script}`;
	const at = idle.findIndex(
		(worker) => worker.key === key && worker.alive && worker.child.connected,
	);
	const worker = at >= 0 ? idle.splice(at, 1)[0] : undefined;
	if (worker) {
		setReferenced(worker, true);
		return worker;
	}
	return startWorker(script, memoryMb, key);
}

function release(worker: PooledWorker): void {
	worker.uses++;
	if (!worker.alive || worker.uses >= MAX_USES || idle.length >= MAX_IDLE_WORKERS) {
		worker.child.kill("SIGKILL");
		return;
	}
	setReferenced(worker, false);
	idle.push(worker);
}

/** Stop the idle workers (on shutdown, and between tests). */
export function closeWorkerPool(): void {
	for (const worker of idle.splice(0)) worker.child.kill("SIGKILL");
}

export function activeWorkerCount(): number {
	return active;
}

export function idleWorkerCount(): number {
	return idle.length;
}

/**
 * Sanitise `inputs` in a worker process (our pinned Node, `process.execPath`) with a heap limit
 * of `workerMemoryMb`, killed at `deadline`. Resolves with an outcome per input, or the reason
 * the worker could not give one (the caller holds those attachments).
 */
export async function runInWorker(
	inputs: readonly AttachmentInput[],
	policy: SanitizePolicy,
	deadline: number,
	options: WorkerOptions = {},
): Promise<(AttachmentOutcome | WorkerFailure)[]> {
	if (!(await takeSlot(deadline))) return inputs.map(() => "timeout");
	try {
		return await runOnWorker(inputs, policy, deadline, options);
	} catch {
		// fork itself failed (no memory, no file descriptors): nothing was sanitised
		return inputs.map(() => "crash");
	} finally {
		giveSlot();
	}
}

function runOnWorker(
	inputs: readonly AttachmentInput[],
	policy: SanitizePolicy,
	deadline: number,
	options: WorkerOptions,
): Promise<(AttachmentOutcome | WorkerFailure)[]> {
	const results: (AttachmentOutcome | WorkerFailure | undefined)[] = inputs.map(() => undefined);
	const memoryMb = Math.max(64, Math.floor(policy.limits.workerMemoryMb));
	const worker = acquire(options.workerScript ?? WORKER_SCRIPT, memoryMb);
	const { child } = worker;
	return new Promise((resolve) => {
		let timedOut = false;
		let settled = false;
		const finish = (reusable: boolean) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			child.off("message", onMessage);
			child.off("close", onClose);
			child.off("error", onClose);
			if (reusable) release(worker);
			else child.kill("SIGKILL");
			resolve(results.map((result) => result ?? (timedOut ? "timeout" : "crash")));
		};
		const onMessage = (message: WorkerMessage) => {
			if ("done" in message) finish(true);
			else if (message.index >= 0 && message.index < results.length) {
				results[message.index] = reviveBuffers(message.outcome);
			}
		};
		const onClose = () => finish(false);
		const timer = setTimeout(
			() => {
				timedOut = true;
				finish(false);
			},
			Math.max(0, deadline - Date.now()),
		);
		child.on("message", onMessage);
		child.on("close", onClose);
		child.on("error", onClose);
		const request: WorkerRequest = { inputs: [...inputs], policy, deadline };
		try {
			child.send(request, (error) => {
				if (error) finish(false);
			});
		} catch {
			finish(false);
		}
	});
}
