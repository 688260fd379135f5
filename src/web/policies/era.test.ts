import assert from "node:assert/strict";
import { test } from "node:test";
import { revisionSeireki, revisionWareki } from "./era.ts";

test("revision dates read in 和暦 and 西暦", () => {
	assert.equal(revisionWareki("2004-03"), "平成16年3月");
	assert.equal(revisionWareki("2019-07"), "令和元年7月");
	assert.equal(revisionWareki("2026-11-22"), "令和8年11月22日");
	assert.equal(revisionSeireki("2004-03"), "2004年3月");
	assert.equal(revisionSeireki("2026-11-02"), "2026年11月2日");
});
