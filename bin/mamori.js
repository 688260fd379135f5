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
// Cache V8's compiled code between starts (in the OS temp directory): start-up drops by about
// a third, which matters for `npm start` and for every CLI call.
const { enableCompileCache } = await import("node:module");
enableCompileCache?.();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
