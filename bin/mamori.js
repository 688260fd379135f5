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
await import("../src/cli/main.ts");
