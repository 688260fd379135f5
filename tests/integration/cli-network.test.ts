import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { runCli } from "../helpers/cli.ts";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-db.ts";
import { pdfText } from "../helpers/pdf-text.ts";

const EXAMPLES = resolve(import.meta.dirname, "../../examples/network");
const example = (name: string) => resolve(EXAMPLES, name);

interface CheckJson {
	compliant: boolean;
	model: string;
	violations: {
		rule: string;
		flow: string | null;
		node: string | null;
		clause: string;
		message: string;
		remedy: string;
	}[];
	stats: { flows: number; violations: number };
}

let place: EmptyDatabase;
let dir: string;
before(async () => {
	place = await createEmptyDatabase();
	dir = await mkdtemp(join(tmpdir(), "mamori-network-"));
});
after(async () => {
	await place.cleanup();
	await rm(dir, { recursive: true, force: true });
});

const mamori = (...args: string[]) => runCli(["network", "check", ...args], place);

async function writeModel(name: string, text: string): Promise<string> {
	const file = join(dir, name);
	await writeFile(file, text);
	return file;
}

describe("mamori network check: the shipped examples", () => {
	test("the α example is compliant with the pack it names (Saga): exit 0", async () => {
		const run = await mamori(example("alpha-compliant.yaml"));
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /判定: 適合/);
	});

	test("the β′ example is compliant with its own pack file: exit 0, JSON says so", async () => {
		const run = await mamori(example("beta-prime-compliant.yaml"), "--json");
		assert.equal(run.code, 0, run.stderr);
		const json = JSON.parse(run.stdout) as CheckJson;
		assert.equal(json.compliant, true);
		assert.equal(json.model, "beta_prime");
		assert.deepEqual(json.violations, []);
	});

	test("violations.yaml exits 4 and lists the expected rules with flow, clause and remedy", async () => {
		const run = await mamori(example("violations.yaml"), "--json");
		assert.equal(run.code, 4, run.stderr);
		const json = JSON.parse(run.stdout) as CheckJson;
		assert.equal(json.compliant, false);
		const pairs = json.violations.map((v) => `${v.rule} ${v.flow ?? v.node ?? "-"}`);
		for (const expected of [
			"model-matches-pack -",
			"lgwan-internet-sanitised f-direct-web",
			"internet-egress-security-cloud f-bypass",
			"tier-isolation f-mynumber-out",
			"standalone-isolation f-lab",
			"flow-path-consistent f-wrong-gateway",
			"terminal-mfa my-term-01",
			"terminal-take-out-blocked my-term-01",
			"tier-monitoring inet-dmz",
			"file-transfer-approval gw-file",
			"mynumber-data-placement lg-tax-copy",
			"beta-terminal-controls in-term-01",
		]) {
			assert.ok(pairs.includes(expected), `missing ${expected} in ${pairs.join(", ")}`);
		}
		const isolation = json.violations.find((v) => v.flow === "f-mynumber-out");
		assert.match(isolation?.clause ?? "", /基本方針 6\(3\)①/);
		assert.ok((isolation?.remedy ?? "").length > 10);
	});

	test("--pack overrides the file's pack: the α example breaks the standard pack", async () => {
		const run = await mamori(example("alpha-compliant.yaml"), "--pack", "standard", "--lang", "en");
		assert.equal(run.code, 4);
		assert.match(run.stdout, /^tier-isolation +flow f-file-to-mynumber/m);
	});

	test("--tenant checks against the tenant's stored pack", async () => {
		const added = await runCli(["tenant", "add", "--name", "saga-city", "--pack", "saga"], place);
		assert.equal(added.code, 0, added.stderr);
		const saga = await mamori(example("alpha-compliant.yaml"), "--pack", "standard", "--json");
		assert.equal(saga.code, 4);
		const tenant = await mamori(example("alpha-compliant.yaml"), "--tenant", "saga-city", "--json");
		assert.equal(tenant.code, 0, tenant.stderr);
		const unknown = await mamori(example("alpha-compliant.yaml"), "--tenant", "nobody");
		assert.equal(unknown.code, 1);
		assert.match(unknown.stderr, /no tenant "nobody"/);
	});

	test("--firewall checks a rule base against the model's segments", async () => {
		const run = await mamori(
			"--model",
			example("alpha-compliant.yaml"),
			"--firewall",
			example("firewall-rules.csv"),
			"--json",
		);
		assert.equal(run.code, 4, run.stderr);
		const json = JSON.parse(run.stdout) as CheckJson;
		assert.deepEqual(
			json.violations.map((v) => `${v.flow} ${v.rule}`),
			[
				"R004 lgwan-internet-sanitised",
				"R005 tier-isolation",
				"R006 internet-egress-security-cloud",
			],
		);
		assert.equal(json.stats.flows, 7);
	});

	test("--pdf and --xlsx write the reports", async () => {
		const pdf = join(dir, "check.pdf");
		const xlsx = join(dir, "check.xlsx");
		const run = await mamori(example("violations.yaml"), "--pdf", pdf, "--xlsx", xlsx);
		assert.equal(run.code, 4, run.stderr);
		const bytes = await readFile(pdf);
		// The CLI runs with MAMORI_PDF_FONT unset: the font is the one npm install brought, so
		// a machine with only Node and npm writes this report (no system font is looked at).
		assert.match(bytes.toString("latin1"), /NotoSansJP/u);
		const text = pdfText(bytes);
		if (text !== null) assert.match(text.replace(/\s+/g, ""), /三層分離チェック結果/);
		assert.equal((await readFile(xlsx)).subarray(0, 2).toString(), "PK");
	});
});

