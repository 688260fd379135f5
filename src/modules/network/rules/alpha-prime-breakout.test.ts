import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { alphaPrimeBreakoutRule } from "./alpha-prime-breakout.ts";
import { lgwanInternetSanitisedRule } from "./lgwan-internet-sanitised.ts";
import { flow, runRule, said } from "./test-kit.ts";

describe("alpha-prime-breakout", () => {
	it("accepts a breakout from the LGWAN tier to a listed cloud service under α′", () => {
		const found = runRule(alphaPrimeBreakoutRule, {
			packModel: "alpha_prime",
			flows: [flow("bo", "lg", "saas")],
		});
		assert.deepEqual(found, []);
		// …and the LGWAN/Internet rule leaves it alone then.
		assert.deepEqual(
			runRule(lgwanInternetSanitisedRule, {
				packModel: "alpha_prime",
				flows: [flow("bo", "lg", "saas")],
			}),
			[],
		);
	});

	it("flags a breakout to a service that is not listed", () => {
		const [v] = runRule(alphaPrimeBreakoutRule, {
			packModel: "alpha_prime",
			flows: [flow("bo", "lg", "saas2")],
		});
		assert.equal(v?.flow, "bo");
		assert.equal(v?.code, "breakout_not_listed");
		assert.deepEqual(v?.params, { segment: "saas2" });
		assert.match(
			said(v).message,
			/connects directly to saas2, which is not a listed breakout service/,
		);
		assert.equal(
			runRule(alphaPrimeBreakoutRule, { packModel: "alpha_prime", flows: [flow("x", "lg", "ext")] })
				.length,
			1,
		);
	});

	it("flags a connection from the cloud into the LGWAN tier", () => {
		const [v] = runRule(alphaPrimeBreakoutRule, {
			packModel: "alpha_prime",
			flows: [flow("in", "saas", "lg")],
		});
		assert.equal(v?.code, "breakout_inbound");
		assert.match(said(v).message, /outward connections only/);
	});

	it("does nothing outside α′, where the breakout is a plain LGWAN/Internet violation", () => {
		assert.deepEqual(runRule(alphaPrimeBreakoutRule, { flows: [flow("bo", "lg", "saas2")] }), []);
		assert.equal(
			runRule(lgwanInternetSanitisedRule, { flows: [flow("bo", "lg", "saas")] }).length,
			1,
		);
	});

	it("follows the file's declared model over the pack's", () => {
		assert.equal(
			runRule(alphaPrimeBreakoutRule, { model: "alpha_prime", flows: [flow("bo", "lg", "saas2")] })
				.length,
			1,
		);
	});
});
