import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./lib/http.ts";
import { hammer } from "./lib/load.ts";
import { cleanUp, MAMORI_BIN, makeTempDir, rssMb, sleep, stop } from "./lib/processes.ts";
import { seedReader } from "./seed.ts";
import { mamoriEnv } from "./startup.ts";

const flags = process.argv.slice(2);
const dataDir = makeTempDir("mamori-memexp-");
writeFileSync(join(dataDir, "secret.key"), `${randomBytes(32).toString("base64")}\n`);
try {
	const first = await startServer([MAMORI_BIN, "serve"], mamoriEnv(dataDir), "/api/health");
	await stop(first.child);
	const reader = await seedReader(dataDir);
	const s = await startServer(
		[...flags, "--import", "/tmp/perf/mem.mjs", MAMORI_BIN, "serve"],
		mamoriEnv(dataDir),
		"/api/health",
	);
	s.child.stderr?.on("data", (d: Buffer) => {
		if (process.env.SHOWMEM) process.stdout.write(d);
	});
	await sleep(2000);
	const idle = rssMb(s.child.pid ?? 0);
	const h = await hammer(`${s.origin}/api/health`, {}, 5);
	const r = await hammer(`${s.origin}/api/org-units`, { cookie: reader.cookie }, 5);
	const h2 = await hammer(`${s.origin}/api/health`, {}, 5);
	const r2 = await hammer(`${s.origin}/api/org-units`, { cookie: reader.cookie }, 5);
	const peak = rssMb(s.child.pid ?? 0);
	await sleep(2000);
	const after = rssMb(s.child.pid ?? 0);
	console.log(
		`${flags.join(" ") || "(none)"}: idle ${idle.toFixed(0)} MB, end of load ${peak.toFixed(0)}, after 2 s ${after.toFixed(0)}; health ${h.requestsPerSecond.toFixed(0)}/${h2.requestsPerSecond.toFixed(0)} read ${r.requestsPerSecond.toFixed(0)}/${r2.requestsPerSecond.toFixed(0)} fail ${h.failures + r.failures}`,
	);
	await stop(s.child);
} finally {
	cleanUp();
}
