import { randomUUID } from "node:crypto";
import type { AppDeps } from "../../deps.ts";
import { type RunOptions, runDueJobs } from "./run-due.ts";

export interface Scheduler {
	/** Finish the job under way (no new one starts), then stop polling. */
	stop(): Promise<void>;
}

/**
 * Run due jobs in this process every `intervalMs`, as `mamori serve` does. A failing handler or
 * a lost database never ends the process: the failure is logged once (and its end when the
 * next pass succeeds), and polling goes on.
 *
 * @example
 * const scheduler = startScheduler(runtime, { declarations: JOBS, intervalMs: 5000 });
 * await scheduler.stop();
 */
export function startScheduler(
	deps: AppDeps,
	options: Omit<RunOptions, "shouldStop"> & { intervalMs: number },
): Scheduler {
	const log = options.log ?? ((message: string) => console.error(`scheduler: ${message}`));
	const owner = options.owner ?? `serve-${randomUUID()}`;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let pass: Promise<void> = Promise.resolve();
	let lastFailure: string | null = null;

	const tick = async () => {
		try {
			await runDueJobs(deps, { ...options, owner, log, shouldStop: () => stopped });
			if (lastFailure !== null) log("running jobs again");
			lastFailure = null;
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			if (message !== lastFailure)
				log(`a pass failed, retrying every ${options.intervalMs} ms: ${message}`);
			lastFailure = message;
		}
	};
	const schedule = () => {
		if (stopped) return;
		timer = setTimeout(() => {
			pass = tick().then(schedule);
		}, options.intervalMs);
	};
	pass = tick().then(schedule);
	return {
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await pass;
		},
	};
}