describe("mamori network check: bad input gets one message per problem, with line:column", () => {
	const head =
		"formatVersion: 1\nname: bad\nsegments:\n  - id: my\n    kind: mynumber\n  - id: lg\n    kind: lgwan\n";

	test("an unknown node reference", async () => {
		const file = await writeModel(
			"unknown.yaml",
			`${head}flows:\n  - id: f1\n    source: my\n    destination: ghost\n`,
		);
		const run = await mamori(file);
		assert.equal(run.code, 1);
		assert.deepEqual(run.errorLines, [
			`${file}:11:18: flows[0].destination: There is no node or segment “ghost”.`,
			`${file}: 1 problem; nothing was checked`,
		]);
	});

	test("a duplicate id", async () => {
		const file = await writeModel("dup.yaml", `${head}  - id: my\n    kind: internet\n`);
		const run = await mamori(file);
		assert.equal(run.code, 1);
		assert.equal(run.errorLines.length, 2);
		assert.match(
			run.errorLines[0] ?? "",
			/dup\.yaml:8:9: segments\[2\]\.id: The id “my” is used twice \(first at segments\[0\], line 4\)\.$/,
		);
	});

	test("a cycle in gateway chains", async () => {
		const gateways =
			"gateways:\n  - id: a\n    kind: sanitizing_mail\n    between: [my, lg]\n    next: [b]\n" +
			"  - id: b\n    kind: sanitizing_mail\n    between: [my, lg]\n    next: [a]\n";
		const file = await writeModel("cycle.yaml", `${head}${gateways}`);
		const run = await mamori(file);
		assert.equal(run.code, 1);
		assert.equal(run.errorLines.length, 2);
		assert.match(
			run.errorLines[0] ?? "",
			/cycle\.yaml:16:12: gateways\[1\]\.next\[0\]: The gateway chain loops: a → b → a$/,
		);
	});

	test("a YAML syntax error", async () => {
		const file = await writeModel("syntax.yaml", `${head}  - id: x\n   kind: lgwan\n`);
		const run = await mamori(file);
		assert.equal(run.code, 1);
		assert.equal(run.errorLines.length, 2);
		assert.match(run.errorLines[0] ?? "", /syntax\.yaml:9:\d+: The YAML is malformed .* Detail: /);
	});

	test("several problems: one line each", async () => {
		const file = await writeModel(
			"many.json",
			JSON.stringify(
				{
					formatVersion: 1,
					name: "many",
					segments: [{ id: "s", kind: "lgwan" }],
					nodes: [
						{ id: "n1", kind: "server", segment: "nope" },
						{ id: "n1", kind: "server", segment: "s" },
					],
				},
				null,
				2,
			),
		);
		const run = await mamori(file);
		assert.equal(run.code, 1);
		assert.equal(run.errorLines.length, 3);
		assert.match(
			run.errorLines[0] ?? "",
			/many\.json:14:18: nodes\[0\]\.segment: There is no segment “nope”\./,
		);
		assert.match(
			run.errorLines[1] ?? "",
			/many\.json:17:13: nodes\[1\]\.id: The id “n1” is used twice/,
		);
	});

	test("usage errors exit 2; a missing file exits 1", async () => {
		assert.equal((await mamori()).code, 2);
		assert.equal(
			(await mamori(example("violations.yaml"), "--pack", "saga", "--tenant", "x")).code,
			2,
		);
		const missing = await mamori(join(dir, "absent.yaml"));
		assert.equal(missing.code, 1);
		assert.match(missing.stderr, /cannot read .*absent\.yaml: no such file/);
	});
});
