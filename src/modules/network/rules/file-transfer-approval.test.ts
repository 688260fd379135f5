import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileTransferApprovalRule } from "./file-transfer-approval.ts";
import { runRule, said, TEST_GATEWAYS } from "./test-kit.ts";

describe("file-transfer-approval", () => {
	it("accepts a file-sanitising transfer with approval (and other gateways without it)", () => {
		assert.deepEqual(runRule(fileTransferApprovalRule), []);
	});

	it("flags a file-sanitising transfer releasing files without approval", () => {
		const gateways = TEST_GATEWAYS.map((g) => (g.id === "g-file" ? { ...g, approval: false } : g));
		const [v, ...rest] = runRule(fileTransferApprovalRule, { gateways });
		assert.equal(rest.length, 0);
		assert.equal(v?.node, "g-file");
		assert.equal(v?.code, "file_transfer_without_approval");
		assert.match(said(v).message, /g-file releases files without approval/);
	});
});
