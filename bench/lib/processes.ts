import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The repository root, so the bench runs from any working directory. */
export const ROOT = join(import.meta.dirname, "..", "..");
export const MAMORI_BIN = join(ROOT, "bin", "mamori.js");

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** Kill every child still running and delete every temp dir; safe to call more than once. */
export function cleanUp(): void {
	for (const child of children) {
		if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
	}
	children.clear();
	for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
	tempDirs.clear();
}

process.once("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
	process.once(signal, () => {
		cleanUp();
		process.exit(130);
	});
}

/** A temp directory deleted by `cleanUp`, whatever happens. */
export function makeTempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	tempDirs.add(dir);
	return dir;
}

export function removeTempDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	tempDirs.delete(dir);
}

/** Spawn the pinned Node on `args`, tracked so it is killed if the bench dies. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	children.add(child);
	child.once("exit", () => children.delete(child));
	return child;
}

/** Resolve with the first capture of `pattern` in the child's stdout; reject if it exits first. */
export function waitForOutput(
	child: ChildProcess,
	pattern: RegExp,
	timeoutMs = 30_000,
): Promise<string> {
	return new Promise((resolve, reject) => {
		let seen = "";
		let errors = "";
		const timer = setTimeout(
			() => finish(new Error(`timed out waiting for ${pattern}`)),
			timeoutMs,
		);
		const onData = (chunk: Buffer) => {
			seen += chunk.toString();
			const match = pattern.exec(seen);
			if (match) finish(null, match[1] ?? match[0]);
		};
		const onErr = (chunk: Buffer) => {
			errors += chunk.toString();
		};
		const onExit = (code: number | null) =>
			finish(new Error(`process exited (${code}) before ${pattern}:\n${seen}${errors}`));
		function finish(error: Error | null, value?: string) {
			clearTimeout(timer);
			child.stdout?.off("data", onData);
			child.stderr?.off("data", onErr);
			child.off("exit", onExit);
			// Keep draining so a chatty child never blocks on a full pipe.
			child.stdout?.resume();
			child.stderr?.resume();
			if (error) reject(error);
			else resolve(value ?? "");
		}
		child.stdout?.on("data", onData);
		child.stderr?.on("data", onErr);
		child.once("exit", onExit);
	});
}

/** Stop a child with SIGTERM, then SIGKILL if it lingers. */
export async function stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
	child.kill("SIGTERM");
	const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
	await exited;
	clearTimeout(timer);
}

/** Run a child to completion, collecting its output. */
export function runToEnd(
	child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		let stdout = "";
		let stderr = "";
		child.stdout?.on("data", (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr?.on("data", (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.once("close", (code) => resolve({ code, stdout, stderr }));
	});
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, "utf8");
	const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
	if (!match?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
	return Number(match[1]) / 1024;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
