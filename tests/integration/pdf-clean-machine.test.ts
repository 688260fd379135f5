import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { runCli } from "../helpers/cli.ts";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-db.ts";
import { pdfText } from "../helpers/pdf-text.ts";

/**
 * A PDF export on a machine with only Node and npm: `MAMORI_PDF_FONT` unset and the Debian font
 * directories absent. They are hidden from the `mamori` process in two ways: a preload that makes
 * every file-system call on them fail (works anywhere), and, where the kernel lets us, a private
 * mount namespace with an empty tmpfs over /usr/share/fonts (the directories really are empty).
 */
const ROOT = resolve(import.meta.dirname, "../..");
const MODEL = resolve(ROOT, "examples/network/violations.yaml");
const HIDE_FONTS = pathToFileURL(resolve(import.meta.dirname, "../helpers/hide-system-fonts.ts"));

let place: EmptyDatabase;
let dir: string;
before(async () => {
	place = await createEmptyDatabase();
	dir = await mkdtemp(join(tmpdir(), "mamori-clean-pdf-"));
});
after(async () => {
	await place.cleanup();
	await rm(dir, { recursive: true, force: true });
});

/** The report is a PDF with the bundled font embedded, and its Japanese title reads back. */
function assertJapanesePdf(bytes: Buffer): void {
	assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
	assert.match(bytes.toString("latin1"), /NotoSansJP/u, "the font npm install brought");
	const text = pdfText(bytes);
	// pdftotext comes with poppler-utils, which the test machines have; without it, the font alone.
	if (text !== null) assert.match(text.replace(/\s+/g, ""), /三層分離チェック結果/u);
}

test("mamori network check --pdf writes Japanese with no system font directory and no MAMORI_PDF_FONT", async () => {
	const pdf = join(dir, "hidden.pdf");
	const probes = join(dir, "probes.txt");
	await writeFile(probes, "");
	const run = await runCli(["network", "check", MODEL, "--pdf", pdf], place, {
		MAMORI_PDF_FONT: undefined,
		NODE_OPTIONS: `--import=${HIDE_FONTS.href}`,
		MAMORI_TEST_FONT_PROBES: probes,
	});
	assert.equal(run.code, 4, run.stderr);
	assertJapanesePdf(await readFile(pdf));
	assert.equal(await readFile(probes, "utf8"), "", "nothing looked into a system font directory");
});

/** Whether this kernel lets an unprivileged test mount over /usr/share/fonts in a namespace. */
function mayHideWithMount(): boolean {
	const probe = spawnSync("unshare", ["-rm", "sh", "-c", "mount -t tmpfs none /usr/share/fonts"], {
		stdio: "ignore",
	});
	return probe.status === 0;
}

test("the same in a mount namespace where /usr/share/fonts is an empty directory", {
	skip: mayHideWithMount() ? false : "unshare/mount not permitted here",
}, async () => {
	const pdf = join(dir, "namespaced.pdf");
	const node = process.execPath;
	const script = [
		"mount -t tmpfs none /usr/share/fonts",
		'test -z "$(ls -A /usr/share/fonts)"',
		`exec "${node}" "${join(ROOT, "bin/mamori.js")}" network check "${MODEL}" --pdf "${pdf}"`,
	].join(" && ");
	const env: NodeJS.ProcessEnv = { ...process.env, MAMORI_DATA_DIR: place.dataDir };
	delete env.MAMORI_PDF_FONT;
	delete env.DATABASE_URL;
	if (place.databaseUrl) env.DATABASE_URL = place.databaseUrl;
	const run = spawnSync("unshare", ["-rm", "sh", "-c", script], { env, encoding: "utf8" });
	assert.equal(run.status, 4, run.stderr);
	assertJapanesePdf(await readFile(pdf));
});
