import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "../..");
export const CHROMIUM = process.env.MAMORI_CHROMIUM ?? "/usr/bin/chromium";
const START_TIMEOUT_MS = 30_000;

export interface RunningServer {
	url: string;
	/** The first administrator's one-time password, printed once on first start. */
	oneTimePassword: string;
	/** Every demo tenant's administrator password by tenant slug (`demo`, `saga`, `kitakyushu`). */
	oneTimePasswords: Record<string, string>;
	/** The server's data directory (SQLite file, secret key), for CLI commands beside it. */
	dataDir: string;
	output(): string;
	stop(): Promise<void>;
}

/** Fail early and clearly when the UI has not been built (CI builds it in `npm ci`). */
export function assertWebBuilt(): void {
	const index = join(ROOT, "dist/web/index.html");
	if (!existsSync(index)) {
		throw new Error(`${index} is missing: run \`npm run build\` first (npm ci runs it as prepare)`);
	}
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
	return new Promise((resolveExit) => {
		const timer = setTimeout(() => resolveExit(false), ms);
		child.once("exit", () => {
			clearTimeout(timer);
			resolveExit(true);
		});
	});
}

/**
 * Start the real server (`mamori serve`) on a free port with an empty SQLite database in a
 * temporary data directory, and wait until it listens.
 */
export async function startServer(): Promise<RunningServer> {
	assertWebBuilt();
	const dataDir = await mkdtemp(join(tmpdir(), "mamori-browser-"));
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: "0",
		MAMORI_DATA_DIR: dataDir,
		// Webhooks may go to receivers on loopback, as in the integration tests.
		MAMORI_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
	};
	delete env.DATABASE_URL;
	delete env.MAMORI_SECRET_KEY;
	const child = spawn(process.execPath, [join(ROOT, "bin/mamori.js"), "serve"], {
		cwd: ROOT,
		env,
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});

	const stop = async () => {
		if (!(await waitForExit(child, 0))) {
			child.kill("SIGTERM");
			if (!(await waitForExit(child, 5_000))) child.kill("SIGKILL");
		}
		await rm(dataDir, { recursive: true, force: true });
	};

	try {
		const port = await new Promise<string>((resolvePort, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`the server did not start in time:\n${output}`)),
				START_TIMEOUT_MS,
			);
			const check = () => {
				const match = /Mamori: http:\/\/localhost:(\d+)\//.exec(output);
				if (match?.[1]) {
					clearTimeout(timer);
					resolvePort(match[1]);
				}
			};
			child.stdout.on("data", check);
			child.once("exit", (code) => {
				clearTimeout(timer);
				reject(new Error(`the server exited (${code}) before listening:\n${output}`));
			});
		});
		const password = /one-time password:\s*(\S+)/.exec(output)?.[1];
		if (!password) throw new Error(`no one-time password in the server output:\n${output}`);
		const passwords: Record<string, string> = {};
		for (const match of output.matchAll(/tenant:\s*(\S+)\s.*?one-time password:\s*(\S+)/g)) {
			if (match[1] && match[2]) passwords[match[1]] = match[2];
		}
		return {
			url: `http://localhost:${port}`,
			oneTimePassword: password,
			oneTimePasswords: passwords,
			dataDir,
			output: () => output,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/** Headless Chromium from the system, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`Chromium not found at ${CHROMIUM} (set MAMORI_CHROMIUM to its path)`);
	}
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			"--headless",
			"--no-sandbox",
			"--disable-gpu",
			"--disable-quic",
			"--no-first-run",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
		],
	});
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A page that records what must never happen: console errors (CSP violations are reported
 * there), uncaught exceptions, failed HTTP responses, and requests leaving the machine (which
 * are also blocked).
 */
export async function watchedPage(
	context: BrowserContext,
): Promise<{ page: Page; problems: string[] }> {
	const problems: string[] = [];
	await context.route("**/*", async (route) => {
		const url = new URL(route.request().url());
		if (LOOPBACK.has(url.hostname)) return route.continue();
		problems.push(`outbound request: ${url.href}`);
		return route.abort("blockedbyclient");
	});
	const page = await context.newPage();
	page.on("console", (message) => {
		if (message.type() === "error") problems.push(`console error: ${message.text()}`);
	});
	page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
	page.on("response", (response) => {
		if (response.status() >= 400) {
			problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
		}
	});
	return { page, problems };
}

/**
 * Add an account to a tenant of the running server through the CLI (`mamori user add`, on the
 * server's own data directory), optionally with a display name and a mail address; returns its
 * one-time password.
 *
 * @example
 * const otp = await addUser(server, "demo", "kacho", ["ciso"], { email: "kacho@city.example.jp" });
 */
export async function addUser(
	server: RunningServer,
	tenant: string,
	username: string,
	roles: readonly string[] = [],
	details: { displayName?: string; email?: string } = {},
): Promise<string> {
	const env: NodeJS.ProcessEnv = { ...process.env, MAMORI_DATA_DIR: server.dataDir };
	delete env.DATABASE_URL;
	delete env.MAMORI_SECRET_KEY;
	const args = ["user", "add", "--tenant", tenant, "--username", username];
	for (const role of roles) args.push("--role", role);
	if (details.displayName) args.push("--display-name", details.displayName);
	if (details.email) args.push("--email", details.email);
	const child = spawn(process.execPath, [join(ROOT, "bin/mamori.js"), ...args], {
		cwd: ROOT,
		env,
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	const code = await new Promise<number | null>((done) => child.once("exit", done));
	const password = /one-time password \(shown once\):\s*(\S+)/.exec(output)?.[1];
	if (code !== 0 || !password) throw new Error(`mamori user add failed (${code}):\n${output}`);
	return password;
}
