import assert from "node:assert/strict";
import { test } from "node:test";
import { editWorkbook, isDdeFormula, stripDdeFormulas } from "./ooxml-workbook.ts";

test("DDE formulas are told from ordinary ones by a | outside strings", () => {
	assert.equal(isDdeFormula("cmd|' /C calc'!A0"), true);
	assert.equal(isDdeFormula("=MSEXCEL|'\\..\\..\\cmd.exe'!''"), true);
	assert.equal(isDdeFormula('"a|b"&"c"'), false);
	assert.equal(isDdeFormula('"say ""|"""&A1'), false);
	assert.equal(isDdeFormula("SUM(A1:A3)"), false);
});

test("removed sheets take their names with them; indexes follow", () => {
	const xml =
		'<workbook><bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet name="A" r:id="rId1"/><sheet name="M&amp;1" r:id="rId2"/><sheet name="B" r:id="rId3"/></sheets><definedNames><definedName name="x" localSheetId="1">1</definedName><definedName name="y">\'M&amp;1\'!$A$1</definedName><definedName name="z" localSheetId="2">B!$A$1</definedName><definedName name="auto_open_x">A!$A$1</definedName><definedName name="f" xlm="1">A!$A$1</definedName><definedName name="d">dde|x!y</definedName></definedNames></workbook>';
	const result = editWorkbook(xml, new Set(["rId2"]), false);
	assert.deepEqual(result.removed, [
		"defined name x (belongs to a removed sheet)",
		"defined name y (refers to the removed sheet M&1)",
		"defined name auto_open_x (runs when the workbook opens or closes)",
		"defined name f (Excel 4 macro)",
		"defined name d (DDE call)",
	]);
	assert.equal(
		result.xml,
		'<workbook><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="A" r:id="rId1"/><sheet name="B" r:id="rId3"/></sheets><definedNames><definedName name="z" localSheetId="1">B!$A$1</definedName></definedNames></workbook>',
	);
});

test("a DDE cell keeps its cached value; self-closing cells are not confused with it", () => {
	const xml =
		'<sheetData><row><c r="A1"/><c r="B1"><f>cmd|\'/c calc\'!A0</f><v>7</v></c></row></sheetData>';
	const result = stripDdeFormulas(xml, "xl/worksheets/sheet1.xml");
	assert.deepEqual(result.removed, ["DDE formula in xl/worksheets/sheet1.xml cell B1"]);
	assert.equal(result.xml, '<sheetData><row><c r="A1"/><c r="B1"><v>7</v></c></row></sheetData>');
});
