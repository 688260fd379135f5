import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { encodeShiftJis } from "../../../tests/helpers/shift-jis.ts";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import { checkModel } from "./check-model.ts";
import { parseFirewallCsv, withFirewallFlows } from "./firewall-csv.ts";
import { parseModelFile } from "./load-model.ts";

const EXAMPLES = resolve(import.meta.dirname, "../../../examples/network");

describe("parseFirewallCsv", () => {
	it("turns permitted rows into flows and skips deny rows", async () => {
		const result = await parseFirewallCsv(readFileSync(resolve(EXAMPLES, "firewall-rules.csv")));
		assert.deepEqual(result.errors, []);
		assert.equal(result.deniedRows, 1);
		assert.deepEqual(
			result.flows.map((f) => f.id),
			["R001", "R002", "R003", "R004", "R005", "R006", "R007"],
		);
		assert.deepEqual(result.flows[1], {
			id: "R002",
			source: "10.30.0.25",
			destination: "10.20.0.25",
			protocol: "tcp",
			port: 25,
			via: ["gw-mail"],
			purpose: "無害化したメールを庁内へ",
			classification: "2",
			owner: "情報政策課",
		});
		assert.equal(result.rows[1], 3);
	});

	it("reads Shift_JIS and expands cells listing several addresses", async () => {
		const csv = "ルールID,送信元,宛先,動作\r\nR1,10.0.0.1 10.0.0.2,10.1.0.1,許可\r\n";
		const result = await parseFirewallCsv(Buffer.from(encodeShiftJis(csv)));
		assert.deepEqual(
			result.flows.map((f) => [f.id, f.source]),
			[
				["R1#1", "10.0.0.1"],
				["R1#2", "10.0.0.2"],
			],
		);
	});

	it("names the row and column of each bad cell", async () => {
		const csv = "ルールID,送信元,宛先,動作\nR1,,10.1.0.1,許可\nR1,10.0.0.1,10.1.0.1,たぶん\n";
		const { errors } = await parseFirewallCsv(Buffer.from(csv));
		assert.deepEqual(
			errors.map(({ row, column, code, params }) => ({ row, column, code, params })),
			[
				{ row: 2, column: "送信元", code: "firewall_cell_empty", params: {} },
				{ row: 3, column: "動作", code: "firewall_action_invalid", params: { value: "たぶん" } },
				{
					row: 3,
					column: "ルールID",
					code: "firewall_id_duplicate",
					params: { value: "R1", first: 2 },
				},
			],
		);
		// The message is the English catalogue text, for developers and the CLI.
		assert.equal(errors[1]?.message, "“たぶん” is neither 許可 (allow) nor 拒否 (deny).");
	});

	it("refuses a file without the required headers", async () => {
		const { errors, flows } = await parseFirewallCsv(Buffer.from("a,b\n1,2\n"));
		assert.equal(flows.length, 0);
		assert.deepEqual(
			errors.map((e) => e.column),
			["ルールID", "送信元", "宛先", "動作"],
		);
	});

	it("checks a rule base against the model's segments and finds the planted violations", async () => {
		const { model } = parseModelFile(
			readFileSync(resolve(EXAMPLES, "alpha-compliant.yaml"), "utf8"),
			"yaml",
		);
		assert.ok(model !== null);
		const applied = withFirewallFlows(
			model,
			await parseFirewallCsv(readFileSync(resolve(EXAMPLES, "firewall-rules.csv"))),
		);
		assert.deepEqual(applied.errors, []);
		const report = checkModel(applied.model, loadBundledPack("saga"), { asOf: "2026-01" });
		assert.deepEqual(
			report.violations.map((v) => [v.flow, v.rule]),
			[
				["R004", "lgwan-internet-sanitised"],
				["R005", "tier-isolation"],
				["R006", "internet-egress-security-cloud"],
			],
		);
	});

	it("reports rows whose addresses the model cannot place", async () => {
		const { model } = parseModelFile(
			readFileSync(resolve(EXAMPLES, "violations.yaml"), "utf8"),
			"yaml",
		);
		assert.ok(model !== null);
		const csv = "ルールID,送信元,宛先,動作,経由\nR1,10.9.9.9,lg-office,許可,gw-nope\n";
		const { errors } = withFirewallFlows(model, await parseFirewallCsv(Buffer.from(csv)));
		assert.deepEqual(
			errors.map((e) => [e.row, e.column]),
			[
				[2, "送信元"],
				[2, "経由"],
			],
		);
	});

	it("refuses a block that spans several segments instead of calling it the Internet", async () => {
		const { model } = parseModelFile(
			readFileSync(resolve(EXAMPLES, "alpha-compliant.yaml"), "utf8"),
			"yaml",
		);
		assert.ok(model !== null);
		const csv = "ルールID,送信元,宛先,動作\nR1,10.0.0.0/8,any,許可\n";
		const { errors } = withFirewallFlows(model, await parseFirewallCsv(Buffer.from(csv)));
		assert.deepEqual(
			errors.map(({ row, column, code, params }) => ({ row, column, code, params })),
			[
				{
					row: 2,
					column: "送信元",
					code: "firewall_address_spans",
					params: { value: "10.0.0.0/8" },
				},
			],
		);
	});
});
