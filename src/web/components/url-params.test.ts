import assert from "node:assert/strict";
import { test } from "node:test";
import { readParams, writeParams } from "./url-params.ts";

const DEFAULTS = { q: "", zone: "", sort: "code", order: "asc", offset: "0" };

test("a list's filter, sort and page are read back from its address", () => {
	assert.deepEqual(readParams("?zone=lgwan&q=%E4%BD%8F%E6%B0%91&offset=50", DEFAULTS), {
		q: "住民",
		zone: "lgwan",
		sort: "code",
		order: "asc",
		offset: "50",
	});
	assert.deepEqual(readParams("", DEFAULTS), DEFAULTS, "a plain address is the plain list");
});

test("writing leaves defaults out and keeps what other controls put there", () => {
	assert.equal(writeParams("", DEFAULTS, { q: "PC", zone: "", offset: "0" }), "?q=PC");
	assert.equal(writeParams("?tab=risks&q=PC", DEFAULTS, { q: "" }), "?tab=risks");
	assert.equal(
		writeParams("?q=PC", DEFAULTS, { sort: "name", order: "desc" }),
		"?q=PC&sort=name&order=desc",
	);
	assert.equal(writeParams("?q=PC", DEFAULTS, { q: "" }), "");
	const written = writeParams("", DEFAULTS, { q: "住民 記録", zone: "mynumber" });
	assert.deepEqual(readParams(written, DEFAULTS), {
		...DEFAULTS,
		q: "住民 記録",
		zone: "mynumber",
	});
});
