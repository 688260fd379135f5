import assert from "node:assert/strict";
import { test } from "node:test";
import {
	activePartLabel,
	disguisedSheet,
	keptRelationship,
	relationshipLabel,
	rootElement,
} from "./ooxml-allow-list.ts";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET = `${R}/worksheet`;

test("relationship types are kept per document type, from known publishers only", () => {
	assert.equal(keptRelationship("xl", WORKSHEET), true);
	assert.equal(keptRelationship("word", WORKSHEET), false);
	assert.equal(
		keptRelationship("xl", "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet"),
		true,
	);
	assert.equal(keptRelationship("xl", "http://attacker.example/relationships/worksheet"), false);
	for (const type of [
		"http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet",
		"http://schemas.microsoft.com/office/2006/relationships/vbaProject",
		`${R}/oleObject`,
		`${R}/attachedTemplate`,
		`${R}/connections`,
		`${R}/queryTable`,
		`${R}/externalLink`,
		`${R}/aFChunk`,
	])
		for (const kind of ["word", "xl", "ppt"] as const)
			assert.equal(keptRelationship(kind, type), false, `${kind} ${type}`);
	assert.equal(
		relationshipLabel("http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet"),
		"Excel 4 (XLM) macro sheet",
	);
	assert.equal(relationshipLabel(`${R}/somethingNew`), "part not on the allow-list (somethingNew)");
	assert.equal(
		activePartLabel("xl/intlMacrosheets/sheet1.xml"),
		"Excel 4 (XLM) international macro sheet",
	);
	assert.equal(activePartLabel("xl/worksheets/sheet1.xml"), null);
});

test("a macro sheet behind a worksheet relationship is found past comments that name a worksheet", () => {
	const macro = '<?xml version="1.0"?><!-- <worksheet> --><xm:macrosheet xmlns:xm="x"/>';
	assert.equal(rootElement(macro), "macrosheet");
	assert.equal(disguisedSheet(WORKSHEET, macro), "Excel 4 (XLM) macro sheet");
	assert.equal(disguisedSheet(WORKSHEET, '<?xml version="1.0"?>\n<worksheet xmlns="x"/>'), null);
	assert.equal(
		disguisedSheet(WORKSHEET, "<!-- long -->".repeat(400)),
		"worksheet whose root element is not <worksheet>",
	);
	assert.equal(disguisedSheet(`${R}/styles`, macro), null, "only sheet relationships are checked");
});
