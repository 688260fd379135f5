import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor, Role } from "../authz/roles.ts";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { acceptanceRoles, acceptingRole } from "./acceptance.ts";

function actor(...roles: Role[]): Actor {
	return {
		tenantId: "t",
		accountId: "a",
		label: "a",
		ip: null,
		roles: roles.map((role) => ({ role, orgUnitId: null })),
	};
}

function withException(exception: PolicyPack["organisation"]["approvals"]["exception"]) {
	const pack = loadBundledPack("standard");
	return {
		...pack,
		organisation: {
			...pack.organisation,
			approvals: { ...pack.organisation.approvals, exception },
		},
	};
}

test("the bundled packs let the CISO and the exception delegate (chief officer) accept", () => {
	for (const id of ["standard", "saga", "kitakyushu"]) {
		assert.deepEqual(acceptanceRoles(loadBundledPack(id)), ["ciso", "chief_officer"]);
	}
	const pack = loadBundledPack("standard");
	assert.equal(acceptingRole(actor("ciso"), pack), "ciso");
	assert.equal(acceptingRole(actor("chief_officer"), pack), "chief_officer");
	assert.equal(acceptingRole(actor("ciso", "chief_officer"), pack), "ciso");
	for (const role of ["tenant_admin", "section_manager", "auditor", "csirt"] as const) {
		assert.equal(acceptingRole(actor(role), pack), undefined, role);
	}
});

test("without a delegate only the CISO accepts", () => {
	const pack = withException({ approver: "ciso" });
	assert.deepEqual(acceptanceRoles(pack), ["ciso"]);
	assert.equal(acceptingRole(actor("chief_officer"), pack), undefined);
	assert.equal(acceptingRole(actor("ciso"), pack), "ciso");
});

test("a delegate the register's policy does not allow is ignored; the CISO always may", () => {
	const pack = withException({ approver: "committee", delegate: "section_manager" });
	assert.deepEqual(acceptanceRoles(pack), ["ciso"]);
	assert.equal(acceptingRole(actor("section_manager"), pack), undefined);
});
