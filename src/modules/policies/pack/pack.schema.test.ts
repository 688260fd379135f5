import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Problem } from "../../../shared/problem.ts";
import { loadBundledPack, validatePack } from "./load-pack.ts";
import type { PolicyPack } from "./pack.schema.ts";
import { warekiToYearMonth } from "./revisions.schema.ts";

/** A fresh, mutable copy of a bundled pack. */
function draft(id: string): PolicyPack {
	return structuredClone(loadBundledPack(id));
}

// Tests break packs through paths, the way a hand-written file can be wrong in any place.
function parentOf(root: unknown, path: string): [Record<string, unknown>, string] {
	const keys = path.split(".");
	const last = keys.pop() ?? "";
	const parent = keys.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
	assert.ok(typeof parent === "object" && parent !== null, `no object at ${keys.join(".")}`);
	return [parent as Record<string, unknown>, last];
}

function set(root: unknown, path: string, value: unknown): void {
	const [parent, key] = parentOf(root, path);
	parent[key] = value;
}

function remove(root: unknown, path: string): void {
	const [parent, key] = parentOf(root, path);
	delete parent[key];
}

/** The issue paths of a pack that must fail validation. */
function failingPaths(data: unknown): string[] {
	try {
		validatePack(data);
	} catch (error) {
		assert.ok(error instanceof Problem);
		assert.equal(error.code, "validation_failed");
		return error.issues.map((i) => i.path);
	}
	assert.fail("pack was accepted");
}

