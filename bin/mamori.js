#!/usr/bin/env node
// Entry point of the `mamori` command. The sources are TypeScript run natively by Node 24;
// npm scripts and npx put the pinned Node (the `node` devDependency) first on PATH.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
	console.error(
		`mamori: needs Node.js 24 or later (this is ${process.version}); run it as "npx mamori" or through npm scripts`,
	);
	process.exit(1);
}

// The long-running commands get a bounded V8 heap: a small young generation (semi-space) and a
// capped old space keep the resident memory of an idle server low after a burst of requests.
// V8 reads these limits only at start, so the process replaces itself (same pid, same stdio)
// with one started with the flags. A flag already given (node option or NODE_OPTIONS) is kept
// as it is; MAMORI_MAX_OLD_SPACE_MB / MAMORI_MAX_SEMI_SPACE_MB change the values, 0 leaves
// V8's default. See README.md, "Memory".
const HEAP_LIMITS = [
	["--max-old-space-size", "MAMORI_MAX_OLD_SPACE_MB", 256],
	["--max-semi-space-size", "MAMORI_MAX_SEMI_SPACE_MB", 1],
];
if (["serve", "gateway"].includes(process.argv[2] ?? "") && process.execve) {
	const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
	const flags = [];
	for (const [flag, variable, fallback] of HEAP_LIMITS) {
		if (given.some((option) => option.replaceAll("_", "-").startsWith(flag))) continue;
		const raw = process.env[variable];
		const megabytes = raw === undefined || raw === "" ? fallback : Number(raw);
		if (!Number.isInteger(megabytes) || megabytes < 0) {
			console.error(`mamori: ${variable} must be a whole number of megabytes (got "${raw}")`);
			process.exit(2);
		}
		if (megabytes > 0) flags.push(`${flag}=${megabytes}`);
	}
	if (flags.length > 0) {
		const args = [...flags, ...process.execArgv, ...process.argv.slice(1)];
		process.execve(process.execPath, [process.execPath, ...args], process.env);
	}
}

// Cache V8's compiled code between starts (in the OS temp directory): start-up drops by about
// a third, which matters for `npm start` and for every CLI call.
const { enableCompileCache } = await import("node:module");
enableCompileCache?.();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
