import assert from "node:assert/strict";
import { once } from "node:events";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import {
	missingPdfTools,
	pdfToolsNotice,
} from "../../src/modules/sanitize/attachments/pdf-tools.ts";
import { spawnCli } from "../helpers/cli.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/** Where `pdftoppm` is missing, start-up and the mail settings say PDFs will be held, and how to fix it. */
let runtime: TestRuntime;
let bare: string;
let halfway: string;
before(async () => {
	runtime = await createTestRuntime();
	// A PATH without poppler, and one with only pdfinfo (an executable stand-in).
	bare = await mkdtemp(join(tmpdir(), "mamori-no-poppler-"));
	halfway = await mkdtemp(join(tmpdir(), "mamori-pdfinfo-only-"));
	await writeFile(join(halfway, "pdfinfo"), "#!/bin/sh\nexit 0\n");
	await chmod(join(halfway, "pdfinfo"), 0o755);
	await writeFile(join(halfway, "pdftoppm"), "not executable");
});
after(async () => {
	await runtime.cleanup();
	await rm(bare, { recursive: true, force: true });
	await rm(halfway, { recursive: true, force: true });
});

test("the tools are looked up on PATH as execFile would, executables only", () => {
	assert.deepEqual(missingPdfTools(bare), ["pdfinfo", "pdftoppm"]);
	assert.deepEqual(missingPdfTools(halfway), ["pdftoppm"]);
	assert.deepEqual(missingPdfTools(""), ["pdfinfo", "pdftoppm"]);
	const notice = pdfToolsNotice(halfway) ?? "";
	assert.match(notice, /PDF 添付は無害化できないため保留されます（pdftoppm が見つかりません）/);
	assert.match(notice, /PDF attachments will be held/);
	assert.match(notice, /apt-get install poppler-utils/);
});

test("the mail settings tell the administrator that PDFs will be held, and how to install the tools", async () => {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const client = await activeClient(runtime, app(), admin);
	const saved = process.env.PATH;
	process.env.PATH = bare;
	let settings: { pdfTools: { available: boolean; missing: string[]; install: string } };
	try {
		settings = await expectJson(await client.get("/api/mail/settings"));
	} finally {
		process.env.PATH = saved;
	}
	assert.deepEqual(settings.pdfTools, {
		available: false,
		missing: ["pdfinfo", "pdftoppm"],
		package: "poppler-utils",
		install: "apt-get install poppler-utils",
	});
	if (missingPdfTools().length === 0) {
		const present = await expectJson<typeof settings>(await client.get("/api/mail/settings"));
		assert.equal(present.pdfTools.available, true);
		assert.deepEqual(present.pdfTools.missing, []);
	}
});

function app() {
	return createApp(runtime);
}

test("mamori serve says at start-up that PDF attachments will be held without pdftoppm", async () => {
	const server = spawnCli(["serve", "--port", "0"], runtime, {
		PATH: bare,
		MAMORI_JOBS_POLL_MS: "0",
	});
	let output = "";
	server.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	server.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	try {
		const deadline = Date.now() + 60_000;
		while (!/apt-get install poppler-utils/.test(output)) {
			assert.ok(Date.now() < deadline, `no notice in the start-up output:\n${output}`);
			assert.equal(server.exitCode, null, `the server exited:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	} finally {
		server.kill("SIGTERM");
		if (server.exitCode === null) await once(server, "exit");
	}
	assert.match(output, /Mamori: http:\/\/localhost:\d+\//);
	assert.match(output, /pdfinfo, pdftoppm が見つかりません/);
});
