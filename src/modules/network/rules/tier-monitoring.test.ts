import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runRule, said, TEST_SEGMENTS } from "./test-kit.ts";
import { tierMonitoringRule } from "./tier-monitoring.ts";

describe("tier-monitoring", () => {
	it("accepts an Internet tier segment with monitoring", () => {
		assert.deepEqual(runRule(tierMonitoringRule), []);
	});

	it("flags an Internet tier segment without monitoring, naming the segment", () => {
		const segments = TEST_SEGMENTS.map((s) =>
			s.id === "inet" ? { id: "inet", kind: "internet" as const } : s,
		);
		const [v, ...rest] = runRule(tierMonitoringRule, { segments });
		assert.equal(rest.length, 0);
		assert.equal(v?.node, "inet");
		assert.equal(v?.clause, "基本方針 6(3)③");
		assert.equal(v?.technical, "network.zones.internet.enhancedMonitoring");
		assert.equal(v?.code, "segment_unmonitored");
		assert.match(said(v).message, /Segment inet of the Internet tier has no intrusion monitoring/);
	});
});
