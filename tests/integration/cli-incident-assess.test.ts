import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runCli } from "../helpers/cli.ts";

interface AssessJson {
	pack: string;
	knownAt: string;
	obligations: {
		code: string;
		required: boolean;
		reasons: { code: string; params: Record<string, string | number> }[];
		preliminary: { due: string; days: number } | null;
		final: { due: string; days: number } | null;
	}[];
}

let dir: string;
// The command reads no database; the place only gives it a data directory of its own.
let place: { dataDir: string; databaseUrl: undefined };
before(async () => {
	dir = await mkdtemp(join(tmpdir(), "mamori-incident-assess-"));
	place = { dataDir: dir, databaseUrl: undefined };
});
after(() => rm(dir, { recursive: true, force: true }));

async function facts(name: string, value: unknown): Promise<string> {
	const file = join(dir, name);
	await writeFile(file, typeof value === "string" ? value : JSON.stringify(value));
	return file;
}

const lostUsbStick = {
	knownAt: "2026-11-30",
	people: 150,
	dataKinds: ["personal"],
	wrongfulIntent: false,
	financialDamageRisk: false,
	encrypted: false,
};

test("a lost USB stick with 150 residents' data: PPC report with both due dates, as JSON", async () => {
	const file = await facts("usb.json", lostUsbStick);
	const { code, stdout, stderr } = await runCli(["incident", "assess", file, "--json"], place);
	assert.equal(code, 0, stderr);
	const result = JSON.parse(stdout) as AssessJson;
	assert.equal(result.pack, "standard");
	const ppc = result.obligations.find((o) => o.code === "ppc_personal_information");
	assert.equal(ppc?.required, true);
	assert.deepEqual(
		ppc?.reasons.map((r) => [r.code, r.params.people]),
		[["people_more_than", 150]],
	);
	// Day 5 is Fri 12-04; day 30 is Tue 12-29, in the New Year closure → Mon 2027-01-04.
	assert.equal(ppc?.preliminary?.due, "2026-12-04");
	assert.equal(ppc?.final?.due, "2027-01-04");
	const myNumber = result.obligations.find((o) => o.code === "ppc_my_number");
	assert.equal(myNumber?.required, false);
});

test("the same case in words, Japanese by default and English on request", async () => {
	const file = await facts("usb-text.json", lostUsbStick);
	const ja = await runCli(["incident", "assess", file], place);
	assert.equal(ja.code, 0, ja.stderr);
	assert.match(ja.stdout, /個人情報保護委員会: 報告が必要/);
	assert.match(ja.stdout, /本人の数が100人を超える（150人） \[施行規則第43条第4号\]/);
	assert.match(ja.stdout, /確報期限: 2027-01-04/);
	const en = await runCli(["incident", "assess", file, "--lang", "en"], place);
	assert.equal(en.code, 0, en.stderr);
	assert.match(en.stdout, /Final report due: 2027-01-04/);
});

test("an encrypted laptop: nothing for the PPC, and the answer says why", async () => {
	const file = await facts("laptop.json", {
		...lostUsbStick,
		encrypted: true,
		dataKinds: ["sensitive"],
	});
	const { code, stdout } = await runCli(["incident", "assess", file, "--json"], place);
	assert.equal(code, 0);
	const ppc = (JSON.parse(stdout) as AssessJson).obligations.find(
		(o) => o.code === "ppc_personal_information",
	);
	assert.equal(ppc?.required, false);
	assert.equal(ppc?.reasons[0]?.code, "exempt");
	assert.equal(ppc?.final, null);
});

test("the pack comes from --pack or the file; Kitakyushu states no My Number rules", async () => {
	const file = await facts("mynumber.json", {
		...lostUsbStick,
		dataKinds: ["my_number"],
		pack: "kitakyushu",
	});
	const fromFile = JSON.parse(
		(await runCli(["incident", "assess", file, "--json"], place)).stdout,
	) as AssessJson;
	assert.equal(fromFile.pack, "kitakyushu");
	assert.equal(fromFile.obligations.find((o) => o.code === "ppc_my_number")?.required, false);
	const saga = JSON.parse(
		(await runCli(["incident", "assess", file, "--json", "--pack", "saga"], place)).stdout,
	) as AssessJson;
	assert.equal(saga.pack, "saga");
	assert.equal(saga.obligations.find((o) => o.code === "ppc_my_number")?.required, true);
});

test("bad input: exit 1 with the field named; wrong usage: exit 2", async () => {
	const cases: [unknown, RegExp][] = [
		[{ ...lostUsbStick, knownAt: "2026-02-30" }, /knownAt: not a calendar date/],
		[{ ...lostUsbStick, knownAt: "30/11/2026" }, /knownAt: expected a date as YYYY-MM-DD/],
		[{ ...lostUsbStick, people: -1 }, /people:/],
		[{ ...lostUsbStick, dataKinds: ["secret"] }, /dataKinds\.0:/],
		[{ ...lostUsbStick, encrypted: "yes" }, /encrypted:/],
		[{ ...lostUsbStick, encryptd: true }, /encryptd/],
		[(({ wrongfulIntent: _, ...rest }) => rest)(lostUsbStick), /wrongfulIntent:/],
		["{ not json", /not valid JSON/],
	];
	for (const [index, [value, message]] of cases.entries()) {
		const file = await facts(`bad-${index}.json`, value);
		const { code, stderr } = await runCli(["incident", "assess", file], place);
		assert.equal(code, 1, `case ${index}: ${stderr}`);
		assert.match(stderr, message);
	}
	const missing = await runCli(["incident", "assess", join(dir, "none.json")], place);
	assert.equal(missing.code, 1);
	assert.match(missing.stderr, /no such file/);
	const big = await facts("big.json", " ".repeat(70_000));
	assert.equal((await runCli(["incident", "assess", big], place)).code, 1);
	assert.equal((await runCli(["incident", "assess"], place)).code, 2);
	const file = await facts("lang.json", lostUsbStick);
	assert.equal((await runCli(["incident", "assess", file, "--lang", "fr"], place)).code, 2);
});
