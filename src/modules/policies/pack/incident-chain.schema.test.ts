import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Problem } from "../../../shared/problem.ts";
import { loadBundledPack, validatePack } from "./load-pack.ts";
import type { PolicyPack } from "./pack.schema.ts";

function issuePaths(data: unknown): string[] {
	try {
		validatePack(data);
	} catch (error) {
		assert.ok(error instanceof Problem);
		return error.issues.map((issue) => issue.path);
	}
	assert.fail("pack was accepted");
}

function draft(id: string): PolicyPack {
	return structuredClone(loadBundledPack(id));
}

describe("the incident reporting chain of a pack", () => {
	test("the bundled packs state it: Saga through its CSIRT, Kitakyushu through 統括", () => {
		const saga = loadBundledPack("saga").incident.chain;
		const kitakyushu = loadBundledPack("kitakyushu").incident.chain;
		const standard = loadBundledPack("standard").incident.chain;
		assert.equal(saga?.contactPoint, "csirt");
		assert.equal(standard?.contactPoint, "csirt");
		// No CSIRT in Kitakyushu's policy: its emergency plan's contact, 統括, takes reports.
		assert.equal(loadBundledPack("kitakyushu").incident.csirt, false);
		assert.equal(kitakyushu?.contactPoint, "chief_officer");
		assert.deepEqual(
			kitakyushu?.notify.filter((step) => step.fromSeverity === 1).map((step) => step.role),
			["section_manager", "chief_officer"],
		);
		for (const chain of [saga, kitakyushu, standard]) {
			assert.equal(chain?.escalation.afterHours, 2);
			assert.equal(chain?.escalation.fromSeverity, 3);
			assert.equal(chain?.notify.find((step) => step.role === "ciso")?.fromSeverity, 3);
		}
	});

	test("the chain is optional", () => {
		const pack = draft("standard");
		delete pack.incident.chain;
		pack.provenance.notes = pack.provenance.notes?.filter((n) => n.path !== "incident.chain");
		assert.equal(validatePack(pack).incident.chain, undefined);
	});

	test("severities lie on the pack's scale, roles appear once, a CSIRT contact needs a CSIRT", () => {
		const pack = draft("kitakyushu");
		const chain = pack.incident.chain;
		assert.ok(chain);
		chain.contactPoint = "csirt";
		chain.escalation.fromSeverity = 4;
		chain.notify.push({ role: "ciso", fromSeverity: 5 });
		assert.deepEqual(issuePaths(pack).sort(), [
			"incident.chain.contactPoint",
			"incident.chain.escalation.fromSeverity",
			"incident.chain.notify.4.fromSeverity",
			"incident.chain.notify.4.role",
		]);
	});

	test("unknown roles and hours out of range are refused", () => {
		const pack = draft("standard");
		const chain = pack.incident.chain as unknown as Record<string, unknown>;
		chain.notify = [{ role: "auditor", fromSeverity: 1 }];
		chain.escalation = { afterHours: 0 };
		assert.deepEqual(issuePaths(pack).sort(), [
			"incident.chain.escalation.afterHours",
			"incident.chain.notify.0.role",
		]);
	});
});
