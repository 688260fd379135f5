// `npm run bench`: measure every performance target against baselines taken in the same run,
// print a summary, and rewrite the generated sections of BENCHMARKS.md.
// Flags: --quick (platform: fewer rounds, 100,000 events, BENCHMARKS.md untouched), --no-write,
// --only=platform,assets,assets-mapping,network,sanitize,attachments,incidents,assurance,third-parties,backup,directory,people
// (default: all; assets-mapping is a part of assets, run alone only when named).
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { measureVerify } from "./audit-verify.ts";
import { measureReads } from "./http-read.ts";
import { cleanUp, makeTempDir, ROOT, removeTempDir, stop } from "./lib/processes.ts";
import { machineLine } from "./lib/stats.ts";
import {
	type Figures,
	figuresMarkdown,
	summaryText,
	writeFigures,
	writeSection,
} from "./report.ts";
import { seedReader } from "./seed.ts";
import { measureStartups, startMamori } from "./startup.ts";

const quick = process.argv.includes("--quick");
const write = !quick && !process.argv.includes("--no-write");
const plan = quick
	? { startups: 3, loadRounds: 1, events: 100_000, verifyRounds: 1 }
	: { startups: 5, loadRounds: 4, events: 1_000_000, verifyRounds: 3 };

/** A data directory with its own secret key, so neither the server nor the CLI warns about it. */
function makeDataDir(prefix: string): string {
	const dir = makeTempDir(prefix);
	writeFileSync(join(dir, "secret.key"), `${randomBytes(32).toString("base64")}\n`, {
		mode: 0o600,
	});
	return dir;
}

const step = (message: string) => console.log(`· ${message}`);

/**
 * Module benchmarks: each returns its own markdown section of BENCHMARKS.md. A `part` is written
 * inside another section (between markers of its own) and runs alone only when named.
 */
const SECTIONS: Record<string, { title: string; run: () => Promise<string>; part?: true }> = {
	assets: {
		title: "Asset ledger",
		run: async () => (await import("./assets.ts")).runAssetsBench(),
	},
	"assets-mapping": {
		title: "Asset ledger: a city's own layout through a column mapping",
		run: async () => (await import("./assets-mapping.ts")).runMappedImportBench(),
		part: true,
	},
	network: {
		title: "Three-tier separation check",
		run: async () => (await import("./network.ts")).runNetworkBench(),
	},
	sanitize: {
		title: "無害化: message engine",
		run: async () => (await import("./sanitize.ts")).runSanitizeBench(),
	},
	attachments: {
		title: "無害化: attachment sanitisers",
		run: async () => (await import("./sanitize-attachments.ts")).runAttachmentBench(),
	},
	incidents: {
		title: "Incident reporting rules",
		run: async () => (await import("./incidents.ts")).runIncidentsBench(),
	},
	assurance: {
		title: "Assurance: checklist import",
		run: async () => (await import("./assurance.ts")).runAssuranceBench(),
	},
	"third-parties": {
		title: "Third parties",
		run: async () => (await import("./third-parties.ts")).runThirdPartiesBench(),
	},
	backup: {
		title: "Backup and restore",
		run: async () => (await import("./backup.ts")).runBackupBench(),
	},
	directory: {
		title: "Directory sign-in",
		run: async () => (await import("./directory.ts")).runDirectoryBench(),
	},
	people: {
		title: "People and places",
		// Training completion, then the secure-area entry log and its card-reader import.
		run: async () =>
			[
				await (await import("./people.ts")).runPeopleBench(),
				await (await import("./people-areas.ts")).runEntryLogBench(),
			].join("\n\n"),
	},
};

const onlyFlag = process.argv.find((arg) => arg.startsWith("--only="));
const only = new Set(
	onlyFlag
		? onlyFlag.slice("--only=".length).split(",")
		: [
				"platform",
				...Object.entries(SECTIONS)
					.filter(([, section]) => !section.part)
					.map(([name]) => name),
			],
);

async function modules(): Promise<void> {
	for (const [name, section] of Object.entries(SECTIONS)) {
		if (!only.has(name)) continue;
		step(`${section.title} (${name})`);
		const markdown = await section.run();
		console.log(`\n${markdown}\n`);
		if (write) writeSection(join(ROOT, "BENCHMARKS.md"), name, section.title, markdown);
	}
}

async function main(): Promise<void> {
	if (!only.has("platform")) return;
	const started = performance.now();
	const machine = machineLine();

	const serverDir = makeDataDir("mamori-bench-server-");
	step("first start on an empty data directory (migrates, creates the first administrator)");
	await stop((await startMamori(serverDir)).child);
	const reader = await seedReader(serverDir);
	step(`start-up on the existing database, ${plan.startups} times (and node:http hello)`);
	const startup = await measureStartups(serverDir, plan.startups);
	step(
		`load: node:http hello, Hono hello, /api/health, /api/org-units; ${plan.loadRounds} round(s)`,
	);
	const reads = await measureReads(serverDir, reader, plan.loadRounds);
	removeTempDir(serverDir);

	const auditDir = makeDataDir("mamori-bench-audit-");
	step(`audit chain of ${plan.events.toLocaleString("en-US")} events, then mamori audit verify`);
	const verify = await measureVerify(auditDir, plan.events, plan.verifyRounds);
	removeTempDir(auditDir);

	const figures: Figures = {
		machine,
		startup,
		reads,
		verify,
		totalSeconds: (performance.now() - started) / 1000,
	};
	console.log(`\n${summaryText(figures)}`);
	if (write) {
		writeFigures(join(ROOT, "BENCHMARKS.md"), figuresMarkdown(figures));
		console.log("\nBENCHMARKS.md updated.");
	}
}

try {
	await main();
	await modules();
} catch (error) {
	console.error(error);
	process.exitCode = 1;
} finally {
	cleanUp();
}
