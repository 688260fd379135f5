// Development: the Mamori server (API on :8080, restarted by `node --watch` when a module it loads
// changes) and a Vite dev server with hot reload that proxies /api to it. Ctrl-C stops both.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createServer } from "vite";

const root = resolve(import.meta.dirname, "..");
const apiPort = process.env.MAMORI_API_PORT ?? "8080";

const api = spawn(
	process.execPath,
	["--watch", "--watch-preserve-output", resolve(root, "bin/mamori.js"), "serve"],
	{ cwd: root, env: { ...process.env, PORT: apiPort }, stdio: "inherit" },
);

const vite = await createServer({
	configFile: resolve(root, "vite.config.ts"),
	server: { proxy: { "/api": { target: `http://localhost:${apiPort}`, changeOrigin: false } } },
});
await vite.listen();
vite.printUrls();
console.log(`  API: http://localhost:${apiPort}/api (docs at /api/docs)\n`);

let stopping = false;
async function stop(code: number) {
	if (stopping) return;
	stopping = true;
	api.kill("SIGTERM");
	await vite.close();
	process.exit(code);
}

api.on("exit", (code) => {
	if (!stopping)
		console.error(`mamori serve exited (${code ?? "signal"}); stopping the dev server`);
	void stop(code ?? 1);
});
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
