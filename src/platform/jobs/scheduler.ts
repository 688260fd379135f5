import { randomUUID } from "node:crypto";
import type { AppDeps } from "../../deps.ts";
import { type RunOptions, runDueJobs } from "./run-due.ts";

export interface Scheduler {
	/** Run a pass now rather than at the next poll (after the running one, if any). */
	wake(): void;
	/** Finish the job under way (no new one starts), then stop polling. */
	stop(): Promise<void>;
}

/** The schedulers running in this process, woken by `wakeSchedulers`. */
const running = new Set<Scheduler>();

/**
 * Ask the schedulers of this process to look for due jobs now, e.g. right after a request
 * queued one (an import); without a scheduler here it does nothing and the job waits for
 * whichever process polls next.
 */
export function wakeSchedulers(): void {
	for (const scheduler of running) scheduler.wake();
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
	let passing = false;
	let wakeAgain = false;

	const tick = async () => {
		passing = true;
		try {
			await runDueJobs(deps, { ...options, owner, log, shouldStop: () => stopped });
			if (lastFailure !== null) log("running jobs again");
			lastFailure = null;
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			if (message !== lastFailure)
				log(`a pass failed, retrying every ${options.intervalMs} ms: ${message}`);
			lastFailure = message;
		} finally {
			passing = false;
		}
	};
	const schedule = () => {
		if (stopped) return;
		const delay = wakeAgain ? 0 : options.intervalMs;
		wakeAgain = false;
		timer = setTimeout(() => {
			pass = tick().then(schedule);
		}, delay);
	};
	pass = tick().then(schedule);
	const scheduler: Scheduler = {
		wake() {
			if (stopped) return;
			if (passing) {
				wakeAgain = true;
				return;
			}
			clearTimeout(timer);
			pass = tick().then(schedule);
		},
		async stop() {
			stopped = true;
			running.delete(scheduler);
			clearTimeout(timer);
			await pass;
		},
	};
	running.add(scheduler);
	return scheduler;
}