describe("policy pack validation", () => {
	test("a pack with several wrong fields lists the path of every one", () => {
		const pack = draft("standard");
		set(pack, "scope.extra", "unknown key");
		set(pack, "classification.schemes.1.mapsTo.levels.C2", "C9");
		set(pack, "threats.1.code", "intentional");
		set(pack, "threats.2.label", "should be an object");
		set(pack, "cadence.audit.every", 5);
		set(pack, "organisation.approvals.takeOut.approver", "mayor");
		set(pack, "classification.schemes.0.axes.integrity.0.handling.takeOut", "sometimes");

		assert.deepEqual(failingPaths(pack).sort(), [
			"cadence.audit.every",
			"classification.schemes.0.axes.integrity.0.handling.takeOut",
			"classification.schemes.1.mapsTo.levels.C2",
			"organisation.approvals.takeOut.approver",
			"scope.extra",
			"threats.1.code",
			"threats.2.label",
		]);
	});

	test("the problem message and issues say what is wrong", () => {
		const pack = draft("saga");
		set(pack, "threats.1.code", "intentional");
		assert.throws(
			() => validatePack(pack, "my-city.yaml"),
			(e: unknown) =>
				e instanceof Problem &&
				e.message.startsWith("my-city.yaml is invalid (1 problem)") &&
				e.issues[0]?.message === 'duplicate code "intentional"',
		);
	});

	test("every unknown key is listed on its own", () => {
		const pack = draft("kitakyushu");
		set(pack, "colour", "blue");
		set(pack, "network.zones.lgwan.vlan", 10);
		set(pack, "network.zones.lgwan.owner", "IT");
		assert.deepEqual(failingPaths(pack).sort(), [
			"colour",
			"network.zones.lgwan.owner",
			"network.zones.lgwan.vlan",
		]);
	});

	test("classification references are checked", () => {
		const pack = draft("standard");
		set(pack, "classification.defaultScheme", "missing");
		set(pack, "classification.schemes.1.mapsTo.levels.I2", "A2"); // another axis
		remove(pack, "classification.schemes.1.mapsTo.levels.A1"); // unmapped level
		set(pack, "classification.schemes.1.mapsTo.levels.X9", "C1"); // not a level of this scheme
		set(pack, "classification.schemes.0.axes.availability.1.code", "I1"); // repeats across axes
		assert.deepEqual(failingPaths(pack).sort(), [
			"classification.defaultScheme",
			"classification.schemes.0.axes.availability.1.code",
			"classification.schemes.1.mapsTo.levels.A1",
			"classification.schemes.1.mapsTo.levels.I2",
			"classification.schemes.1.mapsTo.levels.X9",
		]);
	});

	test("a scheme cannot map to a scheme that does not exist, or to itself", () => {
		const pack = draft("standard");
		set(pack, "classification.schemes.1.mapsTo.scheme", "mic_cia");
		assert.deepEqual(failingPaths(pack), ["classification.schemes.1.mapsTo.scheme"]);
		set(pack, "classification.schemes.1.mapsTo.scheme", "nowhere");
		assert.deepEqual(failingPaths(pack), ["classification.schemes.1.mapsTo.scheme"]);
	});

	test("an unknown discriminator names the kind field", () => {
		const pack = draft("saga");
		set(pack, "classification.schemes.0.kind", "colour");
		assert.ok(failingPaths(pack).includes("classification.schemes.0.kind"));
	});

	test("roles used by approvals and the committee must be declared", () => {
		const pack = draft("kitakyushu");
		set(pack, "organisation.approvals.exception.delegate", "csirt");
		set(pack, "organisation.committee.members.3", "auditor");
		set(
			pack,
			"organisation.roles",
			pack.organisation.roles.filter((r) => r.code !== "auditor"),
		);
		assert.deepEqual(failingPaths(pack).sort(), [
			"organisation.approvals.exception.delegate",
			"organisation.committee.members.3",
		]);
	});

	test("a CSIRT needs its role, and social-media rules need an approver", () => {
		const pack = draft("saga");
		set(
			pack,
			"organisation.roles",
			pack.organisation.roles.filter((r) => r.code !== "csirt"),
		);
		remove(pack, "organisation.approvals.socialMediaAccounts");
		// The plan's readers name the CSIRT too, so they fail with it.
		assert.deepEqual(failingPaths(pack).sort(), [
			"incident.csirt",
			"organisation.approvals.emergencyPlanAccess.notify.1",
			"organisation.approvals.socialMediaAccounts",
		]);
	});

	test("revisions are in date order and the 和暦 matches the date", () => {
		const pack = draft("saga");
		set(pack, "revisions.3.era", "平成31年6月");
		set(pack, "revisions.5.date", "2018-01");
		set(pack, "revisions.6.era", "2023-01");
		assert.deepEqual(failingPaths(pack).sort(), [
			"revisions.3.era",
			"revisions.5.date",
			"revisions.5.era",
			"revisions.6.era",
		]);
	});

	test("unverified paths must name fields of the pack", () => {
		const pack = draft("saga");
		set(pack, "provenance.unverified.5", {
			path: "classification.schemes.7",
			note: { ja: "存在しない", en: "missing" },
		});
		assert.deepEqual(failingPaths(pack), ["provenance.unverified.5.path"]);
	});

	test("network routes join two different tiers", () => {
		const pack = draft("saga");
		set(pack, "network.allowedRoutes.0.to", "lgwan");
		set(pack, "network.allowedRoutes.1.via", "mynumber");
		assert.deepEqual(failingPaths(pack).sort(), [
			"network.allowedRoutes.0.to",
			"network.allowedRoutes.1.via",
		]);
	});

	test("the risk matrix has one label per step; its size defaults to 3", () => {
		const pack = draft("standard");
		set(pack, "riskMatrix.size", 5);
		assert.deepEqual(failingPaths(pack).sort(), ["riskMatrix.impact", "riskMatrix.likelihood"]);
		remove(pack, "riskMatrix.size");
		assert.equal(validatePack(pack).riskMatrix.size, 3);
	});

	test("not an object at all", () => {
		assert.deepEqual(failingPaths("formatVersion: 1"), ["(root)"]);
		assert.ok(failingPaths({ formatVersion: 2 }).includes("formatVersion"));
	});

	test("和暦 conversion", () => {
		assert.equal(warekiToYearMonth("平成16年3月"), "2004-03");
		assert.equal(warekiToYearMonth("令和元年7月"), "2019-07");
		assert.equal(warekiToYearMonth("令和5年12月"), "2023-12");
		assert.equal(warekiToYearMonth("令和5年13月"), undefined);
		assert.equal(warekiToYearMonth("R5.9"), undefined);
	});
});
