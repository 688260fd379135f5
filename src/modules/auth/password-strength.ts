import { type ChildProcess, fork } from "node:child_process";

/** What the rule needs from zxcvbn: its 0–4 score and the kinds of match it saw, in order. */
export interface StrengthVerdict {
	score: number;
	patterns: string[];
}

export type StrengthRequest =
	| { id: number; kind: "check"; password: string; userInputs: string[] }
	| { id: number; kind: "count" };

export type StrengthReply = ({ id: number } & StrengthVerdict) | { id: number; entries: number };

/**
 * The helper process (and its dictionaries) exits after this long without a password to check.
 * This is an idle timeout on a resource of this process, like a pool's, not work on a clock: it is
 * not stored, not shared between processes and never runs a use case, so it is not a scheduler job.
 */
const IDLE_MS = 60_000;

let worker: ChildProcess | null = null;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;
const pending = new Map<number, { resolve(reply: StrengthReply): void; reject(e: Error): void }>();

function failAll(error: Error): void {
	for (const waiting of pending.values()) waiting.reject(error);
	pending.clear();
}

function startWorker(): ChildProcess {
	const started = fork(new URL("./password-strength.worker.ts", import.meta.url), [], {
		execArgv: [], // not the server's flags (an --inspect port would clash)
		stdio: ["ignore", "inherit", "inherit", "ipc"],
		serialization: "advanced",
	});
	started.on("message", (reply: StrengthReply) => {
		const waiting = pending.get(reply.id);
		pending.delete(reply.id);
		waiting?.resolve(reply);
	});
	started.on("error", (error) => {
		worker = null;
		failAll(error);
	});
	started.on("exit", () => {
		if (worker === started) worker = null;
		failAll(new Error("the password strength worker stopped"));
	});
	return started;
}

function hold(child: ChildProcess, keepAlive: boolean): void {
	if (keepAlive) {
		child.ref();
		child.channel?.ref();
	} else {
		child.unref();
		child.channel?.unref();
	}
}

type Unsent<T> = T extends unknown ? Omit<T, "id"> : never;

function ask(request: Unsent<StrengthRequest>): Promise<StrengthReply> {
	clearTimeout(idleTimer);
	worker ??= startWorker();
	const current = worker;
	hold(current, true); // a caller is waiting: keep the process alive until the reply
	const id = nextId++;
	return new Promise<StrengthReply>((resolve, reject) => {
		pending.set(id, { resolve, reject });
		current.send({ ...request, id });
	}).finally(() => {
		if (pending.size > 0) return;
		hold(current, false); // an idle helper never keeps the server, a CLI command or a test alive
		idleTimer = setTimeout(() => {
			if (worker === current && pending.size === 0) {
				worker = null;
				current.kill();
			}
		}, IDLE_MS);
		idleTimer.unref();
	});
}

/**
 * zxcvbn's verdict on a password, with the common (~49k passwords, diceware), English and
 * Japanese (romaji) dictionaries. They load in a helper process on first use and leave with it
 * when idle, so the server's own memory stays at its idle size.
 */
export async function strengthOf(password: string, userInputs: string[]): Promise<StrengthVerdict> {
	const reply = await ask({ kind: "check", password, userInputs });
	if (!("score" in reply)) throw new Error("unexpected reply from the password strength worker");
	return { score: reply.score, patterns: reply.patterns };
}

/** How many distinct entries the dictionaries hold (ASVS V6 asks for at least 100,000). */
export async function dictionaryEntryCount(): Promise<number> {
	const reply = await ask({ kind: "count" });
	if (!("entries" in reply)) throw new Error("unexpected reply from the password strength worker");
	return reply.entries;
}

/** Stop the helper process now (tests, shutdown); the next check starts a new one. */
export async function stopPasswordStrengthWorker(): Promise<void> {
	clearTimeout(idleTimer);
	const current = worker;
	worker = null;
	if (!current || current.exitCode !== null) return;
	hold(current, true);
	const exited = new Promise((resolve) => current.once("exit", resolve));
	current.kill();
	await exited;
}
