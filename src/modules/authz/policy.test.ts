import assert from "node:assert/strict";
import { test } from "node:test";
import { Problem } from "../../shared/problem.ts";
import { accountsPolicy } from "../accounts/accounts.policy.ts";
import { assetsPolicy } from "../assets/assets.policy.ts";
import { auditLogPolicy } from "../audit-log/audit-log.policy.ts";
import { orgPolicy } from "../org/org.policy.ts";
import { actionRoles, allPermissions } from "./permissions.ts";
import { allowedActions, authorize, can, definePolicy } from "./policy.ts";
import type { Actor, Role } from "./roles.ts";

function actor(...roles: Role[]): Actor {
	return {
		tenantId: "t1",
		accountId: "a1",
		label: "テスト",
		roles: roles.map((role) => ({ role, orgUnitId: role === "section_manager" ? "ou1" : null })),
		ip: null,
	};
}

const policy = definePolicy({
	"thing.read": ["staff"],
	"thing.approve": ["ciso", "section_manager"],
	"thing.delete": ["tenant_admin"],
	"thing.nobody": [],
});

test("can: a role listed for the action allows it; staff actions are open to every account", () => {
	assert.equal(can(actor(), policy, "thing.read"), true, "no roles: still staff");
	assert.equal(can(actor(), policy, "thing.approve"), false);
	assert.equal(can(actor("ciso"), policy, "thing.approve"), true);
	assert.equal(can(actor("section_manager"), policy, "thing.approve"), true);
	assert.equal(can(actor("ciso"), policy, "thing.delete"), false);
	assert.equal(
		can(actor("auditor", "tenant_admin"), policy, "thing.delete"),
		true,
		"any held role",
	);
	assert.equal(can(actor("instance_admin"), policy, "thing.delete"), false, "no implied roles");
	assert.equal(can(actor(...(["tenant_admin", "ciso"] as Role[])), policy, "thing.nobody"), false);
});

test("authorize throws a forbidden problem naming the action and the roles, and passes silently otherwise", () => {
	assert.doesNotThrow(() => authorize(actor("tenant_admin"), policy, "thing.delete"));
	assert.throws(
		() => authorize(actor("ciso"), policy, "thing.delete"),
		(error) =>
			error instanceof Problem &&
			error.code === "forbidden" &&
			error.status === 403 &&
			error.message.includes("thing.delete"),
	);
	assert.throws(
		() => authorize(actor(), policy, "thing.approve"),
		(error) =>
			error instanceof Problem &&
			error.params?.roles === "ciso,section_manager" &&
			error.params.action === "thing.approve" &&
			JSON.stringify(error.toJSON()).includes('"params":{"action":"thing.approve"'),
		"the refusal names the roles that may act",
	);
});

test("allowedActions lists the permitted actions in policy order, or of a given subset", () => {
	assert.deepEqual(allowedActions(actor(), policy), ["thing.read"]);
	assert.deepEqual(allowedActions(actor("ciso"), policy), ["thing.read", "thing.approve"]);
	assert.deepEqual(allowedActions(actor("tenant_admin", "ciso"), policy), [
		"thing.read",
		"thing.approve",
		"thing.delete",
	]);
	assert.deepEqual(allowedActions(actor("ciso"), policy, ["thing.delete", "thing.approve"]), [
		"thing.approve",
	]);
});

test("the real policies: auditors read accounts and the log but change nothing", () => {
	const auditor = actor("auditor");
	assert.deepEqual(allowedActions(auditor, accountsPolicy), ["account.read"]);
	assert.deepEqual(allowedActions(auditor, auditLogPolicy), ["audit-log.read", "audit-log.export"]);
	assert.deepEqual(allowedActions(auditor, orgPolicy), ["org_unit.read", "staff.read"]);
	const permissions = allPermissions(actor("tenant_admin"));
	for (const action of [
		"account.create",
		"role.assign",
		"audit-log.export",
		"org_unit.create",
		"roster.import",
	]) {
		assert.ok(permissions.includes(action), action);
	}
	assert.ok(!permissions.includes("tenant.create"), "tenants are for instance administrators");
	const staff = allPermissions(actor());
	assert.ok(staff.includes("org_unit.read"));
	for (const action of [
		"account.read",
		"audit-log.read",
		"tenant.read",
		"org_unit.create",
		"staff.read",
		"roster.import",
	]) {
		assert.ok(!staff.includes(action), `plain staff may not ${action}`);
	}
});

test("actionRoles names, for each action, the roles of its module's policy", () => {
	const roles = actionRoles();
	assert.deepEqual(roles["asset.write"], [...assetsPolicy["asset.write"]]);
	assert.deepEqual(roles["audit-log.read"], [...auditLogPolicy["audit-log.read"]]);
	assert.ok(!roles["role.assign"]?.includes("staff"), "assigning roles is not for plain staff");
});
