import assert from "node:assert/strict";
import { test } from "node:test";
import { neutraliseCsv, toCsv } from "./csv.ts";

test("UTF-8 BOM, a header row, CRLF line ends, every field quoted", () => {
	assert.equal(
		toCsv(
			["番号", "名前"],
			[
				["1", "山田"],
				["2", "鈴木"],
			],
		),
		'\uFEFF"番号","名前"\r\n"1","山田"\r\n"2","鈴木"\r\n',
	);
	assert.equal(toCsv(["a"], []), '\uFEFF"a"\r\n', "a header alone");
});

test("quotes are doubled; commas and line breaks stay inside the field", () => {
	assert.equal(
		toCsv(["x"], [['say "hi", then\r\nleave']]),
		'\uFEFF"x"\r\n"say ""hi"", then\r\nleave"\r\n',
	);
	assert.equal(toCsv(["x"], [[""]]), '\uFEFF"x"\r\n""\r\n');
});

test("cells Excel would run as a formula are written as text", () => {
	const cells = [
		'=HYPERLINK("http://evil.example","x")',
		"+81-3-1234",
		"-1+2",
		"@SUM(A1)",
		"\t=1",
		"\r=1",
	];
	const csv = toCsv(
		["v"],
		cells.map((cell) => [cell]),
	);
	const lines = csv.slice(1).split("\r\n");
	assert.equal(lines[1], `"'=HYPERLINK(""http://evil.example"",""x"")"`);
	assert.equal(lines[2], `"'+81-3-1234"`);
	assert.equal(lines[3], `"'-1+2"`);
	assert.equal(lines[4], `"'@SUM(A1)"`);
	assert.equal(lines[5], `"'\t=1"`);
	assert.ok(csv.includes(`"'\r=1"`));
	assert.equal(
		toCsv(["v"], [["a=b"], ["2026-04-01"], ["山田=1"]]),
		'\uFEFF"v"\r\n"a=b"\r\n"2026-04-01"\r\n"山田=1"\r\n',
		"only a leading character counts",
	);
	assert.equal(toCsv(["=header"], []), `\uFEFF"'=header"\r\n`, "headers too");
});

test("received CSV: formula cells get an apostrophe, quoting and numbers are kept", () => {
	const csv = 'a,=1+1,"@SUM(A1)",-5,"-2+3",＝x\r\n"x,""=y""",+81-3,\t=z\r\n';
	const { text, cells } = neutraliseCsv(csv);
	assert.equal(text, 'a,\'=1+1,"\'@SUM(A1)",-5,"\'-2+3",\'＝x\r\n"x,""=y""",\'+81-3,\'\t=z\r\n');
	assert.equal(cells, 6);
	assert.equal(neutraliseCsv("sep=;\n=a;b\n").text, "sep=;\n'=a;b\n", "Excel's sep= directive");
	assert.equal(neutraliseCsv('"unclosed,=x').text, '"unclosed,=x', "an unclosed quote is one cell");
});
