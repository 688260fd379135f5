import assert from "node:assert/strict";
import { test } from "node:test";
import {
	certificateRequired,
	DISPOSAL_METHODS,
	finalLifecycle,
	IRRECOVERABLE_METHODS,
	methodAllowed,
} from "./disposal-rules.ts";

test("an irrecoverable class refuses only a plain deletion", () => {
	const refused = DISPOSAL_METHODS.filter((m) => !methodAllowed(m, "irrecoverable"));
	assert.deepEqual(refused, ["deletion"]);
	assert.ok(DISPOSAL_METHODS.every((m) => methodAllowed(m, "standard")));
	assert.ok(!IRRECOVERABLE_METHODS.has("deletion"));
	assert.ok(!IRRECOVERABLE_METHODS.has("lease_return"));
});

test("storage media always need a certificate; other kinds only for a lease return of a strict class", () => {
	for (const method of DISPOSAL_METHODS) {
		assert.ok(certificateRequired("systems", method, "standard"), method);
	}
	assert.ok(!certificateRequired("information", "physical_destruction", "irrecoverable"));
	assert.ok(certificateRequired("documents", "lease_return", "irrecoverable"));
	assert.ok(!certificateRequired("documents", "lease_return", "standard"));
});

test("a lease return leaves the asset returned, anything else disposed", () => {
	assert.equal(finalLifecycle("lease_return"), "returned");
	assert.equal(finalLifecycle("degaussing"), "disposed");
});
