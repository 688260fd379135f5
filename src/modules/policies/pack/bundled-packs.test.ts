import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { Problem } from "../../../shared/problem.ts";
import type { ClassificationScheme } from "./classification.schema.ts";
import { BUNDLED_PACK_IDS, listBundledPacks, loadBundledPack } from "./load-pack.ts";
import { packForUsers } from "./pack.schema.ts";

function scheme(id: string, code: string): ClassificationScheme {
	const found = loadBundledPack(id).classification.schemes.find((s) => s.code === code);
	assert.ok(found, `${id} has scheme ${code}`);
	return found;
}

describe("bundled policy packs", () => {
	test("all three validate and are listed", () => {
		assert.deepEqual(
			listBundledPacks().map((p) => p.id),
			["saga", "kitakyushu", "standard"],
		);
		for (const id of BUNDLED_PACK_IDS) assert.equal(loadBundledPack(id).id, id);
	});

	test("what users see holds no authors' notes; those live in provenance", () => {
		const authoring = /当方|未確認|仮定|仮置|our own|unverified|assumed|placeholder/u;
		for (const id of BUNDLED_PACK_IDS) {
			const pack = loadBundledPack(id);
			const shown = JSON.stringify(packForUsers(pack));
			assert.ok(!shown.includes("provenance"), id);
			const found = shown.match(new RegExp(`[^"]*(${authoring.source})[^"]*`, "u"));
			assert.equal(found?.[0], undefined, `${id} shows an authors' note to users`);
			assert.match(JSON.stringify(pack.provenance), authoring, `${id} keeps them for authors`);
		}
	});

	test("an unknown bundled pack is not_found", () => {
		assert.throws(
			() => loadBundledPack("../../etc/passwd"),
			(e: unknown) => e instanceof Problem && e.code === "not_found",
		);
	});

	test("saga: agencies, threats, four importance levels, nine revisions in order", () => {
		const saga = loadBundledPack("saga");
		assert.deepEqual(
			saga.scope.agencies.map((a) => a.name.ja),
			[
				"市長部局",
				"議会事務局",
				"監査事務局",
				"公平委員会",
				"選挙管理委員会事務局",
				"農業委員会事務局",
				"教育委員会事務局",
			],
		);
		assert.equal(saga.threats.length, 6);
		assert.equal(saga.threats.at(-1)?.code, "other");
		assert.equal(saga.classification.defaultScheme, "importance");
		const importance = scheme("saga", "importance");
		assert.equal(importance.kind, "importance");
		assert.ok(importance.kind === "importance");
		assert.deepEqual(
			importance.levels.map((l) => l.code),
			["I", "II", "III", "IV"],
		);
		assert.ok(
			saga.provenance.notes?.some((n) => n.path === "classification.schemes.0"),
			"the wording is marked unverified for the pack's authors",
		);
		assert.ok(saga.provenance.unverified.some((u) => u.path === "classification.schemes.0.levels"));

		const dates = saga.revisions.map((r) => r.date);
		assert.equal(dates.length, 9);
		assert.equal(dates[0], "2004-03");
		assert.equal(dates[8], "2023-09");
		assert.deepEqual(dates, [...dates].sort());
		assert.equal(saga.revisions[4]?.era, "令和元年7月");

		assert.equal(saga.dutyToComply, "policy");
		assert.equal(saga.incident.csirt, true);
		assert.equal(saga.provisions.socialMedia.inForce, true);
		assert.equal(saga.provisions.specificPersonalInformation.inForce, true);
		assert.equal(saga.cadence.audit.every, "fiscal_year");
		assert.deepEqual(saga.cadence.review.alsoWhen, ["major_change"]);
		const staff = new Map(saga.staffCategories.map((c) => [c.code, c.countsAsStaff]));
		assert.equal(staff.get("fiscal_year_appointed"), true);
		assert.equal(staff.get("resident_contractor"), true);
		assert.ok(
			saga.network.allowedRoutes.some(
				(r) => r.from === "internet" && r.to === "mynumber" && r.via === "lgwan",
			),
		);
		assert.equal(saga.documents.procedures.publication, "non_public");
		assert.equal(saga.documents.additional.length, 1);
	});

	test("kitakyushu: CIA scheme, five threats, no revisions, no social-media rules", () => {
		const kitakyushu = loadBundledPack("kitakyushu");
		const cia = scheme("kitakyushu", kitakyushu.classification.defaultScheme);
		assert.ok(cia.kind === "cia");
		assert.deepEqual(
			cia.axes.confidentiality.map((l) => l.label.ja),
			["機密性3", "機密性2", "機密性1"],
		);
		assert.deepEqual(
			cia.axes.integrity.map((l) => l.code),
			["I2", "I1"],
		);
		assert.deepEqual(
			cia.axes.availability.map((l) => l.code),
			["A2", "A1"],
		);
		assert.equal(kitakyushu.threats.length, 5);
		assert.deepEqual(kitakyushu.revisions, []);
		assert.equal(kitakyushu.provisions.socialMedia.inForce, false);
		assert.equal(kitakyushu.organisation.approvals.socialMediaAccounts, undefined);
		assert.equal(kitakyushu.scope.agencies.length, 8);
		assert.ok(kitakyushu.scope.agencies.some((a) => a.name.ja === "消防長"));
		assert.equal(kitakyushu.dutyToComply, "policy_and_procedures");
		assert.equal(kitakyushu.incident.csirt, false);
		assert.equal(kitakyushu.incident.planName.ja, "緊急時対応計画");
		assert.equal(kitakyushu.cadence.review.requiresRiskAnalysis, true);
		assert.equal(kitakyushu.cadence.audit.every, "periodic");
		assert.equal(kitakyushu.documents.procedures.name.ja, "情報セキュリティ実施手順");
	});

	test("standard: the 2024 3A/3B/3C/2/1 scheme is default, mapped from the classic one", () => {
		const standard = loadBundledPack("standard");
		assert.equal(standard.municipality, null);
		const current = scheme("standard", standard.classification.defaultScheme);
		assert.ok(current.kind === "cia");
		assert.deepEqual(
			current.axes.confidentiality.map((l) => l.code),
			["C3A", "C3B", "C3C", "C2", "C1"],
		);
		const classic = scheme("standard", "mic_cia");
		assert.equal(classic.mapsTo?.scheme, current.code);
		assert.equal(classic.mapsTo?.levels.C3, "C3A");
		// Handling gets stricter, never looser, going up the levels.
		const takeOut = current.axes.confidentiality.map((l) => l.handling.takeOut);
		assert.deepEqual(takeOut, [
			"prohibited",
			"approval_required",
			"approval_required",
			"approval_required",
			"allowed",
		]);
		assert.equal(standard.basedOnGuideline.edition, "令和7年3月");
		assert.ok(standard.organisation.roles.some((r) => r.code === "csirt"));
	});

	// Packs hold facts in our own words: no run of 24 characters may come from a seed policy.
	const seedDir = resolve(import.meta.dirname, "../../../../../shared/seeds");
	const seeds = {
		saga: "000_2ada437c7fa3d3e9.txt",
		kitakyushu: "004_34f5ad730ec06e4b.txt",
	} as const;
	test("no seed sentence is pasted into a pack", {
		skip: !existsSync(seedDir) && "seed policies not available",
	}, () => {
		const squash = (s: string) => s.replace(/[\s\u3000]+/g, "");
		const seedText = Object.values(seeds)
			.map((file) => squash(readFileSync(resolve(seedDir, file), "utf8")))
			.join("|");
		const window = 24;
		for (const id of BUNDLED_PACK_IDS) {
			const yaml = readFileSync(resolve(import.meta.dirname, "packs", `${id}.yaml`), "utf8");
			for (const line of yaml.split("\n")) {
				const value = squash(line.replace(/^\s*(-\s*)?[\w$]+:\s*/, ""));
				for (let i = 0; i + window <= value.length; i++) {
					const piece = value.slice(i, i + window);
					assert.ok(!seedText.includes(piece), `${id}.yaml copies seed text: ${piece}`);
				}
			}
		}
	});
});
